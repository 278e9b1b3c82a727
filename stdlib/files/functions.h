// The functions of the `files` library: their table (signature, legacy argument errors, implementation) and the
// implementations, shared by the library's source files.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "library/arguments.h"
#include "library/check_outcome.h"
#include "library/library_doc.h"
#include "library/result.h"
#include "library/value.h"
#include "workspace/workspace.h"

namespace hie::stdlib::files {

using library::CheckOutcome;
using library::LibraryError;
using library::Result;
using library::ScopeData;
using library::Value;
using workspace::Workspace;

// Error codes of the library. E100-E102 and E110-E117 keep the older tool's meanings (a missing or mistyped
// argument at one position); E199 is its "unknown function".
inline constexpr const char* kWrongArguments = "E103";  // wrong count, or a wrong type where no older code applies
inline constexpr const char* kOutsideWorkspace = "E104";
inline constexpr const char* kInvalidGlob = "E105";
inline constexpr const char* kInvalidRegex = "E106";
inline constexpr const char* kUnreadable = "E107";
inline constexpr const char* kUnknownFunction = "E199";

using SelectorFn = Result<Value> (*)(std::span<const Value> args, const Workspace& workspace);
using CheckFn = Result<CheckOutcome> (*)(std::span<const Value> args, const Workspace& workspace);

struct FilesFunction {
  library::FunctionDoc doc;
  std::vector<library::LegacyArgumentError> legacy;
  SelectorFn selector = nullptr;  // exactly one of selector and check is set
  CheckFn check = nullptr;
};

// describe.cpp: every function, in documentation order, and the library's self-description built from them.
const std::vector<FilesFunction>& files_functions();
library::LibraryDoc files_library_doc();

// selectors.cpp. Arguments have been checked against the signature before these run.
Result<Value> file_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> folder_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> glob_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> union_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> intersect_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> exclude_selector(std::span<const Value> args, const Workspace& workspace);
Result<Value> filter_selector(std::span<const Value> args, const Workspace& workspace);

// checks.cpp: checks on paths.
Result<CheckOutcome> exists_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> contains_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> no_files_matching_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> max_size_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> is_empty_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> not_empty_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> count_at_most_check(std::span<const Value> args, const Workspace& workspace);

// text_checks.cpp: checks on file contents.
Result<CheckOutcome> contains_text_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> no_text_check(std::span<const Value> args, const Workspace& workspace);
Result<CheckOutcome> max_lines_check(std::span<const Value> args, const Workspace& workspace);

}  // namespace hie::stdlib::files
