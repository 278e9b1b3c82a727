// Language declarations (LANGUAGE.md §7.6): connection_check bodies resolved over their parameters, and W056 for
// `<lang>` annotations and language requirements naming an undeclared, non-built-in language.
#include "sema/languages.h"

#include <algorithm>
#include <functional>

#include "sema/analyzer.h"
#include "sema/did_you_mean.h"

namespace hie::sema {

const std::vector<std::string_view>& builtin_languages() {
  static const std::vector<std::string_view> names = {"c",    "cpp",    "go",         "java",      "javascript",
                                                      "js",   "python", "rust",       "typescript"};
  return names;
}

bool is_builtin_language(std::string_view name) {
  const auto& names = builtin_languages();
  return std::binary_search(names.begin(), names.end(), name);
}

namespace detail {

void Analyzer::resolve_languages() {
  for (auto& language : model_.languages) {
    std::set<std::string> check_names;
    for (const auto& decl : language.decl->connection_checks) {
      ConnectionCheck check;
      check.decl = &decl;
      if (!check_names.insert(decl.name.name).second) {
        error("E051", "language '" + language.name + "' already has a connection_check named '" + decl.name.name + "'",
              language.file, decl.name.span);
      }
      for (const auto& param : decl.params) {
        if (std::find(check.params.begin(), check.params.end(), param.name.name) != check.params.end()) {
          error("E051", "duplicate parameter '" + param.name.name + "'", language.file, param.name.span);
        }
        check.params.push_back(param.name.name);
      }
      if (check.params.empty() || check.params.size() > 2) {
        error("E056",
              "connection_check '" + decl.name.name + "' takes " + std::to_string(check.params.size()) +
                  " parameters; it needs one (the union of parent and child scopes) or two (parent, child)",
              language.file, decl.name.span,
              "write `connection_check " + decl.name.name + "(parent: scope[], child: scope[]): lib.check(parent, child)`");
        check.body = RExpr::invalid("E056", "a connection_check takes one or two scope[] parameters", decl.span);
      } else if (!decl.body) {
        check.body = RExpr::invalid("E204", "a connection_check body must be a library check call", decl.span);
      } else if (decl.body->kind != syntax::ExprKind::Call) {
        check.body = RExpr::invalid("E204", "a connection_check body must be a library check call", decl.body->span);
      } else {
        Context ctx{language.file, -1, -1, -1, &check.params};
        std::vector<Issue> issues;
        check.body = resolve(*decl.body, ctx, issues);
        emit(issues, language.file);
      }
      language.checks.push_back(std::move(check));
    }
  }
}

void Analyzer::check_language_names() {
  std::vector<std::string> known;
  for (const auto& language : model_.languages) known.push_back(language.name);
  for (auto name : builtin_languages()) known.emplace_back(name);
  auto check = [&](const std::string& name, int file, syntax::Span span) {
    if (model_.find_language(name) || is_builtin_language(name)) return;
    std::optional<std::string> help = did_you_mean_help(name, known);
    if (!help) help = "declare it with `language " + name + "` (built-in languages need no declaration)";
    warning("W056", "undeclared language '" + name + "'", file, span, help);
  };
  for (const auto& member : model_.members) {
    if (member.language) check(*member.language, member.file, member.language_span);
  }
  for (int p : model_.patterns) {
    for (const auto& req : model_.node(p).body->requirements) {
      if (req.target == syntax::RequirementTarget::Language) check(req.language.name, model_.node(p).file, req.language.span);
      if (req.scope && req.scope->language) check(req.scope->language->name, model_.node(p).file, req.scope->language->span);
    }
  }
}

}  // namespace detail
}  // namespace hie::sema
