// The evaluator: resolved expressions to values, lazily memoized slots (each scope/ref at most once per run,
// thread-safe), footprints, and library calls. Shared by every kind of check of one run.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/run.h"
#include "graph/dependency_graph.h"
#include "library/check_outcome.h"
#include "library/registry.h"
#include "library/value.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::eval {

// Why something could not be evaluated. `attributed` once the message names the scope or ref that failed, so
// dependants pass it on unchanged (the user sees the root cause, never "undefined identifier").
struct Failure {
  std::string code;
  std::string message;
  bool attributed = false;
};

struct Evaluated {
  bool ok = false;
  library::Value value;
  Failure failure;

  static Evaluated of(library::Value v) { return {true, std::move(v), {}}; }
  static Evaluated fail(Failure f) { return {false, {}, std::move(f)}; }
};

// A sorted, unique set of workspace paths (a footprint), or why it could not be computed.
struct Paths {
  bool ok = true;
  std::vector<std::string> paths;
  Failure failure;

  bool contains(std::string_view path) const;
};

// Which elements own each file through their own scopes (for `allows connection` and `strict_uses`).
struct Ownership {
  bool ok = true;
  Failure failure;  // the first scope that could not be evaluated
  std::map<std::string, std::vector<int>, std::less<>> owners;  // file -> elements (pre-order), sorted by path
  bool owned(const std::string& file) const { return owners.count(file) > 0; }
};

class Evaluator {
 public:
  Evaluator(const sema::Model& model, library::LibraryRegistry& registry, const workspace::Workspace& workspace,
            const graph::DependencyGraph& graph, const RunOptions& options);
  ~Evaluator();

  const sema::Model& model() const { return model_; }
  const graph::DependencyGraph& graph() const { return graph_; }
  const RunOptions& options() const { return options_; }

  // The value of a scope or ref slot: evaluated on first use, then memoized.
  Evaluated slot(int slot);
  // Evaluates a value expression; calls are selectors (Library::call).
  Evaluated eval(const sema::RExpr& expr, std::span<const library::Value> params = {});
  // Runs a check expression (a call with is_check): arguments first, then Library::check.
  library::CheckOutcome check(const sema::RExpr& expr, std::span<const library::Value> params = {});

  Paths slot_paths(int slot);
  Paths element_footprint(int element);                  // memoized
  Paths instance_footprint(int instance, int node);
  Paths target_footprint(const sema::Target& target);
  Paths own_paths(int element);                          // the element's own scopes only
  const Ownership& ownership();                          // built once, on first use

  // Run-time warnings (W010, W011) of the slots evaluated so far, in slot order.
  std::vector<syntax::Diagnostic> diagnostics() const;

 private:
  struct SlotEntry;
  struct FootprintEntry;

  Evaluated compute_slot(int slot);
  Evaluated call_selector(const sema::RExpr& call, std::vector<library::Value> args);
  Evaluated run_selector(library::Library& lib, const sema::RExpr& call, std::span<const library::Value> args);

  const sema::Model& model_;
  library::LibraryRegistry& registry_;
  const workspace::Workspace& workspace_;
  const graph::DependencyGraph& graph_;
  RunOptions options_;
  std::unique_ptr<SlotEntry[]> slots_;
  std::unique_ptr<FootprintEntry[]> footprints_;
  std::once_flag ownership_once_;
  Ownership ownership_;
  // Selector calls of deterministic libraries by library, function and (scalar) arguments, each run once.
  struct SelectorMemo {
    std::once_flag once;
    Evaluated value;
  };
  std::mutex selector_memo_mutex_;
  std::map<std::string, std::shared_ptr<SelectorMemo>, std::less<>> selector_memo_;
};

}  // namespace hie::eval
