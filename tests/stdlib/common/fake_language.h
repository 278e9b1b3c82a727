// A tiny language for testing the language framework: files `*.fk`, lines `import a.b` (external unless
// `a/b.fk` exists), `type a.b` (a type-only import), `def name` (a function), `class Name`. Module `a.b` is
// file `a/b.fk`.
#pragma once

#include <sstream>

#include "graph/text_arena.h"
#include "stdlib/common/language_index.h"
#include "stdlib/common/language_library.h"

namespace hie::stdlib::common::testing {

inline std::string module_path(std::string_view module) {
  std::string path(module);
  for (char& c : path) {
    if (c == '.') c = '/';
  }
  return path + ".fk";
}

class FakeResolver final : public Resolver {
 public:
  explicit FakeResolver(const LanguageIndex& index) : index_(index) {}
  std::vector<graph::DependencyEdge> resolve(const std::string&, const graph::FileFacts& facts) const override {
    std::vector<graph::DependencyEdge> edges;
    for (const auto& fact : facts.imports) {
      graph::DependencyEdge edge;
      edge.line = fact.line;
      edge.module = fact.module;
      edge.kind = fact.kind;
      edge.type_only = fact.type_only;
      if (index_.workspace().is_file(module_path(fact.module))) edge.to = texts_.keep(module_path(fact.module));
      edges.push_back(std::move(edge));
    }
    return edges;
  }
  std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const override {
    if (name.empty() || name.find("..") != std::string_view::npos) {
      *why = "empty module path segment";
      return std::nullopt;
    }
    if (index_.handles(module_path(name))) return std::vector<std::string>{module_path(name)};
    return std::vector<std::string>{};
  }

 private:
  const LanguageIndex& index_;
  mutable graph::TextArena texts_;  // the targets resolve()'s edges refer to
};

class FakeFrontend final : public LanguageFrontend {
 public:
  mutable std::atomic<int> extractions{0};

  std::string_view language() const override { return "fake"; }
  bool handles(std::string_view path) const override { return path.ends_with(".fk"); }
  std::uint32_t extractor_version() const override { return 1; }
  graph::FileFacts extract(std::string_view text) const override {
    ++extractions;
    graph::FileFacts facts;
    std::istringstream in{std::string(text)};
    std::string line;
    std::uint32_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::istringstream words(line);
      std::string word, arg;
      words >> word >> arg;
      if (word == "import" || word == "type") {
        graph::ImportFact fact;
        fact.module = arg;
        fact.line = number;
        fact.kind = "import";
        fact.type_only = word == "type";
        facts.imports.push_back(fact);
      } else if (word == "def" || word == "class") {
        facts.symbols.push_back({word == "def" ? "function" : "class", arg, "", number, false});
      } else if (word == "bad") {
        facts.warnings.push_back("bad line " + std::to_string(number));
      }
    }
    return facts;
  }
  std::unique_ptr<Resolver> prepare(const LanguageIndex& index) const override {
    return std::make_unique<FakeResolver>(index);
  }
  std::vector<std::string> symbol_kinds() const override { return {"function", "class"}; }
  std::string_view module_separator() const override { return "."; }
};

class FakeLibrary final : public LanguageLibrary {
 public:
  explicit FakeLibrary(std::shared_ptr<const LanguageIndex> index)
      : LanguageLibrary(std::move(index), {"E900", "E901", "E999"}) {}

 protected:
  std::vector<LanguageFunction> own_functions() const override {
    LanguageFunction legacy;
    legacy.doc = {"imports", library::FunctionKind::Check, "legacy imports", {{"module", "string", "", false}}, "", {}};
    legacy.check = [](std::span<const Value> args, const LanguageIndex&) -> Result<CheckOutcome> {
      return CheckOutcome::fail("legacy imports " + args[0].as_string());
    };
    return {legacy};
  }
  std::string description() const override { return "A fake language for tests."; }
};

}  // namespace hie::stdlib::common::testing
