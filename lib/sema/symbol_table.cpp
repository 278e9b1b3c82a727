// The symbol table: element and pattern trees with unique paths (E051), members, and `implements` (E052).
#include <algorithm>

#include "sema/analyzer.h"
#include "sema/did_you_mean.h"

namespace hie::sema::detail {
namespace {

struct TopItem {
  std::uint32_t offset;
  int kind;  // 0 language, 1 pattern, 2 element
  std::size_t index;
};

const char* member_word(MemberKind kind) { return kind == MemberKind::Scope ? "scope" : "ref"; }

class TreeBuilder {
 public:
  explicit TreeBuilder(Analyzer& a) : a_(a) {}

  int add_node(NodeKind kind, const std::string& name, syntax::Span name_span, syntax::Span span, int file,
               int parent, int pattern, const syntax::Body* body) {
    Model& m = a_.model_;
    Node node;
    node.kind = kind;
    node.name = name;
    node.parent = parent;
    node.pattern = pattern;
    node.file = file;
    node.span = span;
    node.name_span = name_span;
    node.body = body;
    if (parent >= 0) {
      node.path = m.node(parent).path + "." + name;
      node.depth = m.node(parent).depth + 1;
    } else {
      node.path = name;
    }
    int index = static_cast<int>(m.nodes.size());
    if (kind == NodeKind::Pattern) node.pattern = index;
    m.nodes.push_back(std::move(node));
    if (kind == NodeKind::Element) m.elements.push_back(index);
    add_members(index, *body);
    add_children(index, *body);
    return index;
  }

  int add_element(const syntax::ElementDecl& decl, int file, int parent, int pattern) {
    NodeKind kind = pattern >= 0 ? NodeKind::PatternElement : NodeKind::Element;
    int index = add_node(kind, decl.name.name, decl.name.span, decl.span, file, parent, pattern, &decl.body);
    Node& node = a_.model_.nodes[static_cast<std::size_t>(index)];
    node.doc = decl.doc;
    if (decl.type) node.type = decl.type->name;
    for (const auto& impl : decl.implements) node.implements.push_back({impl.name, -1, impl.span});
    return index;
  }

 private:
  void add_members(int node_index, const syntax::Body& body) {
    Model& m = a_.model_;
    int file = m.node(node_index).file;
    std::vector<Member> members;
    for (const auto& scope : body.scopes) {
      Member member;
      member.kind = MemberKind::Scope;
      member.name = scope.name.name;
      member.span = scope.span;
      member.name_span = scope.name.span;
      if (scope.language) {
        member.language = scope.language->name;
        member.language_span = scope.language->span;
      }
      member.value = scope.value.get();
      member.value_text = scope.value_text;
      if (scope.binds) {
        for (const auto& id : *scope.binds) member.binds.push_back(id.name);
        member.binds_span = {scope.binds->front().span.start, scope.binds->back().span.end};
      }
      member.doc = scope.doc;
      members.push_back(std::move(member));
    }
    for (const auto& ref : body.refs) {
      Member member;
      member.kind = MemberKind::Ref;
      member.name = ref.name.name;
      member.span = ref.span;
      member.name_span = ref.name.span;
      member.type = ref.type.name;
      member.value = ref.value.get();
      member.value_text = ref.value_text;
      if (ref.binds && !ref.binds->empty()) {
        for (const auto& id : *ref.binds) member.binds.push_back(id.name);
        member.binds_span = {ref.binds->front().span.start, ref.binds->back().span.end};
      }
      member.doc = ref.doc;
      members.push_back(std::move(member));
    }
    std::stable_sort(members.begin(), members.end(),
                     [](const Member& x, const Member& y) { return x.span.start.offset < y.span.start.offset; });
    for (auto& member : members) {
      member.node = node_index;
      member.file = file;
      bool duplicate = false;
      for (int other : m.node(node_index).members) {
        const Member& first = m.member(other);
        if (first.name != member.name) continue;
        a_.error("E051",
                 std::string("duplicate name '") + member.name + "': " + member_word(first.kind) + " '" +
                     member.name + "' is already declared in '" + m.node(node_index).path + "' at line " +
                     std::to_string(first.name_span.start.line),
                 file, member.name_span);
        duplicate = true;
        break;
      }
      if (duplicate) continue;
      int index = static_cast<int>(m.members.size());
      m.members.push_back(std::move(member));
      m.nodes[static_cast<std::size_t>(node_index)].members.push_back(index);
    }
  }

  void add_children(int node_index, const syntax::Body& body) {
    Model& m = a_.model_;
    int file = m.node(node_index).file;
    int pattern = m.node(node_index).kind == NodeKind::Element ? -1 : m.node(node_index).pattern;
    for (const auto& decl : body.elements) {
      std::string duplicate_of;
      for (int child : m.node(node_index).children) {
        if (m.node(child).name == decl.name.name) {
          duplicate_of = "element '" + m.node(child).path + "' is already declared at line " +
                         std::to_string(m.node(child).name_span.start.line);
        }
      }
      for (int member : m.node(node_index).members) {
        if (m.member(member).name == decl.name.name) {
          duplicate_of = std::string(member_word(m.member(member).kind)) + " '" + decl.name.name +
                         "' of '" + m.node(node_index).path + "' has the same name (line " +
                         std::to_string(m.member(member).name_span.start.line) + ")";
        }
      }
      if (!duplicate_of.empty()) {
        a_.error("E051", "duplicate name '" + decl.name.name + "': " + duplicate_of, file, decl.name.span,
                 std::string("element paths must be unique; rename one of them"));
        continue;
      }
      int child = add_element(decl, file, node_index, pattern);
      m.nodes[static_cast<std::size_t>(node_index)].children.push_back(child);
    }
  }

  Analyzer& a_;
};

}  // namespace

void Analyzer::build_symbols() {
  TreeBuilder builder(*this);
  struct First {
    int file;
    syntax::Span span;
    std::string what;
  };
  std::map<std::string, First> top;
  auto claim = [&](const std::string& name, int file, syntax::Span span, const std::string& what) {
    auto [it, inserted] = top.emplace(name, First{file, span, what});
    if (inserted) return true;
    error("E051",
          "duplicate name '" + name + "': " + it->second.what + " '" + name + "' is already declared in " +
              file_path(it->second.file) + ":" + std::to_string(it->second.span.start.line),
          file, span, std::string("top-level elements, patterns and languages share one namespace across all "
                                  "loaded spec files"));
    return false;
  };

  for (std::size_t f = 0; f < model_.files.size(); ++f) {
    int file = static_cast<int>(f);
    const syntax::File& ast = *model_.files[f].ast;
    std::vector<TopItem> items;
    for (std::size_t i = 0; i < ast.languages.size(); ++i) items.push_back({ast.languages[i].span.start.offset, 0, i});
    for (std::size_t i = 0; i < ast.patterns.size(); ++i) items.push_back({ast.patterns[i].span.start.offset, 1, i});
    for (std::size_t i = 0; i < ast.elements.size(); ++i) items.push_back({ast.elements[i].span.start.offset, 2, i});
    std::stable_sort(items.begin(), items.end(), [](const TopItem& x, const TopItem& y) { return x.offset < y.offset; });

    for (const TopItem& item : items) {
      if (item.kind == 0) {
        const auto& decl = ast.languages[item.index];
        if (!claim(decl.name.name, file, decl.name.span, "language")) continue;
        Language language;
        language.name = decl.name.name;
        language.file = file;
        language.span = decl.name.span;
        language.decl = &decl;
        model_.languages.push_back(std::move(language));
      } else if (item.kind == 1) {
        const auto& decl = ast.patterns[item.index];
        if (!claim(decl.name.name, file, decl.name.span, "pattern")) continue;
        int root = builder.add_node(NodeKind::Pattern, decl.name.name, decl.name.span, decl.span, file, -1, -1,
                                    &decl.body);
        model_.nodes[static_cast<std::size_t>(root)].doc = decl.doc;
        model_.patterns.push_back(root);
        pattern_index_.emplace(decl.name.name, root);
      } else {
        const auto& decl = ast.elements[item.index];
        if (!claim(decl.name.name, file, decl.name.span, "element")) continue;
        int root = builder.add_element(decl, file, -1, -1);
        model_.top_level.push_back(root);
        top_level_index_.emplace(decl.name.name, root);
      }
    }

  }

  // `from 'x.hie' import a, b` (checked once every file has its symbols).
  for (const auto& [importer, import, target] : file_imports_) {
    if (!import->is_from || target < 0) continue;
    const syntax::File& imported = *model_.files[static_cast<std::size_t>(target)].ast;
    std::vector<std::string> names;
    for (const auto& p : imported.patterns) names.push_back(p.name.name);
    for (const auto& l : imported.languages) names.push_back(l.name.name);
    for (const auto& e : imported.elements) names.push_back(e.name.name);
    for (const auto& name : import->names) {
      if (std::find(names.begin(), names.end(), name.name) != names.end()) continue;
      error("E050", "'" + model_.file_path(target) + "' declares no pattern, language or element named '" +
                        name.name + "'",
            importer, name.span, did_you_mean_help(name.name, names));
    }
  }
}

void Analyzer::resolve_implements() {
  std::vector<std::string> pattern_names;
  for (int p : model_.patterns) pattern_names.push_back(model_.node(p).name);
  for (auto& node : model_.nodes) {
    std::set<std::string> seen;
    for (auto& impl : node.implements) {
      if (!seen.insert(impl.pattern).second) {
        error("E051", "'" + node.path + "' implements '" + impl.pattern + "' twice", node.file, impl.span);
        continue;
      }
      impl.pattern_node = find_pattern(impl.pattern);
      if (impl.pattern_node >= 0) continue;
      std::optional<std::string> help = did_you_mean_help(impl.pattern, pattern_names);
      std::string message = "unknown pattern '" + impl.pattern + "'";
      for (int top : model_.top_level) {
        if (model_.node(top).name == impl.pattern) {
          message += ": '" + impl.pattern + "' is an element, not a pattern";
          help = "declare it with `pattern " + impl.pattern + " { ... }` to make it implementable";
        }
      }
      if (!help && pattern_names.empty()) help = std::string("no pattern is declared in the loaded spec files");
      error("E052", message, node.file, impl.span, help);
    }
  }
}

}  // namespace hie::sema::detail
