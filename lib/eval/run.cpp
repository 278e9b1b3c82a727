// run() and dry_run(): plan, select (filter/limit), execute in parallel, collect records in plan order.
#include "eval/run.h"

#include <chrono>
#include <mutex>

#include "eval/evaluator.h"
#include "eval/filter.h"
#include "eval/fingerprint.h"
#include "eval/plan.h"
#include "eval/scheduler.h"
#include "eval/tasks.h"

namespace hie::eval {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

library::CheckOutcome judge(Evaluator& ev, const Task& task) {
  const sema::Model& model = ev.model();
  switch (task.kind) {
    case Task::Kind::ElementCheck:
      return ev.check(model.node(task.element).checks[static_cast<std::size_t>(task.index)].expr);
    case Task::Kind::ElementUses: {
      const sema::UsesInfo& uses = model.node(task.element).uses[static_cast<std::size_t>(task.index)];
      return evaluate_uses(ev, uses.source_slot, uses.target);
    }
    case Task::Kind::PatternCheck:
      return ev.check(model.instance(task.instance).checks[static_cast<std::size_t>(task.index)].expr);
    case Task::Kind::PatternUses: {
      const sema::InstanceUses& uses = model.instance(task.instance).uses[static_cast<std::size_t>(task.index)];
      return evaluate_uses(ev, uses.source_slot, uses.target);
    }
    case Task::Kind::Requirement:
      return evaluate_requirement(ev, task.instance, task.index);
    case Task::Kind::AllowsConnection:
      return evaluate_allows_connection(ev, task.element, task.parts);
    case Task::Kind::AllowsLanguage:
      return evaluate_allows_language(ev, task.element, task.parts);
    case Task::Kind::InheritedConnection:
      return evaluate_inherited_connection(ev, task.element, task.parts[0].first, task.parts[0].second);
    case Task::Kind::LanguageCheck:
      return evaluate_language_check(ev, task.element, task.language, task.index);
    case Task::Kind::StrictUses:
      return evaluate_strict_uses(ev, task.element);
  }
  return library::CheckOutcome::error("E204", "unknown task");
}

CheckRecord execute(Evaluator& ev, const Task& task) {
  const sema::Model& model = ev.model();
  Clock::time_point start = Clock::now();
  library::CheckOutcome outcome = judge(ev, task);
  CheckRecord record;
  record.element = model.node(task.element).path;
  record.check = task.text;
  record.origin = task.origin;
  record.file = model.file_path(task.file);
  record.line = task.span.start.line;
  record.column = task.span.start.column;
  switch (outcome.status) {
    case library::CheckOutcome::Status::Pass: record.status = CheckStatus::Pass; break;
    case library::CheckOutcome::Status::Fail: record.status = CheckStatus::Fail; break;
    case library::CheckOutcome::Status::Error: record.status = CheckStatus::Error; break;
  }
  if (!outcome.message.empty()) record.message = outcome.message;
  if (!outcome.code.empty()) record.code = outcome.code;
  record.evidence = std::move(outcome.evidence);
  record.fingerprint = fingerprint(record.element, record.origin, record.check);
  record.duration_ms = milliseconds_since(start);
  return record;
}

}  // namespace

RunResult run(const sema::Model& model, library::LibraryRegistry& registry, const workspace::Workspace& workspace,
              const graph::DependencyGraph& graph, const RunOptions& options) {
  Clock::time_point start = Clock::now();
  std::vector<Task> plan = build_plan(model, options);
  Selection selection = select_tasks(model, plan, options);
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (selection.selected[i]) chosen.push_back(i);
  }

  Evaluator ev(model, registry, workspace, graph, options);
  RunResult result;
  result.records.resize(chosen.size());
  std::mutex progress_mutex;
  std::size_t done = 0;
  parallel_for(chosen.size(), options.jobs, [&](std::size_t i) {
    result.records[i] = execute(ev, plan[chosen[i]]);
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      options.progress(++done, chosen.size());
    }
  });

  if (options.strict) {
    // --strict: every scope of every selected element, so that each empty one is reported (W010).
    std::vector<int> slots;
    for (int e : model.elements) {
      if (!filter_matches(options.filter, model.node(e).path)) continue;
      for (int m : model.node(e).members) {
        if (model.member(m).kind == sema::MemberKind::Scope && model.member(m).slot >= 0) {
          slots.push_back(model.member(m).slot);
        }
      }
    }
    parallel_for(slots.size(), options.jobs, [&](std::size_t i) { ev.slot(slots[i]); });
  }
  for (auto& diagnostic : ev.diagnostics()) result.diagnostics.add(std::move(diagnostic));

  result.summary.total = result.records.size();
  result.summary.skipped = selection.skipped;
  for (const auto& record : result.records) {
    switch (record.status) {
      case CheckStatus::Pass: ++result.summary.passed; break;
      case CheckStatus::Fail: ++result.summary.failed; break;
      case CheckStatus::Error: ++result.summary.errors; break;
      case CheckStatus::Baselined: ++result.summary.baselined; break;
    }
  }
  result.summary.duration_ms = milliseconds_since(start);
  return result;
}

DryRun dry_run(const sema::Model& model, const RunOptions& options) {
  std::vector<Task> plan = build_plan(model, options);
  Selection selection = select_tasks(model, plan, options);
  DryRun out;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Task& task = plan[i];
    PlannedCheck planned;
    planned.element = model.node(task.element).path;
    planned.check = task.text;
    planned.origin = task.origin;
    planned.file = model.file_path(task.file);
    planned.line = task.span.start.line;
    planned.column = task.span.start.column;
    planned.selected = selection.selected[i];
    if (planned.selected) ++out.summary.total;
    out.checks.push_back(std::move(planned));
  }
  out.summary.skipped = selection.skipped;
  return out;
}

}  // namespace hie::eval
