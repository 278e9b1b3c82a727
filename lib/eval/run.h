// Running a validated model: every check, pattern check, requirement, connection rule and language rule, in
// parallel, with results in a deterministic order (the public entry point of eval).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eval/check_record.h"
#include "graph/dependency_graph.h"
#include "library/registry.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"
#include "workspace/workspace.h"

namespace hie::eval {

// `[connections]` of hielements.toml.
struct ConnectionSettings {
  bool unowned_forbid = false;  // unowned = "forbid": edges to unowned files and external modules break `allows`
  bool strict_uses = false;     // every edge to another element's footprint must be declared by a `uses`
};

struct RunOptions {
  // Glob on element paths (`shop.*`, `*.db`: `*` matches any run of characters, dots included; `?` one
  // character). A filter without `*` or `?` matches as a substring, as the older tool did. Empty: everything.
  std::string filter;
  // Execute at most this many checks (the older tool's --limit; see docs/semantics.md for the skip counting).
  std::optional<std::size_t> limit;
  // Worker threads; 0 = one per hardware thread. Results never depend on it.
  unsigned jobs = 1;
  // --strict: every scope of every selected element is evaluated, and each one that selects nothing gets W010.
  bool strict = false;
  ConnectionSettings connections;
  // Called after each executed check with (checks done, checks to execute), from worker threads but never
  // concurrently (for a progress bar). Optional.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct RunResult {
  // One record per executed check: elements in pre-order (files in load order); within an element its own
  // checks, its `uses`, then per implemented pattern the pattern checks, pattern `uses` and requirements, then
  // inherited `requires connection`, language connection checks, and `strict_uses`.
  std::vector<CheckRecord> records;
  RunSummary summary;
  // Run-time warnings (W010 empty scope under --strict, W011 language mismatch), in model order.
  syntax::DiagnosticList diagnostics;
};

// Evaluates everything that the filter and limit select. Constructs that did not validate (see sema::analyze)
// yield error records with their diagnostic's code and message, so running an invalid model (--keep-going) is
// safe. Never throws: library exceptions become error records.
RunResult run(const sema::Model& model, library::LibraryRegistry& registry, const workspace::Workspace& workspace,
              const graph::DependencyGraph& graph, const RunOptions& options);

// What `run` would execute, in the same order, with nothing evaluated (`hie check --dry-run`).
struct PlannedCheck {
  std::string element;
  std::string check;   // source text
  std::string origin;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool selected = true;  // false: skipped by the filter or the limit
};

struct DryRun {
  std::vector<PlannedCheck> checks;
  RunSummary summary;  // total = checks that would run, skipped as in run(); no passed/failed/errors
};

DryRun dry_run(const sema::Model& model, const RunOptions& options);

}  // namespace hie::eval
