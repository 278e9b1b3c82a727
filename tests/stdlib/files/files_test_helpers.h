// A workspace in a temporary directory and shortcuts to call the files library on it.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "library/library.h"
#include "stdlib/files/files_library.h"
#include "tests/workspace/temp_tree.h"
#include "workspace/workspace.h"

namespace hie::stdlib::files {

using library::CheckOutcome;
using library::Result;
using library::ScopeData;
using library::Value;
using Paths = std::vector<std::string>;
using Status = CheckOutcome::Status;

class FilesTest : public ::testing::Test {
 protected:
  // Indexes the tree as it is now; call after writing files.
  void index(workspace::WorkspaceOptions options = {}) {
    workspace_.emplace(workspace::Workspace::open(tree_.root(), options));
  }
  const workspace::Workspace& workspace() {
    if (!workspace_) index();
    return *workspace_;
  }

  Result<Value> call(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{workspace(), nullptr};
    return library_.call(function, args, ctx);
  }
  Result<CheckOutcome> check(std::string_view function, std::vector<Value> args) {
    library::CallContext ctx{workspace(), nullptr};
    return library_.check(function, args, ctx);
  }
  // A selector that must succeed.
  Value select(std::string_view function, std::vector<Value> args) {
    auto result = call(function, std::move(args));
    EXPECT_TRUE(result.ok()) << function << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : Value::scope({});
  }
  Value folder(std::string path) { return select("folder_selector", {Value::string(std::move(path))}); }
  Value file(std::string path) { return select("file_selector", {Value::string(std::move(path))}); }
  Value glob(std::string pattern) { return select("glob_selector", {Value::string(std::move(pattern))}); }
  // A check that must not be a library error; its outcome.
  CheckOutcome outcome(std::string_view function, std::vector<Value> args) {
    auto result = check(function, std::move(args));
    EXPECT_TRUE(result.ok()) << function << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : CheckOutcome::error("", "library error");
  }

  static Value str(std::string s) { return Value::string(std::move(s)); }
  static Value num(std::int64_t n) { return Value::integer(n); }
  static Value scope_of(std::string kind, std::string arg, Paths paths) {
    return Value::scope({std::move(kind), std::move(arg), std::move(paths), std::nullopt, true});
  }

  hie::testing::TempTree tree_;
  std::optional<workspace::Workspace> workspace_;
  FilesLibrary library_;
};

}  // namespace hie::stdlib::files
