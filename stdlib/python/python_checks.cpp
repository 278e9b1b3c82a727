// The older tool's python checks over facts: declarations, imports, return annotations and calls found by the
// tokenizer, so text in comments and strings never counts and names match whole (no `parse` in `parse_expr`).
#include "stdlib/python/python_checks.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "stdlib/common/common_vocabulary.h"
#include "stdlib/python/python_facts.h"

namespace hie::stdlib::python {
namespace {

using graph::SymbolFact;

bool is_function(const SymbolFact& symbol) { return symbol.kind == kFunction || symbol.kind == kMethod; }

std::vector<std::string> files_of(const common::LanguageIndex& index, const ScopeData* scope) {
  return scope ? index.files_in(scope->paths) : index.files();
}

Value declaring_files(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name,
                      std::string kind, bool (*matches)(const SymbolFact&)) {
  ScopeData out;
  out.kind = std::move(kind);
  out.arg = std::string(name);
  out.language = "python";
  for (const std::string& file : files_of(index, scope)) {
    for (const SymbolFact& symbol : index.facts(file)->symbols) {
      if (symbol.name == name && matches(symbol)) {
        out.paths.push_back(file);
        break;
      }
    }
  }
  return Value::scope(std::move(out));
}

std::vector<std::string_view> segments(std::string_view dotted) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = dotted.find('.', start);
    parts.push_back(dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// `callee` ends with the whole segments of `tail`: `self.log.info` ends with `log.info`, never `og.info`.
bool ends_with_segments(std::string_view callee, std::string_view tail) {
  const auto have = segments(callee);
  const auto want = segments(tail);
  if (want.size() > have.size()) return false;
  return std::equal(want.begin(), want.end(), have.end() - static_cast<std::ptrdiff_t>(want.size()));
}

// Some call in the files of `scope` satisfies `pred`.
template <class Pred>
bool any_call(const common::LanguageIndex& index, const ScopeData& scope, Pred pred) {
  for (const std::string& file : index.files_in(scope.paths)) {
    for (const SymbolFact& symbol : index.facts(file)->symbols) {
      if (symbol.kind == kCall && pred(symbol.name)) return true;
    }
  }
  return false;
}

}  // namespace

Value function_selector(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name) {
  return declaring_files(index, scope, name, "function", is_function);
}

Value class_selector(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name) {
  return declaring_files(index, scope, name, "class", [](const SymbolFact& s) { return s.kind == kClass; });
}

CheckOutcome function_exists(const common::LanguageIndex& index, const ScopeData* scope, std::string_view name) {
  CheckOutcome outcome = common::symbol_exists(index, kFunction, scope, name);
  if (outcome.status == CheckOutcome::Status::Pass) return outcome;
  if (common::symbol_exists(index, kMethod, scope, name).status == CheckOutcome::Status::Pass) {
    return CheckOutcome::pass();
  }
  return outcome;
}

CheckOutcome imports(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module) {
  for (const std::string& file : index.files_in(scope.paths)) {
    for (const graph::ImportFact& fact : index.facts(file)->imports) {
      if (index.frontend().import_matches(fact, module)) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(fmt::format("Scope does not import '{}'", module));
}

CheckOutcome no_import(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module) {
  std::vector<library::Evidence> evidence;
  for (const std::string& file : index.files_in(scope.paths)) {
    for (const graph::ImportFact& fact : index.facts(file)->imports) {
      if (!index.frontend().import_matches(fact, module)) continue;
      const std::string written = fact.kind == "from" ? fmt::format("from {} import {}", fact.module, fact.name)
                                                      : fmt::format("import {}", fact.module);
      evidence.push_back({file, fact.line, written});
    }
  }
  if (evidence.empty()) return CheckOutcome::pass();
  return CheckOutcome::fail(fmt::format("Scope imports '{}' but should not", module), std::move(evidence));
}

CheckOutcome returns_type(const common::LanguageIndex& index, const ScopeData& scope, std::string_view type) {
  for (const std::string& file : index.files_in(scope.paths)) {
    for (const SymbolFact& symbol : index.facts(file)->symbols) {
      if (is_function(symbol) && annotation_mentions(symbol.detail, type)) return CheckOutcome::pass();
    }
  }
  return CheckOutcome::fail(fmt::format("No function returns type '{}'", type));
}

CheckOutcome function_returns_type(const common::LanguageIndex& index, const ScopeData& scope,
                                   std::string_view function, std::string_view type) {
  std::vector<library::Evidence> evidence;
  for (const std::string& file : index.files_in(scope.paths)) {
    for (const SymbolFact& symbol : index.facts(file)->symbols) {
      if (!is_function(symbol) || symbol.name != function) continue;
      if (annotation_mentions(symbol.detail, type)) return CheckOutcome::pass();
      evidence.push_back({file, symbol.line,
                          symbol.detail.empty() ? fmt::format("'{}' has no return annotation", function)
                                                : fmt::format("'{}' returns '{}'", function, symbol.detail)});
    }
  }
  return CheckOutcome::fail(fmt::format("Function '{}' does not return type '{}'", function, type),
                            std::move(evidence));
}

CheckOutcome calls(const common::LanguageIndex& index, const ScopeData& scope, std::string_view target) {
  if (any_call(index, scope, [&](std::string_view callee) { return call_involves(callee, target); })) {
    return CheckOutcome::pass();
  }
  return CheckOutcome::fail(fmt::format("Scope does not call '{}'", target));
}

CheckOutcome calls_function(const common::LanguageIndex& index, const ScopeData& scope, std::string_view module,
                            std::string_view function) {
  const std::string tail = fmt::format("{}.{}", module, function);
  if (any_call(index, scope, [&](std::string_view callee) { return ends_with_segments(callee, tail); })) {
    return CheckOutcome::pass();
  }
  return CheckOutcome::fail(fmt::format("Scope does not call '{}.{}'", module, function));
}

CheckOutcome calls_scope(const common::LanguageIndex& index, const ScopeData& source, const ScopeData& target) {
  std::set<std::string, std::less<>> declared;
  for (const std::string& file : index.files_in(target.paths)) {
    for (const SymbolFact& symbol : index.facts(file)->symbols) {
      if (is_function(symbol) || symbol.kind == kClass) declared.insert(symbol.name);
    }
  }
  const bool calls_one = !declared.empty() && any_call(index, source, [&](std::string_view callee) {
    for (std::string_view segment : segments(callee)) {
      if (declared.count(segment)) return true;
    }
    return false;
  });
  if (calls_one) return CheckOutcome::pass();
  return CheckOutcome::fail("Source scope does not call anything in target scope");
}

}  // namespace hie::stdlib::python
