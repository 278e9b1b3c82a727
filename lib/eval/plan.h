// The run plan: every check-like thing the model asks for, in the order results are reported.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "eval/run.h"
#include "sema/model.h"
#include "syntax/span.h"

namespace hie::eval {

struct Task {
  enum class Kind {
    ElementCheck,        // node(element).checks[index]
    ElementUses,         // node(element).uses[index]
    PatternCheck,        // instance(instance).checks[index]
    PatternUses,         // instance(instance).uses[index]
    Requirement,         // instance(instance).requirements[index]: scope/ref/element/implements/language/check,
                         //   forbids/requires connection (judged for the implementing element)
    AllowsConnection,    // every `allows connection` applying to `element` (parts), judged together
    AllowsLanguage,      // every `allows language` applying to `element` (parts), judged together
    InheritedConnection, // `requires connection` of an ancestor's instance (parts[0]), judged for `element`
    LanguageCheck,       // model.languages[language].checks[index] for the pair (parent of element, element)
    StrictUses,          // [connections] strict_uses for `element`
  };
  Kind kind = Kind::ElementCheck;
  int element = -1;  // reported under this element
  int index = -1;
  int instance = -1;
  int language = -1;
  std::vector<std::pair<int, int>> parts;  // (instance, requirement index)

  std::string text;    // what the record shows as its check
  std::string origin;  // "element", "pattern P", "requirement", "connection", "uses", "language L"
  int file = -1;
  syntax::Span span;
};

// Every task in report order (see RunResult::records).
std::vector<Task> build_plan(const sema::Model& model, const RunOptions& options);

// Which tasks the filter and limit select (the older tool's rules, docs/semantics.md), and how many are skipped.
struct Selection {
  std::vector<bool> selected;  // parallel to the plan
  std::size_t skipped = 0;
};
Selection select_tasks(const sema::Model& model, const std::vector<Task>& plan, const RunOptions& options);

}  // namespace hie::eval
