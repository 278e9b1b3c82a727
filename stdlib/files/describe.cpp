// The self-description of the files library: every function's signature, documentation and legacy argument errors.
#include "stdlib/files/functions.h"

namespace hie::stdlib::files {
namespace {

using library::FunctionDoc;
using library::FunctionKind;
using library::LegacyArgumentError;
using library::ParamDoc;

ParamDoc scope_param(std::string description) { return {"scope", "scope", std::move(description), false}; }

FilesFunction selector(std::string name, std::string description, std::vector<ParamDoc> params, std::string example,
                       SelectorFn fn, std::vector<LegacyArgumentError> legacy = {}) {
  FilesFunction function;
  function.doc = FunctionDoc{std::move(name), FunctionKind::Selector, std::move(description), std::move(params),
                             "scope",         std::move(example)};
  function.legacy = std::move(legacy);
  function.selector = fn;
  return function;
}

FilesFunction check(std::string name, std::string description, std::vector<ParamDoc> params, std::string example,
                    CheckFn fn, std::vector<LegacyArgumentError> legacy = {}) {
  FilesFunction function;
  function.doc = FunctionDoc{std::move(name),   FunctionKind::Check, std::move(description), std::move(params), "",
                             std::move(example)};
  function.legacy = std::move(legacy);
  function.check = fn;
  return function;
}

std::vector<FilesFunction> build_functions() {
  std::vector<FilesFunction> functions;
  // Selectors of the older tool (descriptions and examples from its catalogue).
  functions.push_back(selector(
      "file_selector",
      "Select a single file by its path relative to the workspace. The scope is empty when no such file exists.",
      {{"path", "string", "Relative path to the file from the workspace root", false}},
      "scope main = files.file_selector('src/main.rs')", file_selector,
      {{0, "E100", "file_selector requires a string path argument"}}));
  functions.push_back(selector(
      "folder_selector",
      "Select a folder and all files within it recursively. The scope is empty when no such folder exists.",
      {{"path", "string", "Relative path to the folder from the workspace root ('.' for the whole workspace)", false}},
      "scope src = files.folder_selector('src')", folder_selector,
      {{0, "E101", "folder_selector requires a string path argument"}}));
  functions.push_back(selector(
      "glob_selector",
      "Select files matching a glob pattern: `*` and `?` within a name, `[abc]`, `[a-z]`, `[!a-z]`, and `**` as a "
      "whole segment for any number of directories. An invalid pattern is an error.",
      {{"pattern", "string", "Glob pattern relative to the workspace root (e.g., '**/*.rs', 'src/*.py')", false}},
      "scope rust_files = files.glob_selector('**/*.rs')", glob_selector,
      {{0, "E102", "glob_selector requires a string pattern argument"}}));
  // Scope algebra.
  functions.push_back(selector("union", "Select the files of every given scope (two or more).",
                               {{"a", "scope", "The first scope", false},
                                {"b", "scope", "The second scope", false},
                                {"others", "scope", "More scopes to add", true}},
                               "scope sources = files.union(src, include)", union_selector));
  functions.push_back(selector("intersect", "Select the files that both scopes select.",
                               {{"a", "scope", "The first scope", false}, {"b", "scope", "The second scope", false}},
                               "scope generated_rust = files.intersect(rust_files, generated)", intersect_selector));
  functions.push_back(
      selector("exclude", "Select the files of a scope whose workspace-relative path does not match a glob pattern.",
               {scope_param("The scope to select from"),
                {"pattern", "string", "Glob pattern of the paths to leave out (e.g., '**/test_*.py')", false}},
               "scope production = files.exclude(src, '**/tests/**')", exclude_selector));
  functions.push_back(selector("filter",
                               "Select the files of a scope whose workspace-relative path matches a glob pattern.",
                               {scope_param("The scope to select from"),
                                {"pattern", "string", "Glob pattern of the paths to keep (e.g., '**/*.py')", false}},
                               "scope python_sources = files.filter(src, '**/*.py')", filter_selector));

  // Checks of the older tool.
  functions.push_back(check(
      "exists",
      "Check if a file exists within a scope. Folder scope: `name` (a relative path, a file or a folder) exists in "
      "the folder. File scope: the file exists and `name` is its name or a trailing part of its path. Other scopes: "
      "some selected file's path ends with `name` (whole path segments).",
      {scope_param("The scope to check within"),
       {"name", "string", "The file name (or relative path) to look for", false}},
      "check files.exists(src, 'main.rs')", exists_check,
      {{0, "E110", "exists requires a scope as first argument"},
       {1, "E111", "exists requires a filename as second argument"}}));
  functions.push_back(check(
      "contains",
      "Check if a scope contains a file with the given name. Folder scope: `name` exists in the folder. Other "
      "scopes: some selected file's path ends with `name`, compared by whole path segments (`domain.rs` does not "
      "contain `main.rs`).",
      {scope_param("The scope to check"), {"name", "string", "The file name (or trailing path) to look for", false}},
      "check files.contains(docs, 'README.md')", contains_check,
      {{0, "E112", "contains requires a scope as first argument"},
       {1, "E113", "contains requires a filename as second argument"}}));
  functions.push_back(check(
      "no_files_matching",
      "Check that no files (or directories) match a glob pattern within a scope. The pattern is relative to the "
      "folder of a Folder scope, the directory of a File scope, the workspace root for a Glob scope, and matched "
      "against the selected paths for other scopes; `*.pyc` matches directly in that directory, `**/*.pyc` at any "
      "depth.",
      {scope_param("The scope to check"), {"pattern", "string", "Glob pattern that should not match any files", false}},
      "check files.no_files_matching(src, '**/*.bak')", no_files_matching_check,
      {{0, "E114", "no_files_matching requires a scope as first argument"},
       {1, "E115", "no_files_matching requires a pattern as second argument"}}));
  functions.push_back(
      check("max_size", "Check that all files in a scope are at most a maximum size.",
            {scope_param("The scope to check"), {"bytes", "number", "Maximum file size in bytes", false}},
            "check files.max_size(assets, 1048576)", max_size_check,
            {{0, "E116", "max_size requires a scope as first argument"},
             {1, "E117", "max_size requires a number as second argument"}}));

  // Checks added by hie.
  functions.push_back(check("is_empty", "Check that a scope selects no files.", {scope_param("The scope to check")},
                            "check files.is_empty(files.glob_selector('**/*.orig'))", is_empty_check));
  functions.push_back(check("not_empty", "Check that a scope selects at least one file.",
                            {scope_param("The scope to check")}, "check files.not_empty(src)", not_empty_check));
  functions.push_back(check("count_at_most", "Check that a scope selects at most `n` files.",
                            {scope_param("The scope to check"), {"n", "integer", "The largest allowed count", false}},
                            "check files.count_at_most(files.glob_selector('*.md'), 5)", count_at_most_check));
  functions.push_back(check(
      "contains_text",
      "Check that some line of some file in a scope matches a regular expression (ECMAScript syntax, matched line "
      "by line).",
      {scope_param("The scope to search"), {"regex", "string", "Regular expression to look for", false}},
      "check files.contains_text(files.file_selector('LICENSE'), 'MIT License')", contains_text_check));
  functions.push_back(check(
      "no_text",
      "Check that no line of any file in a scope matches a regular expression (ECMAScript syntax, matched line by "
      "line); a failure names each file:line.",
      {scope_param("The scope to search"), {"regex", "string", "Regular expression that must not appear", false}},
      "check files.no_text(src, 'TODO|FIXME')", no_text_check));
  functions.push_back(
      check("max_lines", "Check that every file in a scope has at most `n` lines.",
            {scope_param("The scope to check"), {"n", "integer", "The largest allowed line count", false}},
            "check files.max_lines(src, 1000)", max_lines_check));
  return functions;
}

}  // namespace

const std::vector<FilesFunction>& files_functions() {
  static const std::vector<FilesFunction> functions = build_functions();
  return functions;
}

library::LibraryDoc files_library_doc() {
  library::LibraryDoc doc;
  doc.name = "files";
  doc.description =
      "File system operations library for selecting files/folders and checking file existence, plus scope algebra "
      "(union, intersect, exclude, filter) and checks on file contents.";
  doc.version = "1.1.0";
  for (const auto& function : files_functions()) doc.functions.push_back(function.doc);
  return doc;
}

}  // namespace hie::stdlib::files
