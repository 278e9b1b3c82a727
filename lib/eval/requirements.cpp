// Requirements (LANGUAGE.md §7.4): structural ones are judged on the element tree, `requires/forbids check` by
// evaluating the check for each candidate whose names resolve.
#include <algorithm>
#include <functional>

#include "eval/tasks.h"
#include "sema/normalize_text.h"

namespace hie::eval {
namespace {

using syntax::RequirementAction;
using syntax::RequirementTarget;

// E itself (plain), or every element strictly below E in pre-order (descendant).
std::vector<int> below(const sema::Model& model, int element) {
  std::vector<int> out;
  std::function<void(int)> visit = [&](int n) {
    for (int c : model.node(n).children) {
      out.push_back(c);
      visit(c);
    }
  };
  visit(element);
  return out;
}

bool declares_scope(const sema::Model& model, int element, const std::string& name,
                    const std::optional<std::string>& language) {
  for (int m : model.node(element).members) {
    const sema::Member& member = model.member(m);
    if (member.kind != sema::MemberKind::Scope || member.name != name) continue;
    if (language && (!member.language || *member.language != *language)) continue;
    return true;
  }
  return false;
}

bool declares_ref(const sema::Model& model, int element, const std::string& name, const std::string& type) {
  for (int m : model.node(element).members) {
    const sema::Member& member = model.member(m);
    if (member.kind == sema::MemberKind::Ref && member.name == name && member.type == type) return true;
  }
  return false;
}

bool implements(const sema::Model& model, int element, const std::string& pattern) {
  for (const auto& impl : model.node(element).implements) {
    if (impl.pattern == pattern) return true;
  }
  return false;
}

// `element NAME [: TYPE] [implements P] [body]` against one element.
bool element_matches(const sema::Model& model, int element, const syntax::RequirementDecl& req) {
  const sema::Node& node = model.node(element);
  if (req.element_name.name != "_anonymous" && node.name != req.element_name.name) return false;
  if (req.element_type && (!node.type || *node.type != req.element_type->name)) return false;
  if (req.element_implements && !implements(model, element, req.element_implements->name)) return false;
  if (!req.element_body) return true;
  const syntax::Body& body = req.element_body->body;
  for (const auto& scope : body.scopes) {
    std::optional<std::string> language;
    if (scope.language) language = scope.language->name;
    if (!declares_scope(model, element, scope.name.name, language)) return false;
  }
  for (const auto& ref : body.refs) {
    if (!declares_ref(model, element, ref.name.name, ref.type.name)) return false;
  }
  for (const auto& check : body.checks) {
    std::string wanted = sema::normalize_text(check.source_text);
    bool found = false;
    for (const auto& own : node.checks) found = found || sema::normalize_text(own.decl->source_text) == wanted;
    if (!found) return false;
  }
  return true;
}

std::string list_paths(const sema::Model& model, const std::vector<int>& elements) {
  std::string out;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i == 5) {
      out += ", ... (" + std::to_string(elements.size()) + " in all)";
      break;
    }
    out += (i ? ", " : "") + std::string("'") + model.node(elements[i]).path + "'";
  }
  return out;
}

// Scopes of E and below annotated with a language: (element, member).
std::vector<std::pair<int, int>> language_scopes(const sema::Model& model, int element) {
  std::vector<std::pair<int, int>> out;
  std::vector<int> all{element};
  auto more = below(model, element);
  all.insert(all.end(), more.begin(), more.end());
  for (int e : all) {
    for (int m : model.node(e).members) {
      const sema::Member& member = model.member(m);
      if (member.kind == sema::MemberKind::Scope && member.language) out.emplace_back(e, m);
    }
  }
  return out;
}

library::CheckOutcome evaluate_check_requirement(Evaluator& ev, const sema::InstanceRequirement& req, int element) {
  const sema::Model& model = ev.model();
  const syntax::RequirementDecl& decl = *req.decl;
  bool forbids = decl.action == RequirementAction::Forbids;
  std::string where = decl.descendant ? "any element below '" + model.node(element).path + "'"
                                      : "'" + model.node(element).path + "'";
  if (req.candidates.empty()) {
    std::string message = "the check's names do not resolve for " + where +
                          (req.unresolved.empty() ? std::string() : " (" + req.unresolved + ")");
    if (forbids) return library::CheckOutcome::pass();
    return library::CheckOutcome::fail(message);
  }
  std::vector<std::string> failures;
  std::optional<library::CheckOutcome> first_error;
  for (const auto& candidate : req.candidates) {
    library::CheckOutcome outcome = ev.check(candidate.expr);
    const std::string& path = model.node(candidate.element).path;
    switch (outcome.status) {
      case library::CheckOutcome::Status::Pass:
        if (forbids) {
          return library::CheckOutcome::fail("the forbidden check passes for '" + path + "'");
        }
        return library::CheckOutcome::pass();
      case library::CheckOutcome::Status::Fail:
        failures.push_back("'" + path + "': " + outcome.message);
        break;
      case library::CheckOutcome::Status::Error:
        if (!first_error) {
          first_error = outcome;
          first_error->message = "'" + path + "': " + outcome.message;
        }
        break;
    }
  }
  if (first_error) return *first_error;
  if (forbids) return library::CheckOutcome::pass();
  std::string message = decl.descendant ? "the check fails for every candidate below '" + model.node(element).path + "'"
                                        : "the check fails";
  for (std::size_t i = 0; i < failures.size() && i < 3; ++i) message += (i ? "; " : ": ") + failures[i];
  if (failures.size() > 3) message += "; ... (" + std::to_string(failures.size()) + " candidates)";
  return library::CheckOutcome::fail(message);
}

// "a scope 'src<python>'", "an element 'api' that implements 'service'": what a requirement looks for.
std::string describe_requirement_target(const syntax::RequirementDecl& decl, const std::string& scope_name,
                                        const std::optional<std::string>& language) {
  switch (decl.target) {
    case syntax::RequirementTarget::Scope:
      return "a scope '" + scope_name + (language ? "<" + *language + ">" : "") + "'";
    case syntax::RequirementTarget::Ref:
      return decl.ref ? "a ref '" + decl.ref->name.name + ": " + decl.ref->type.name + "'" : "a ref";
    default: {
      bool anonymous = decl.element_name.name == "_anonymous";
      std::string what = anonymous ? "an element" : "an element '" + decl.element_name.name + "'";
      if (decl.element_type) what += " of type " + decl.element_type->name;
      if (decl.element_implements) what += " that implements '" + decl.element_implements->name + "'";
      if (decl.element_body) what += " with the declarations of its body";
      return what;
    }
  }
}

}  // namespace

library::CheckOutcome evaluate_requirement(Evaluator& ev, int instance, int index) {
  const sema::Model& model = ev.model();
  const sema::Instance& inst = model.instance(instance);
  const sema::InstanceRequirement& req = inst.requirements[static_cast<std::size_t>(index)];
  const syntax::RequirementDecl& decl = *req.decl;
  int element = inst.element;
  const std::string& path = model.node(element).path;
  bool forbids = decl.action == RequirementAction::Forbids;

  if (decl.target == RequirementTarget::Check) return evaluate_check_requirement(ev, req, element);
  if (decl.target == RequirementTarget::Connection) return evaluate_connection_rule(ev, element, instance, index);

  if (decl.target == RequirementTarget::Language) {
    const std::string& language = decl.language.name;
    std::vector<std::string> annotated;
    for (const auto& [e, m] : language_scopes(model, element)) {
      if (*model.member(m).language == language) annotated.push_back(model.node(e).path + "." + model.member(m).name);
    }
    if (forbids) {
      if (annotated.empty()) return library::CheckOutcome::pass();
      std::string list;
      for (const auto& a : annotated) list += (list.empty() ? "'" : ", '") + a + "'";
      return library::CheckOutcome::fail("scopes annotated <" + language + "> in '" + path + "': " + list);
    }
    if (!annotated.empty()) return library::CheckOutcome::pass();
    return library::CheckOutcome::fail("no scope of '" + path + "' or below is annotated <" + language + ">");
  }


  // Structural: scope, ref, element, implements.
  std::vector<int> candidates;
  if (decl.target == RequirementTarget::Scope || decl.target == RequirementTarget::Ref) {
    candidates = decl.descendant ? below(model, element) : std::vector<int>{element};
  } else {
    candidates = decl.descendant ? below(model, element) : model.node(element).children;
  }
  std::optional<std::string> language;
  if (decl.scope && decl.scope->language) language = decl.scope->language->name;
  const std::string& scope_name = decl.scope ? decl.scope->name.name : decl.element_name.name;
  // Described once, before looking at candidates: the message must be complete even when there are none.
  const std::string what = describe_requirement_target(decl, scope_name, language);
  std::vector<int> matching;
  for (int c : candidates) {
    bool match = false;
    switch (decl.target) {
      case RequirementTarget::Scope:
        match = declares_scope(model, c, scope_name, language);
        break;
      case RequirementTarget::Ref:
        match = decl.ref && declares_ref(model, c, decl.ref->name.name, decl.ref->type.name);
        break;
      default:
        match = element_matches(model, c, decl);
        break;
    }
    if (match) matching.push_back(c);
  }

  if (forbids) {
    if (matching.empty()) return library::CheckOutcome::pass();
    return library::CheckOutcome::fail("forbidden " + what + " found in " + list_paths(model, matching));
  }
  if (!matching.empty()) return library::CheckOutcome::pass();
  if (decl.target == RequirementTarget::Scope || decl.target == RequirementTarget::Ref) {
    return library::CheckOutcome::fail(decl.descendant ? "no element below '" + path + "' declares " + what
                                                       : "'" + path + "' declares no " + what.substr(2));
  }
  return library::CheckOutcome::fail(decl.descendant ? "no element below '" + path + "' is " + what
                                                     : "'" + path + "' has no child element that is " + what);
}

library::CheckOutcome evaluate_allows_language(Evaluator& ev, int element,
                                               const std::vector<std::pair<int, int>>& parts) {
  const sema::Model& model = ev.model();
  std::vector<std::string> allowed;
  for (const auto& [instance, index] : parts) {
    allowed.push_back(model.instance(instance).requirements[static_cast<std::size_t>(index)].decl->language.name);
  }
  std::vector<std::string> offenders;
  for (const auto& [e, m] : language_scopes(model, element)) {
    const std::string& language = *model.member(m).language;
    if (std::find(allowed.begin(), allowed.end(), language) == allowed.end()) {
      offenders.push_back("'" + model.node(e).path + "." + model.member(m).name + "' <" + language + ">");
    }
  }
  if (offenders.empty()) return library::CheckOutcome::pass();
  std::string list;
  for (const auto& o : offenders) list += (list.empty() ? "" : ", ") + o;
  std::string allowed_list;
  for (const auto& a : allowed) allowed_list += (allowed_list.empty() ? "" : ", ") + a;
  return library::CheckOutcome::fail("scopes in languages that are not allowed (allowed: " + allowed_list + "): " +
                                     list);
}

}  // namespace hie::eval
