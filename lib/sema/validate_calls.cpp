// Validation of every library call against the libraries' self-descriptions: E050/E055/E056/E057/E204/E205,
// W002 (library used without import) and I001 (library that does not describe itself).
#include <algorithm>
#include <functional>

#include "sema/analyzer.h"
#include "sema/did_you_mean.h"
#include "sema/signature.h"

namespace hie::sema::detail {
namespace {

// The callee of a call as plain segments (`a.b.f` -> a, b, f); empty when it is not a dotted name.
bool callee_segments(const syntax::Expr& callee, std::vector<const syntax::Identifier*>& out,
                     std::vector<syntax::Identifier>& storage) {
  if (callee.kind == syntax::ExprKind::Identifier) {
    storage.push_back({callee.name, callee.span});
    return true;
  }
  if (callee.kind == syntax::ExprKind::MemberAccess && callee.object) {
    if (!callee_segments(*callee.object, out, storage)) return false;
    storage.push_back(callee.member);
    return true;
  }
  return false;
}

StaticType literal_type(const syntax::Expr& expr) {
  switch (expr.kind) {
    case syntax::ExprKind::String: return "string";
    case syntax::ExprKind::Number: return expr.is_integer ? "integer" : "float";
    case syntax::ExprKind::Boolean: return "boolean";
    case syntax::ExprKind::List: return "list";
    default: return "";
  }
}

}  // namespace

const CallInfo* Analyzer::call_info(const syntax::Expr* call) const {
  auto it = calls_.find(call);
  return it == calls_.end() ? nullptr : &it->second;
}

void Analyzer::validate_calls() {
  for (std::size_t f = 0; f < model_.files.size(); ++f) {
    int file = static_cast<int>(f);
    const syntax::File& ast = *model_.files[f].ast;

    // Element and pattern bodies (recursively). Requirement scope/ref values are documentation only.
    std::function<void(const syntax::Body&)> body_walk = [&](const syntax::Body& body) {
      for (const auto& scope : body.scopes) {
        if (scope.value) validate_expr(*scope.value, file, false);
      }
      for (const auto& ref : body.refs) {
        if (ref.value) validate_expr(*ref.value, file, false);
      }
      for (const auto& check : body.checks) {
        if (check.expr) validate_expr(*check.expr, file, true);
      }
      for (const auto& binding : body.bindings) {
        if (binding.value) validate_expr(*binding.value, file, false);
      }
      for (const auto& req : body.requirements) {
        if (req.scope && req.scope->value) check_documentation_expr(*req.scope->value, file);
        if (req.ref && req.ref->value) check_documentation_expr(*req.ref->value, file);
        if (req.check && req.check->expr) validate_expr(*req.check->expr, file, true);
        if (req.element_body) {
          for (const auto& check : req.element_body->body.checks) {
            if (check.expr) validate_expr(*check.expr, file, true);
          }
        }
      }
      for (const auto& child : body.elements) body_walk(child.body);
    };
    for (const auto& pattern : ast.patterns) body_walk(pattern.body);
    for (const auto& element : ast.elements) body_walk(element.body);
    for (const auto& language : ast.languages) {
      for (const auto& check : language.connection_checks) {
        if (check.body) validate_expr(*check.body, file, true);
      }
    }
  }
}

void Analyzer::check_documentation_expr(const syntax::Expr& expr, int file) {
  for (const auto& arg : expr.args) {
    if (arg) check_documentation_expr(*arg, file);
  }
  if (expr.kind != syntax::ExprKind::Call || !expr.callee) return;
  std::vector<const syntax::Identifier*> unused;
  std::vector<syntax::Identifier> segments;
  if (!callee_segments(*expr.callee, unused, segments) || segments.size() < 2) return;
  std::string lib;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) lib += (i > 0 ? "." : "") + segments[i].name;
  const FileImports& imports = model_.files[static_cast<std::size_t>(file)].imports;
  if (imports.libraries.count(lib) > 0 || catalog_.exists(lib)) return;
  syntax::Span lib_span{segments.front().span.start, segments[segments.size() - 2].span.end};
  warning("W057", "'" + lib + "' is not a library; this documentation-only value is never evaluated", file, lib_span,
          "the `= expr` of a `requires scope/ref` only documents the intent; name an existing library so that it "
          "stays meaningful");
}

void Analyzer::validate_expr(const syntax::Expr& expr, int file, bool check_position) {
  if (check_position && expr.kind != syntax::ExprKind::Call) {
    CallInfo info;
    info.code = "E204";
    info.message = "a check must be a function call";
    calls_[&expr] = info;
    error("E204", "a check must be a library function call, found " +
                      std::string(expr.kind == syntax::ExprKind::String   ? "a string"
                                  : expr.kind == syntax::ExprKind::Number ? "a number"
                                  : expr.kind == syntax::ExprKind::List   ? "a list"
                                  : expr.kind == syntax::ExprKind::Boolean ? "a boolean"
                                                                            : "a name"),
          file, expr.span, std::string("write `check library.function(arguments)`, e.g. `check files.exists(src, "
                                       "'README.md')`"));
    return;
  }
  switch (expr.kind) {
    case syntax::ExprKind::Call:
      for (const auto& arg : expr.args) {
        if (arg) validate_expr(*arg, file, false);
      }
      validate_call(expr, file, check_position);
      break;
    case syntax::ExprKind::List:
      for (const auto& item : expr.args) {
        if (item) validate_expr(*item, file, false);
      }
      break;
    case syntax::ExprKind::MemberAccess:
      if (expr.object) validate_expr(*expr.object, file, false);
      break;
    default:
      break;
  }
}

void Analyzer::validate_call(const syntax::Expr& call, int file, bool check_position) {
  CallInfo info;
  info.is_check = check_position;
  std::vector<const syntax::Identifier*> unused;
  std::vector<syntax::Identifier> segments;
  const FileImports& imports = model_.files[static_cast<std::size_t>(file)].imports;
  std::string valid_form = check_position ? "a check calls a library check: `check library.function(arguments)`, "
                                            "e.g. `check files.exists(src, 'README.md')`"
                                          : "only library functions can be called: `library.function(arguments)`, "
                                            "e.g. `files.folder_selector('src')`";

  auto fail = [&](std::string code, std::string message, syntax::Span span, std::optional<std::string> help) {
    info.valid = false;
    info.code = code;
    info.message = message;
    calls_[&call] = info;
    error(std::move(code), std::move(message), file, span, std::move(help));
  };

  if (!call.callee || !callee_segments(*call.callee, unused, segments) || segments.empty()) {
    fail(check_position ? "E204" : "E205", "this expression cannot be called", call.callee ? call.callee->span : call.span,
         valid_form);
    return;
  }
  syntax::Span callee_span = call.callee->span;
  const syntax::Identifier& fn = segments.back();
  info.function = fn.name;

  if (segments.size() == 1) {
    auto it = imports.functions.find(fn.name);
    if (it == imports.functions.end()) {
      std::string message = "'" + fn.name + "(...)' is not a library function call";
      std::optional<std::string> help = valid_form + ", or import the function: `from library import " + fn.name + "`";
      fail("E205", message, callee_span, help);
      return;
    }
    info.library = it->second.library;
  } else {
    std::string lib;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
      if (i > 0) lib += '.';
      lib += segments[i].name;
    }
    syntax::Span lib_span{segments.front().span.start, segments[segments.size() - 2].span.end};
    if (auto it = imports.libraries.find(lib); it != imports.libraries.end()) {
      info.library = it->second;
    } else if (catalog_.exists(lib)) {
      info.library = lib;
      if (w002_reported_.emplace(file, lib).second) {
        warning("W002", "library '" + lib + "' is used without an import", file, lib_span,
                "add `import " + lib + "` at the top of " + file_path(file));
      }
    } else {
      // Not a library: is it a name of the model (an element, pattern or member) used as a callee?
      const std::string& head = segments.front().name;
      std::string what;
      if (find_pattern(head) >= 0) what = "a pattern";
      for (const auto& node : model_.nodes) {
        if (!what.empty()) break;
        if (node.name == head) what = node.kind == NodeKind::Element ? "an element" : "a pattern element";
      }
      for (const auto& member : model_.members) {
        if (!what.empty()) break;
        if (member.name == head) what = member.kind == MemberKind::Scope ? "a scope" : "a ref";
      }
      if (!what.empty()) {
        std::string text = lib + "." + fn.name;
        fail("E205", "'" + text + "(...)' is not a library function call: '" + head + "' is " + what +
                         ", not a library",
             callee_span, valid_form);
        return;
      }
      std::vector<std::string> known;
      for (const auto& [name, registry_name] : imports.libraries) known.push_back(name);
      for (const auto& name : catalog_.names()) known.push_back(name);
      std::optional<std::string> help = did_you_mean_help(lib, known);
      if (!help) {
        std::string available;
        for (const auto& name : catalog_.names()) available += (available.empty() ? "" : ", ") + name;
        help = "no library named '" + lib + "' is registered" +
               (available.empty() ? std::string() : " (available: " + available + ")");
      }
      if (model_.find_language(lib) != nullptr) {
        help = "'" + lib + "' is declared as a language (`language " + lib + "`), not a library; " + *help;
      }
      fail("E050", "undefined name '" + lib + "'", lib_span, help);
      return;
    }
  }

  if (!catalog_.exists(info.library)) {
    // Imported but unknown (W001 at the import): an error result at run time.
    info.valid = true;
    calls_[&call] = info;
    return;
  }
  std::string why_not;
  info.doc = catalog_.describe(info.library, why_not);
  info.valid = true;
  if (info.doc == nullptr) {
    if (!why_not.empty() && i001_reported_.insert(info.library).second) {
      report(syntax::Severity::Info, "I001",
             "library '" + info.library + "' does not describe itself (" + why_not +
                 "): its function names and arguments are checked at run time",
             file, callee_span);
    }
    calls_[&call] = info;
    return;
  }

  // Function name and kind.
  library::FunctionKind wanted = check_position ? library::FunctionKind::Check : library::FunctionKind::Selector;
  std::vector<const library::FunctionDoc*> same_kind;
  bool other_kind = false;
  std::vector<std::string> names_of_kind;
  for (const auto& doc : info.doc->functions) {
    if (doc.kind == wanted) names_of_kind.push_back(doc.name);
    if (doc.name != fn.name) continue;
    if (doc.kind == wanted) {
      same_kind.push_back(&doc);
    } else {
      other_kind = true;
    }
  }
  std::string qualified = info.library + "." + fn.name;
  if (same_kind.empty()) {
    if (other_kind && check_position) {
      fail("E055", "'" + qualified + "' is a selector, not a check", callee_span,
           "a check statement must call a check function; selectors compute scopes: use it in a check's arguments "
           "or in `scope x = " + qualified + "(...)`");
    } else if (other_kind) {
      fail("E055", "'" + qualified + "' is a check, not a selector", callee_span,
           "a check can only be run by a check statement: `check " + qualified + "(...)`; inside expressions only "
           "selectors can be called");
    } else {
      std::optional<std::string> help = did_you_mean_help(fn.name, names_of_kind);
      if (help) help = "did you mean '" + info.library + "." + did_you_mean(fn.name, names_of_kind).value() + "'?";
      fail("E055", std::string("library '") + info.library + "' has no " + (check_position ? "check" : "selector") +
                       " named '" + fn.name + "'",
           fn.span, help);
    }
    return;
  }

  // Arity.
  std::size_t argc = call.args.size();
  bool arity_ok = false;
  for (const auto* doc : same_kind) arity_ok = arity_ok || arity_matches(*doc, argc);
  if (!arity_ok) {
    std::string expected;
    for (const auto* doc : same_kind) {
      if (!expected.empty()) expected += " or ";
      expected += "`" + signature_text(info.library, *doc) + "`";
    }
    fail("E056", "'" + qualified + "' takes " + arity_text(*same_kind.front()) + ", but " + std::to_string(argc) +
                     (argc == 1 ? " was" : " were") + " given",
         call.span, "expected " + expected);
    return;
  }

  // Literal argument types (names are checked by the resolver, once their entities are known).
  std::vector<StaticType> types;
  for (const auto& arg : call.args) {
    StaticType type = arg ? literal_type(*arg) : "";
    if (arg && arg->kind == syntax::ExprKind::Call) {
      const CallInfo* nested = call_info(arg.get());
      if (nested && nested->valid && nested->doc) type = return_type_of(*nested->doc, nested->function, arg->args.size());
    }
    types.push_back(type);
  }
  calls_[&call] = info;
  if (auto issue = check_argument_types(info, call, types)) {
    info.valid = false;
    info.code = issue->code;
    info.message = issue->message;
    calls_[&call] = info;
    error(issue->code, issue->message, file, issue->span, issue->help);
  }
}

std::optional<Issue> Analyzer::check_argument_types(const CallInfo& info, const syntax::Expr& call,
                                                    const std::vector<StaticType>& types) const {
  if (!info.doc) return std::nullopt;
  library::FunctionKind wanted = info.is_check ? library::FunctionKind::Check : library::FunctionKind::Selector;
  const library::FunctionDoc* first = nullptr;
  std::size_t first_bad = 0;
  for (const auto& doc : info.doc->functions) {
    if (doc.name != info.function || doc.kind != wanted || !arity_matches(doc, types.size())) continue;
    std::optional<std::size_t> bad = first_type_mismatch(doc, types);
    if (!bad) return std::nullopt;
    if (!first) {
      first = &doc;
      first_bad = *bad;
    }
  }
  if (!first) return std::nullopt;
  const library::ParamDoc& param = param_at(*first, first_bad);
  const syntax::Expr& arg = *call.args[first_bad];
  Issue issue;
  issue.code = "E057";
  std::string found = describe_static_type(types[first_bad]);
  std::string shown = arg.kind == syntax::ExprKind::String ? "'" + arg.string_value + "'" : std::string();
  issue.message = "argument " + std::to_string(first_bad + 1) + " of '" + info.library + "." + info.function +
                  "' (" + param.name + ") must be " + describe_static_type(param.type) + ", found " + found +
                  (shown.empty() ? "" : " " + shown);
  issue.span = arg.span;
  std::string help = "expected `" + signature_text(info.library, *first) + "`";
  if (param.type == "scope" && types[first_bad] == "string") {
    help += "; select files first, e.g. `files.file_selector(" + (shown.empty() ? std::string("'path'") : shown) +
            ")` or `files.folder_selector(...)`";
  }
  issue.help = help;
  return issue;
}

}  // namespace hie::sema::detail
