// Language connection checks (LANGUAGE.md §7.6): applied to every parent/child pair of elements that both have
// scopes annotated <L>; the parameters get the unions of those scopes.
#include "eval/tasks.h"

#include <algorithm>

namespace hie::eval {
namespace {

// The union of `element`'s own scopes annotated <language>, as one scope value.
Evaluated language_union(Evaluator& ev, int element, const std::string& language) {
  const sema::Model& model = ev.model();
  library::ScopeData data;
  data.kind = "language";
  data.arg = model.node(element).path;
  data.language = language;
  for (int m : model.node(element).members) {
    const sema::Member& member = model.member(m);
    if (member.kind != sema::MemberKind::Scope || !member.language || *member.language != language) continue;
    Paths paths = ev.slot_paths(member.slot);
    if (!paths.ok) return Evaluated::fail(paths.failure);
    data.paths.insert(data.paths.end(), paths.paths.begin(), paths.paths.end());
  }
  return Evaluated::of(library::Value::scope(std::move(data)));  // Value::scope sorts and deduplicates
}

}  // namespace

library::CheckOutcome evaluate_language_check(Evaluator& ev, int element, int language, int index) {
  const sema::Model& model = ev.model();
  const sema::Language& lang = model.languages[static_cast<std::size_t>(language)];
  const sema::ConnectionCheck& check = lang.checks[static_cast<std::size_t>(index)];
  int parent = model.node(element).parent;
  Evaluated parent_scopes = language_union(ev, parent, lang.name);
  if (!parent_scopes.ok) return library::CheckOutcome::error(parent_scopes.failure.code, parent_scopes.failure.message);
  Evaluated child_scopes = language_union(ev, element, lang.name);
  if (!child_scopes.ok) return library::CheckOutcome::error(child_scopes.failure.code, child_scopes.failure.message);
  std::vector<library::Value> params;
  if (check.params.size() == 2) {
    params = {parent_scopes.value, child_scopes.value};
  } else {
    library::ScopeData both = parent_scopes.value.as_scope();
    const auto& more = child_scopes.value.as_scope().paths;
    both.paths.insert(both.paths.end(), more.begin(), more.end());
    both.arg = model.node(parent).path + " + " + model.node(element).path;
    params = {library::Value::scope(std::move(both))};
  }
  return ev.check(check.body, params);
}

}  // namespace hie::eval
