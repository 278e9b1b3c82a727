// The resolved model of a set of spec files: element tree, patterns and their instances, value slots, languages.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sema/rexpr.h"
#include "syntax/ast.h"
#include "syntax/source_file.h"
#include "syntax/span.h"

namespace hie::sema {

// ---------------------------------------------------------------- files and imports

struct FromImport {
  std::string library;  // registry name
  syntax::Span span;
};

struct FileImports {
  std::map<std::string, std::string, std::less<>> libraries;  // visible name -> registry name (`import x [as y]`)
  std::map<std::string, FromImport, std::less<>> functions;    // `from lib import f`: f -> lib
  std::vector<int> files;                                      // `import 'x.hie'`: indices into Model::files
};

struct SpecFile {
  std::string path;  // as shown to users (root paths as given; imports joined to the importer's directory)
  std::unique_ptr<syntax::SourceFile> source;
  std::unique_ptr<syntax::File> ast;
  FileImports imports;
};

// ---------------------------------------------------------------- what targets and `implements` name

// What a connection target or a `uses` target denotes.
struct Target {
  enum class Kind { None, Element, InstanceNode, Slot };
  Kind kind = Kind::None;
  int element = -1;   // Element
  int instance = -1;  // InstanceNode
  int node = -1;      // InstanceNode (a pattern node of that instance's pattern)
  int slot = -1;      // Slot (a scope or ref)
  bool wildcard = false;
  std::string text;   // as written: "core.lexer", "data.*"
};

struct ImplementsRef {
  std::string pattern;    // as written
  int pattern_node = -1;  // the pattern's root node; -1 when unknown (E052)
  syntax::Span span;
};

// ---------------------------------------------------------------- element tree

enum class NodeKind {
  Element,         // a real element: it has a path, results are reported under it
  Pattern,         // the root of a pattern (or legacy template)
  PatternElement,  // an element declared inside a pattern: virtual, filled per implementing element
};

struct ElementCheck {
  const syntax::CheckDecl* decl = nullptr;
  RExpr expr;  // resolved in the element's context
};

struct UsesInfo {
  const syntax::UsesDecl* decl = nullptr;
  std::string text;      // "src uses core.lexer"
  int source_slot = -1;  // the scope S; -1 when it did not resolve
  Target target;
};

struct Node {
  NodeKind kind = NodeKind::Element;
  std::string name;
  std::string path;  // elements: "shop.api"; pattern nodes: "P", "P.api"
  int parent = -1;   // -1 for top-level elements and pattern roots
  int pattern = -1;  // pattern nodes: the pattern's root node
  int file = -1;
  syntax::Span span;
  syntax::Span name_span;
  std::optional<std::string> type;  // `element x: Type`
  std::optional<std::string> doc;
  std::vector<int> children;  // source order
  std::vector<int> members;   // scopes and refs in source order (indices into Model::members)
  std::vector<ImplementsRef> implements;
  const syntax::Body* body = nullptr;  // checks, uses, bindings, requirements as written

  // Real elements only (filled by the resolver):
  std::vector<ElementCheck> checks;
  std::vector<UsesInfo> uses;
  std::vector<int> instances;  // pattern instances carried by this element, composed ones after their parent
  int depth = 0;
};

enum class MemberKind { Scope, Ref };

struct Member {
  MemberKind kind = MemberKind::Scope;
  std::string name;
  int node = -1;
  int file = -1;
  syntax::Span span;       // the whole declaration
  syntax::Span name_span;
  std::optional<std::string> language;  // `<lang>` / `: lang`
  syntax::Span language_span;
  std::string type;  // refs: the type name
  const syntax::Expr* value = nullptr;  // null when unbounded
  std::string value_text;
  std::vector<std::string> binds;  // `binds P.a.m`, empty when none
  syntax::Span binds_span;
  std::optional<std::string> doc;
  int slot = -1;  // members of real elements: their slot
};

// ---------------------------------------------------------------- values: slots

// One memoized value: a scope or ref of a real element, or a member of a pattern instance.
struct Slot {
  enum class Source {
    Value,    // `expr` (the member's own value, a V1 binding, or a pattern default)
    Alias,    // the value of slot `alias` (`scope s binds P.a.m`)
    Unbound,  // a pattern member nothing binds and that has no default
  };
  int member = -1;
  int instance = -1;  // -1 for members of real elements
  Source source = Source::Unbound;
  RExpr expr;
  int alias = -1;
  bool from_v1_binding = false;  // bound by `P.a.m = expr` in the element (counts in its footprint)
  bool from_default = false;
  std::string display;  // "shop.api.src"; instance members "shop.api.P.a.m" (a path that resolves to it)
  std::vector<int> cycle;  // non-empty when this slot is on a static cycle: the slots of the cycle, in order
};

// ---------------------------------------------------------------- patterns: instances

struct InstanceCheck {
  const syntax::CheckDecl* decl = nullptr;
  int node = -1;  // the pattern node that declares it
  RExpr expr;     // resolved in the instance, then in the element's chain
};

struct Candidate {
  int element = -1;
  RExpr expr;
};

struct InstanceRequirement {
  const syntax::RequirementDecl* decl = nullptr;
  // requires/forbids check: the candidates in pre-order whose names all resolve, each with its resolved check.
  std::vector<Candidate> candidates;
  std::string unresolved;  // why a candidate did not resolve (the first reason), for the failure message
  // connection: the resolved target.
  Target target;
};

struct InstanceUses {
  const syntax::UsesDecl* decl = nullptr;
  std::string text;
  int node = -1;
  int source_slot = -1;
  Target target;
};

// Pattern P instantiated for the real element E (`E implements P`), or a composed pattern Q instantiated for a
// pattern element `a implements Q` of an enclosing instance.
struct Instance {
  int pattern = -1;   // the pattern's root node
  int element = -1;   // the real element E that carries it (composed instances: the enclosing instance's E)
  int parent = -1;    // composed: the enclosing instance
  int via_node = -1;  // composed: the pattern element of the enclosing pattern that implements this pattern
  int file = -1;      // where `implements P` is written
  syntax::Span span;  // the pattern name in `implements P`
  std::map<int, int> slot_of_member;  // pattern member -> slot
  std::vector<InstanceCheck> checks;  // pattern checks (nested pattern elements included), source order
  std::vector<InstanceRequirement> requirements;  // source order
  std::vector<InstanceUses> uses;
  std::string label;  // "P", composed: "P.a: Q"
};

// ---------------------------------------------------------------- languages

struct ConnectionCheck {
  const syntax::ConnectionCheckDecl* decl = nullptr;
  std::vector<std::string> params;
  RExpr body;  // parameters are RExpr::Kind::Param
};

struct Language {
  std::string name;
  int file = -1;
  syntax::Span span;
  const syntax::LanguageDecl* decl = nullptr;
  std::vector<ConnectionCheck> checks;
};

// ---------------------------------------------------------------- the model

struct Model {
  Model() = default;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  std::vector<SpecFile> files;  // load order: each root, then the files it imports (depth first)
  std::vector<Node> nodes;
  std::vector<Member> members;
  std::vector<Slot> slots;
  std::vector<Instance> instances;
  std::vector<Language> languages;  // load order
  std::vector<int> elements;   // every real element: files in load order, each file's tree in pre-order
  std::vector<int> top_level;  // top-level real elements, load order
  std::vector<int> patterns;   // pattern roots, load order

  const Node& node(int i) const { return nodes[static_cast<std::size_t>(i)]; }
  const Member& member(int i) const { return members[static_cast<std::size_t>(i)]; }
  const Slot& slot(int i) const { return slots[static_cast<std::size_t>(i)]; }
  const Instance& instance(int i) const { return instances[static_cast<std::size_t>(i)]; }
  const std::string& file_path(int file) const { return files[static_cast<std::size_t>(file)].path; }

  // Lookups by name (linear in the number of items; for tools and tests, not hot paths).
  int find_element(std::string_view path) const;  // real element by full path, -1 when absent
  int find_pattern(std::string_view name) const;  // pattern root, -1 when absent
  const Language* find_language(std::string_view name) const;
  // The member named `name` of node `node`, or -1.
  int find_member(int node, std::string_view name) const;
  // True when `descendant` is `ancestor` or lies below it (real elements and pattern nodes alike).
  bool is_within(int descendant, int ancestor) const;
  // The slot of a real element's scope/ref `elem_path.name` ("shop.api.src"), -1 when absent.
  int find_element_slot(std::string_view dotted) const;

  // The scope slots whose paths make up a footprint (LANGUAGE.md §7.5), sorted, unique:
  // a real element: its own scopes, the scopes it binds with V1 bindings, and the same for every descendant;
  // a pattern node of an instance: the instance's scopes of that node and below (composed instances included).
  std::vector<int> element_footprint_slots(int element) const;
  std::vector<int> instance_footprint_slots(int instance, int node) const;
  // The slots an expression reads directly (footprints expanded), in order of appearance, unique.
  std::vector<int> expr_slots(const RExpr& expr) const;
};

}  // namespace hie::sema
