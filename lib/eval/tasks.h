// Internal to eval: how each kind of task of the plan is judged (one file per idea).
#pragma once

#include <utility>
#include <vector>

#include "eval/evaluator.h"
#include "eval/plan.h"
#include "library/check_outcome.h"

namespace hie::eval {

// requirements.cpp: scope/ref/element/implements/language/check requirements, and `allows language`.
library::CheckOutcome evaluate_requirement(Evaluator& ev, int instance, int index);
library::CheckOutcome evaluate_allows_language(Evaluator& ev, int element, const std::vector<std::pair<int, int>>& parts);

// connections.cpp: connection rules against the dependency graph, `uses` and strict_uses.
library::CheckOutcome evaluate_connection_rule(Evaluator& ev, int element, int instance, int index);
library::CheckOutcome evaluate_allows_connection(Evaluator& ev, int element,
                                                 const std::vector<std::pair<int, int>>& parts);
// `requires connection` of an ancestor's pattern, judged for `element` (constraints are inherited).
library::CheckOutcome evaluate_inherited_connection(Evaluator& ev, int element, int instance, int index);
library::CheckOutcome evaluate_uses(Evaluator& ev, int source_slot, const sema::Target& target);
library::CheckOutcome evaluate_strict_uses(Evaluator& ev, int element);

// languages.cpp: a language's connection_check for the pair (parent of `element`, `element`).
library::CheckOutcome evaluate_language_check(Evaluator& ev, int element, int language, int index);

}  // namespace hie::eval
