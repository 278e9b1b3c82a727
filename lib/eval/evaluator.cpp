#include "eval/evaluator.h"

#include <algorithm>
#include <exception>
#include <iterator>

#include "sema/languages.h"

namespace hie::eval {

struct Evaluator::SlotEntry {
  std::mutex mutex;
  bool done = false;
  Evaluated result;
  std::vector<syntax::Diagnostic> warnings;
};

struct Evaluator::FootprintEntry {
  std::mutex mutex;
  bool done = false;
  Paths paths;
};

namespace {

// Slots being evaluated by this thread, innermost last: re-entering one would be a cycle. Static detection in
// sema marks every cycle beforehand, so this is a safety net that turns a would-be deadlock into E058.
thread_local std::vector<std::pair<const void*, int>> tls_evaluating;

bool is_basic_type(std::string_view type) {
  return type == "integer" || type == "float" || type == "string" || type == "boolean" || type == "scope" ||
         type == "list";
}

bool value_has_type(const library::Value& value, std::string_view type) {
  if (type == "integer") return value.is_int();
  if (type == "float") return value.is_number();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_bool();
  if (type == "scope") return value.is_scope();
  if (type == "list") return value.is_list();
  return true;
}

void merge_paths(std::vector<std::string>& into, const std::vector<std::string>& more) {
  std::vector<std::string> merged;
  merged.reserve(into.size() + more.size());
  std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(merged));
  into = std::move(merged);
}

}  // namespace

bool Paths::contains(std::string_view path) const { return std::binary_search(paths.begin(), paths.end(), path); }

Evaluator::Evaluator(const sema::Model& model, library::LibraryRegistry& registry,
                     const workspace::Workspace& workspace, const graph::DependencyGraph& graph,
                     const RunOptions& options)
    : model_(model),
      registry_(registry),
      workspace_(workspace),
      graph_(graph),
      options_(options),
      slots_(std::make_unique<SlotEntry[]>(model.slots.size())),
      footprints_(std::make_unique<FootprintEntry[]>(model.nodes.size())) {}

Evaluator::~Evaluator() = default;

Evaluated Evaluator::slot(int slot) {
  if (slot < 0 || static_cast<std::size_t>(slot) >= model_.slots.size()) {
    return Evaluated::fail({"E050", "internal: unknown slot", true});
  }
  for (const auto& [owner, s] : tls_evaluating) {
    if (owner == this && s == slot) {
      return Evaluated::fail({"E058", "'" + model_.slot(slot).display + "' depends on itself", true});
    }
  }
  SlotEntry& entry = slots_[static_cast<std::size_t>(slot)];
  std::lock_guard<std::mutex> lock(entry.mutex);
  if (!entry.done) {
    tls_evaluating.emplace_back(this, slot);
    entry.result = compute_slot(slot);
    tls_evaluating.pop_back();
    entry.done = true;
  }
  return entry.result;
}

Evaluated Evaluator::compute_slot(int index) {
  const sema::Slot& slot = model_.slot(index);
  const sema::Member& member = model_.member(slot.member);
  SlotEntry& entry = slots_[static_cast<std::size_t>(index)];
  bool is_scope = member.kind == sema::MemberKind::Scope;
  std::string what = std::string(is_scope ? "scope" : "ref") + " '" + slot.display + "'";

  if (!slot.cycle.empty()) {
    std::string chain;
    for (int s : slot.cycle) chain += model_.slot(s).display + " -> ";
    chain += model_.slot(slot.cycle.front()).display;
    return Evaluated::fail({"E058", what + " could not be evaluated: cycle between scopes and refs: " + chain, true});
  }

  Evaluated result;
  switch (slot.source) {
    case sema::Slot::Source::Unbound: {
      if (slot.instance >= 0) {
        const sema::Instance& inst = model_.instance(slot.instance);
        return Evaluated::fail({"E053", what + " could not be evaluated: '" + model_.node(inst.element).path +
                                            "' does not bind it and the pattern gives no default",
                                true});
      }
      return Evaluated::fail({"E014", what + " has no value", true});
    }
    case sema::Slot::Source::Alias:
      result = this->slot(slot.alias);
      break;
    case sema::Slot::Source::Value:
      result = eval(slot.expr);
      if (!result.ok && !result.failure.attributed) {
        result.failure.message = what + " could not be evaluated: " + result.failure.message;
        result.failure.attributed = true;
      }
      break;
  }
  if (!result.ok) return result;

  int file = member.file;
  syntax::Span span = member.name_span;
  if (slot.instance >= 0) {
    file = model_.instance(slot.instance).file;
    span = model_.instance(slot.instance).span;
  }

  if (is_scope) {
    if (!result.value.is_scope()) {
      return Evaluated::fail(
          {"E206", what + " must select files, but its value is " + result.value.type_name_with_article(), true});
    }
    if (member.language) {
      library::ScopeData data = result.value.as_scope();
      const std::string& wanted = *member.language;
      if (data.language && *data.language != wanted &&
          (sema::is_builtin_language(*data.language) || model_.find_language(*data.language))) {
        syntax::Diagnostic d;
        d.severity = syntax::Severity::Warning;
        d.code = "W011";
        d.message = what + " is annotated <" + wanted + "> but its selector returned a " + *data.language + " scope";
        d.file = model_.file_path(member.file);
        d.span = member.language_span;
        entry.warnings.push_back(std::move(d));
      }
      if (!data.language || *data.language != wanted) {
        data.language = wanted;
        result.value = library::Value::scope(std::move(data));
      }
    }
    if (options_.strict && slot.source != sema::Slot::Source::Alias && result.value.as_scope().paths.empty()) {
      syntax::Diagnostic d;
      d.severity = syntax::Severity::Warning;
      d.code = "W010";
      d.message = what + " selected nothing";
      d.file = model_.file_path(file);
      d.span = span;
      entry.warnings.push_back(std::move(d));
    }
  } else if (is_basic_type(member.type) && !value_has_type(result.value, member.type)) {
    return Evaluated::fail({"E206",
                            what + " is declared `: " + member.type + "` but its value is " +
                                result.value.type_name_with_article(),
                            true});
  }
  return result;
}

Evaluated Evaluator::eval(const sema::RExpr& expr, std::span<const library::Value> params) {
  switch (expr.kind) {
    case sema::RExpr::Kind::Literal:
      return Evaluated::of(expr.literal);
    case sema::RExpr::Kind::List: {
      library::ValueList items;
      for (const auto& item : expr.args) {
        Evaluated v = eval(item, params);
        if (!v.ok) return v;
        items.push_back(std::move(v.value));
      }
      return Evaluated::of(library::Value::list(std::move(items)));
    }
    case sema::RExpr::Kind::Slot:
      return slot(expr.slot);
    case sema::RExpr::Kind::Footprint: {
      Paths paths = expr.element >= 0 ? element_footprint(expr.element) : instance_footprint(expr.instance, expr.node);
      if (!paths.ok) return Evaluated::fail(paths.failure);
      library::ScopeData data;
      data.kind = "element";
      data.arg = expr.element >= 0 ? model_.node(expr.element).path
                                   : model_.node(model_.instance(expr.instance).element).path + "." +
                                         model_.node(expr.node).path;
      data.paths = std::move(paths.paths);
      return Evaluated::of(library::Value::scope(std::move(data)));
    }
    case sema::RExpr::Kind::Param:
      if (expr.param < 0 || static_cast<std::size_t>(expr.param) >= params.size()) {
        return Evaluated::fail({"E050", "internal: missing parameter", true});
      }
      return Evaluated::of(params[static_cast<std::size_t>(expr.param)]);
    case sema::RExpr::Kind::Call: {
      std::vector<library::Value> args;
      for (const auto& arg : expr.args) {
        Evaluated v = eval(arg, params);
        if (!v.ok) return v;
        args.push_back(std::move(v.value));
      }
      return call_selector(expr, std::move(args));
    }
    case sema::RExpr::Kind::Invalid:
      return Evaluated::fail({expr.code, expr.message, true});
  }
  return Evaluated::fail({"E003", "invalid expression", true});
}

namespace {

// The library named `name`, or why there is none (the older tool's "Unknown library: X", E203).
library::Library* find_library(library::LibraryRegistry& registry, const std::string& name, Failure& why) {
  if (library::Library* lib = registry.find(name)) return lib;
  if (const library::LibraryError* failed = registry.failure(name)) {
    why = {failed->code.empty() ? "E203" : failed->code,
           "library '" + name + "' could not be loaded: " + failed->message, false};
  } else {
    why = {"E203", "Unknown library: " + name, false};
  }
  return nullptr;
}

// The memo key of a selector call whose arguments are all scalars (scopes and lists are not keyed: comparing them
// would cost what the call costs), or nullopt. Each part is length-prefixed, so no two calls share a key.
std::optional<std::string> selector_memo_key(const sema::RExpr& call, std::span<const library::Value> args) {
  std::string key;
  auto add = [&key](char tag, std::string_view text) {
    key += tag;
    key += std::to_string(text.size());
    key += ':';
    key += text;
  };
  add('L', call.library);
  add('F', call.function);
  for (const library::Value& arg : args) {
    switch (arg.kind()) {
      case library::Value::Kind::String: add('s', arg.as_string()); break;
      case library::Value::Kind::Int: add('i', std::to_string(arg.as_int())); break;
      case library::Value::Kind::Bool: add('b', arg.as_bool() ? "1" : "0"); break;
      case library::Value::Kind::Null: add('n', ""); break;
      default: return std::nullopt;
    }
  }
  return key;
}

}  // namespace

Evaluated Evaluator::call_selector(const sema::RExpr& call, std::vector<library::Value> args) {
  Failure why;
  library::Library* lib = find_library(registry_, call.library, why);
  if (!lib) return Evaluated::fail(why);
  const std::optional<std::string> memo_key =
      lib->deterministic_selectors() ? selector_memo_key(call, args) : std::nullopt;
  if (!memo_key) return run_selector(*lib, call, args);
  std::shared_ptr<SelectorMemo> memo;
  {
    std::lock_guard lock(selector_memo_mutex_);
    auto& entry = selector_memo_[*memo_key];
    if (!entry) entry = std::make_shared<SelectorMemo>();
    memo = entry;
  }
  // Exactly once per key, as slots are, whatever the thread count (failures too: the library is deterministic);
  // values share their paths, so every caller holds the same scope.
  std::call_once(memo->once, [&] { memo->value = run_selector(*lib, call, args); });
  return memo->value;
}

Evaluated Evaluator::run_selector(library::Library& lib, const sema::RExpr& call,
                                  std::span<const library::Value> args) {
  library::CallContext ctx{workspace_, &registry_};
  try {
    library::Result<library::Value> result = lib.call(call.function, args, ctx);
    if (!result.ok()) return Evaluated::fail({result.error().code, result.error().message, false});
    return Evaluated::of(std::move(result).value());
  } catch (const std::exception& e) {
    return Evaluated::fail({"E203", "library '" + call.library + "' failed in " + call.function + ": " + e.what(), false});
  }
}

library::CheckOutcome Evaluator::check(const sema::RExpr& expr, std::span<const library::Value> params) {
  if (expr.kind == sema::RExpr::Kind::Invalid) return library::CheckOutcome::error(expr.code, expr.message);
  if (expr.kind != sema::RExpr::Kind::Call) {
    return library::CheckOutcome::error("E204", "a check must be a library function call");
  }
  std::vector<library::Value> args;
  for (const auto& arg : expr.args) {
    Evaluated v = eval(arg, params);
    if (!v.ok) return library::CheckOutcome::error(v.failure.code, v.failure.message);
    args.push_back(std::move(v.value));
  }
  Failure why;
  library::Library* lib = find_library(registry_, expr.library, why);
  if (!lib) return library::CheckOutcome::error(why.code, why.message);
  library::CallContext ctx{workspace_, &registry_};
  try {
    library::Result<library::CheckOutcome> result = lib->check(expr.function, args, ctx);
    if (!result.ok()) return library::CheckOutcome::error(result.error().code, result.error().message);
    return std::move(result).value();
  } catch (const std::exception& e) {
    return library::CheckOutcome::error("E203",
                                        "library '" + expr.library + "' failed in " + expr.function + ": " + e.what());
  }
}

Paths Evaluator::slot_paths(int slot_index) {
  Paths out;
  Evaluated v = slot(slot_index);
  if (!v.ok) {
    out.ok = false;
    out.failure = v.failure;
    return out;
  }
  auto add = [&](const library::Value& value) -> bool {
    if (!value.is_scope()) return false;
    merge_paths(out.paths, value.as_scope().paths);
    return true;
  };
  bool fine = add(v.value);
  if (!fine && v.value.is_list()) {
    fine = true;
    for (const auto& item : v.value.as_list()) fine = add(item) && fine;
  }
  if (!fine) {
    out.ok = false;
    out.failure = {"E206", "'" + model_.slot(slot_index).display + "' does not select files (its value is " +
                               v.value.type_name_with_article() + ")",
                   true};
  }
  return out;
}

namespace {

Paths union_of(Evaluator& ev, const std::vector<int>& slots) {
  Paths out;
  for (int s : slots) {
    Paths p = ev.slot_paths(s);
    if (!p.ok) return p;
    merge_paths(out.paths, p.paths);
  }
  return out;
}

}  // namespace

Paths Evaluator::element_footprint(int element) {
  FootprintEntry& entry = footprints_[static_cast<std::size_t>(element)];
  std::lock_guard<std::mutex> lock(entry.mutex);
  if (!entry.done) {
    entry.paths = union_of(*this, model_.element_footprint_slots(element));
    entry.done = true;
  }
  return entry.paths;
}

Paths Evaluator::instance_footprint(int instance, int node) {
  return union_of(*this, model_.instance_footprint_slots(instance, node));
}

Paths Evaluator::target_footprint(const sema::Target& target) {
  switch (target.kind) {
    case sema::Target::Kind::Element: return element_footprint(target.element);
    case sema::Target::Kind::InstanceNode: return instance_footprint(target.instance, target.node);
    case sema::Target::Kind::Slot: return slot_paths(target.slot);
    case sema::Target::Kind::None: break;
  }
  return Paths{};
}

Paths Evaluator::own_paths(int element) {
  std::vector<int> slots;
  for (int m : model_.node(element).members) {
    if (model_.member(m).kind == sema::MemberKind::Scope) slots.push_back(model_.member(m).slot);
  }
  for (int i : model_.node(element).instances) {
    for (const auto& [m, s] : model_.instance(i).slot_of_member) {
      if (model_.member(m).kind == sema::MemberKind::Scope && model_.slot(s).from_v1_binding) slots.push_back(s);
    }
  }
  return union_of(*this, slots);
}

const Ownership& Evaluator::ownership() {
  std::call_once(ownership_once_, [this] {
    for (int e : model_.elements) {
      Paths own = own_paths(e);
      if (!own.ok) {
        if (ownership_.ok) {
          ownership_.ok = false;
          ownership_.failure = own.failure;
        }
        continue;
      }
      for (const auto& path : own.paths) ownership_.owners[path].push_back(e);
    }
  });
  return ownership_;
}

std::vector<syntax::Diagnostic> Evaluator::diagnostics() const {
  std::vector<syntax::Diagnostic> out;
  for (std::size_t s = 0; s < model_.slots.size(); ++s) {
    const auto& warnings = slots_[s].warnings;
    out.insert(out.end(), warnings.begin(), warnings.end());
  }
  return out;
}

}  // namespace hie::eval
