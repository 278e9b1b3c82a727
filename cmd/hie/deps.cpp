// `hie deps [PATH...]`: the file-level dependency edges the language libraries extract, sorted, as text or JSON.
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <set>

#include "commands.h"
#include "graph/graph_algorithms.h"
#include "plugin_loading.h"
#include "report/diagnostics_human.h"
#include "report/json_common.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

namespace fs = std::filesystem;

struct DepsOptions {
  std::vector<std::string> paths;
  std::string workspace;
  std::string language;
  std::string format = "text";
  std::string output;
  int jobs = -1;
  bool no_cache = false;
};

// The workspace-relative form of a path given on the command line (relative to the current directory), or nullopt
// when it lies outside the workspace.
std::optional<std::string> workspace_relative(const fs::path& root, const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  std::string text = relative.generic_string();
  if (text == ".") return std::string();
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

std::string render_text(const std::vector<graph::DependencyEdge>& edges) {
  std::string out;
  for (const auto& edge : edges) {
    out += edge.from + ":" + std::to_string(edge.line) + " -> " + edge.to.value_or("<external>") + "  (" +
           edge.language + " " + edge.kind + " " + edge.module + (edge.type_only ? ", type-only" : "") + ")\n";
  }
  return out;
}

std::string render_json(const std::vector<graph::DependencyEdge>& edges) {
  report::Json doc = report::Json::object();
  doc["version"] = "1.0";
  doc["schema"] = "hie.deps/1";
  report::Json list = report::Json::array();
  for (const auto& edge : edges) {
    report::Json entry = report::Json::object();
    entry["from"] = edge.from;
    entry["line"] = edge.line;
    entry["to"] = edge.to ? report::Json(*edge.to) : report::Json(nullptr);
    entry["module"] = edge.module;
    entry["kind"] = edge.kind;
    entry["type_only"] = edge.type_only;
    entry["language"] = edge.language;
    list.push_back(std::move(entry));
  }
  doc["edges"] = std::move(list);
  return report::dump_json(doc);
}

int run_deps(const DepsOptions& options, const GlobalOptions& globals) {
  const bool color = use_color(globals, STDERR_FILENO);
  SessionOptions session_options;
  session_options.no_cache = options.no_cache;
  session_options.jobs = options.jobs;
  std::optional<Session> session = open_session(globals, options.workspace, {}, session_options);
  if (!session) return kExitInvalid;
  if (!session->config_diagnostics.items().empty()) {
    write_stderr(render_diagnostics(session->config_diagnostics, {}, globals, color));
  }
  if (session->config_diagnostics.has_errors()) return kExitInvalid;
  if (!globals.quiet) {
    for (const auto& problem : session->workspace->walk_errors()) {
      write_stderr("warning: " + report::printable_text(problem) + "\n");
    }
  }

  std::vector<std::shared_ptr<const stdlib::common::LanguageIndex>> languages;
  std::string known;
  for (const auto& index : session->languages) {
    known += (known.empty() ? "" : ", ") + std::string(index->language());
    if (options.language.empty() || index->language() == options.language) languages.push_back(index);
  }
  if (languages.empty()) {
    print_error(globals, "unknown language '" + options.language + "'", "the languages are " + known);
    return kExitInvalid;
  }

  // The files whose edges to list: every file of the languages, or those under the given paths.
  std::set<std::string> selected;
  const workspace::Workspace& workspace = *session->workspace;
  for (const auto& path : options.paths) {
    auto relative = workspace_relative(session->root, path);
    if (!relative) {
      print_error(globals, "'" + path + "' is outside the workspace '" + session->root.generic_string() + "'");
      return kExitInvalid;
    }
    if (workspace.is_file(*relative)) {
      selected.insert(*relative);
    } else if (workspace.is_directory(*relative)) {
      for (const auto& file : workspace.files_under(*relative)) selected.insert(file);
    } else {
      print_error(globals, "'" + path + "' is not a file or directory of the workspace",
                  "excluded and git-ignored paths are not part of the workspace index");
      return kExitInvalid;
    }
  }

  std::vector<graph::DependencyEdge> edges;
  for (const auto& index : languages) {
    if (options.paths.empty()) {
      auto all = index->all_edges();
      edges.insert(edges.end(), all.begin(), all.end());
      continue;
    }
    for (const auto& file : selected) {
      const auto& more = index->edges(file);
      edges.insert(edges.end(), more.begin(), more.end());
    }
  }
  graph::sort_edges(edges);
  const std::string text = options.format == "json" ? render_json(edges) : render_text(edges);
  finish_session(globals, *session);
  return write_output(globals, options.output, text) ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_deps_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand(
      "deps", "List the file-level dependency edges the language libraries extract (why a connection rule fires)");
  auto options = std::make_shared<DepsOptions>();
  app->add_option("PATH", options->paths,
                  "Only the edges from these files or directories (default: the whole workspace)")
      ->type_name("");
  app->add_option("-w,--workspace", options->workspace,
                  "Workspace root (default: the directory of the nearest hielements.toml, else the current directory)")
      ->type_name("DIR");
  app->add_option("--language", options->language, "Only the edges of this language (python, rust)")
      ->type_name("L");
  app->add_option("-f,--format", options->format, "Output format: text or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_option("-o,--output", options->output, "Write the edges to FILE instead of stdout")->type_name("FILE");
  app->add_option("-j,--jobs", options->jobs, "Worker threads (default: [check] jobs, else one per core)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  app->add_flag("--no-cache", options->no_cache, "Neither read nor write the fact cache (.hie-cache/)");
  app->footer(
      "text: one edge per line, 'from:line -> to  (language kind module[, type-only])', '<external>' for a module\n"
      "outside the workspace. json: {version, schema: \"hie.deps/1\", edges: [{from, line, to, module, kind,\n"
      "type_only, language}]}, 'to' null for external modules. Sorted by file, line, target.\n"
      "\n"
      "Examples:\n"
      "  hie deps\n"
      "  hie deps src/app --language python -f json");
  return {app, [options, &globals] { return run_deps(*options, globals); }};
}

}  // namespace hie::cli
