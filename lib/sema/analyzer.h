// Internal to sema: the state shared by the passes of one analyze() call, each pass in its own .cpp file.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "sema/analyze.h"
#include "sema/library_catalog.h"
#include "sema/model.h"
#include "syntax/diagnostic.h"

namespace hie::sema::detail {

// Where an expression is evaluated: which names are visible, innermost first.
struct Context {
  int file = -1;     // the file the expression is written in (its imports apply)
  int element = -1;  // the real element whose chain (own members, ancestors) is searched
  int instance = -1; // pattern expressions: the instance whose members are searched first
  int node = -1;     //   the pattern node where the expression is written
  const std::vector<std::string>* params = nullptr;  // connection_check parameters
};

// What a name denotes.
struct Entity {
  enum class Kind { None, Element, Slot, InstanceNode, Library, Param, Pattern };
  Kind kind = Kind::None;
  int element = -1;
  int slot = -1;
  int instance = -1;
  int node = -1;
  int param = -1;
  std::string library;  // registry name
};

// A resolution problem, returned to the caller: emitted as a diagnostic, or (for requirement candidates) used
// to decide that a candidate does not resolve.
struct Issue {
  std::string code;
  std::string message;
  syntax::Span span;
  std::optional<std::string> help;
};

// The outcome of validating a call's callee against the libraries (context-free: only libraries are callable).
struct CallInfo {
  bool valid = false;
  std::string library;  // registry name
  std::string function;
  bool is_check = false;
  std::string code;     // when !valid
  std::string message;
  const library::LibraryDoc* doc = nullptr;  // the library's description, when it has one
};

// The static type of an argument, when known ("" = unknown).
using StaticType = std::string;

class Analyzer {
 public:
  Analyzer(Model& model, LibraryCatalog& catalog, syntax::DiagnosticList& diagnostics)
      : model_(model), catalog_(catalog), diagnostics_(diagnostics) {}

  void run(const std::vector<std::string>& roots, const FileReader& read);

  // ---- diagnostics (deduplicated: pattern expressions are resolved once per instance)
  void report(syntax::Severity severity, std::string code, std::string message, int file, syntax::Span span,
              std::optional<std::string> help = std::nullopt);
  void error(std::string code, std::string message, int file, syntax::Span span,
             std::optional<std::string> help = std::nullopt) {
    report(syntax::Severity::Error, std::move(code), std::move(message), file, span, std::move(help));
  }
  void warning(std::string code, std::string message, int file, syntax::Span span,
               std::optional<std::string> help = std::nullopt) {
    report(syntax::Severity::Warning, std::move(code), std::move(message), file, span, std::move(help));
  }
  void emit(const std::vector<Issue>& issues, int file);

  // ---- loader.cpp
  void load(const std::vector<std::string>& roots, const FileReader& read);
  // ---- imports.cpp
  void resolve_library_imports();
  // ---- symbol_table.cpp
  void build_symbols();
  void resolve_implements();
  // ---- validate_calls.cpp: every call once, syntactically (callee, kind, arity, literal argument types)
  void validate_calls();
  void validate_expr(const syntax::Expr& expr, int file, bool check_position);
  // Requirement `= expr` values are documentation only (never evaluated): W057 when they name no library.
  void check_documentation_expr(const syntax::Expr& expr, int file);
  void validate_call(const syntax::Expr& call, int file, bool check_position);
  const CallInfo* call_info(const syntax::Expr* call) const;
  // Argument types against the signatures (unknown types, "", are accepted); the first mismatch as an E057 issue.
  std::optional<Issue> check_argument_types(const CallInfo& info, const syntax::Expr& call,
                                            const std::vector<StaticType>& types) const;
  // ---- pattern_instances.cpp
  void create_instances();
  void bind_instances();
  // ---- resolver.cpp
  Entity lookup(const std::string& name, const Context& ctx, syntax::Span span, std::vector<Issue>& issues);
  Entity walk(const Entity& from, const syntax::Identifier& member, const std::string& so_far,
              std::vector<Issue>& issues);
  // Resolves a dotted path (`a.b.c`) to an entity.
  Entity resolve_path(const std::vector<syntax::Identifier>& path, const Context& ctx, std::vector<Issue>& issues);
  RExpr resolve(const syntax::Expr& expr, const Context& ctx, std::vector<Issue>& issues);
  RExpr resolve_check(const syntax::CheckDecl& check, const Context& ctx, std::vector<Issue>& issues);
  StaticType static_type(const RExpr& expr) const;
  std::string describe(const Entity& entity) const;  // "scope 'shop.api.src'", "element 'shop'"
  RExpr entity_value(const Entity& entity, syntax::Span span, const std::string& text, std::vector<Issue>& issues);
  Target entity_target(const Entity& entity) const;
  // ---- resolve_all.cpp
  void resolve_values();
  void resolve_checks_and_uses();
  // ---- requirements.cpp
  void resolve_requirements();
  // ---- languages.cpp
  void resolve_languages();
  void check_language_names();
  // ---- cycles.cpp
  void detect_cycles();
  // ---- needs.cpp
  void check_needed_bindings();

  // ---- helpers shared by the passes
  std::string file_path(int file) const { return model_.file_path(file); }
  std::vector<std::string> visible_names(const Context& ctx) const;
  int instance_slot(int instance, int member) const;
  std::string instance_member_path(int instance, int member) const;  // "P.a.m"
  std::vector<int> composed_patterns(int node) const;  // pattern roots implemented by a pattern node
  int composed_instance(int instance, int node, int pattern) const;
  int element_instance(int element, int pattern) const;  // the instance of `element implements pattern`
  int find_pattern(std::string_view name) const {
    auto it = pattern_index_.find(name);
    return it == pattern_index_.end() ? -1 : it->second;
  }

  // ---- state shared by the passes
  Model& model_;
  LibraryCatalog& catalog_;
  syntax::DiagnosticList& diagnostics_;
  // False while resolving expressions whose problems are not shown (requirement candidates, connection targets):
  // "did you mean" suggestions are then not computed (they cost an edit distance per visible name).
  bool suggest_ = true;
  // Name -> node of top-level elements and of patterns (built by build_symbols; lookups are hot).
  std::map<std::string, int, std::less<>> top_level_index_;
  std::map<std::string, int, std::less<>> pattern_index_;
  // Every file import: (importing file, the import, loaded file or -1).
  std::vector<std::tuple<int, const syntax::ImportDecl*, int>> file_imports_;
  // (element, pattern) -> instance; (enclosing instance, pattern node, pattern) -> composed instance.
  std::map<std::pair<int, int>, int> element_instances_;
  std::map<std::tuple<int, int, int>, int> composed_;
  // Slot values waiting to be resolved: (slot, expression, context).
  struct PendingValue {
    int slot;
    const syntax::Expr* expr;
    Context ctx;
  };
  std::vector<PendingValue> pending_;

 private:
  std::set<std::tuple<std::string, int, std::uint32_t, std::uint32_t, std::string>> reported_;
  std::map<const syntax::Expr*, CallInfo> calls_;  // keyed by node identity; never iterated
  std::set<std::pair<int, std::string>> w002_reported_;
  std::set<std::string> i001_reported_;

 public:
  // Pattern members that a V1 binding named but that do not exist (instance, pattern node, member name): the
  // binding already got E054, so reading the same member later is not reported again (one mistake, one diagnostic).
  std::set<std::tuple<int, int, std::string>> missing_bound_members_;
};

}  // namespace hie::sema::detail
