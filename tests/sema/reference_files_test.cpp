// The older tool's real spec files (../shared/conformance/reference-files): which semantic diagnostics each one
// yields, and why (conformance README point 3). Skipped when ../shared is absent (it is not in the repository).
//
// Libraries: the real built-in `files` library describes itself; `rust`, `python` and `docker` are described here
// with the older tool's functions and the ones STDLIB.md adds (their native implementations come later), each
// `<kind>_exists`/`*_selector` also with the optional leading scope STDLIB.md allows.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "library/registry.h"
#include "stdlib/files/register.h"
#include "tests/sema/sema_test_support.h"
#include "workspace/workspace.h"

namespace hie::sema::testing {
namespace {

namespace fs = std::filesystem;

fs::path reference_dir() {
  const fs::path repository = HIE_SOURCE_DIR;
  return repository.parent_path() / "shared" / "conformance" / "reference-files";
}

library::LibraryDoc language_doc(const std::string& name, std::vector<std::string> selectors,
                                 std::vector<std::string> name_checks, std::vector<library::FunctionDoc> checks) {
  library::LibraryDoc doc;
  doc.name = name;
  for (const auto& s : selectors) {
    doc.functions.push_back(selector(s, {param("name", "string")}));
    doc.functions.push_back(selector(s, {param("scope", "scope"), param("name", "string")}));
  }
  for (const auto& c : name_checks) {
    doc.functions.push_back(check_fn(c, {param("name", "string")}));
    doc.functions.push_back(check_fn(c, {param("scope", "scope"), param("name", "string")}));
  }
  doc.functions.push_back(selector("files", {param("scope", "scope")}));
  doc.functions.push_back(selector("symbol_selector", {param("kind", "string"), param("name", "string")}));
  auto two_scopes = [](const std::string& n) { return check_fn(n, {param("a", "scope"), param("b", "scope")}); };
  for (const auto& n : {"depends_on", "no_dependency"}) doc.functions.push_back(two_scopes(n));
  doc.functions.push_back(check_fn("imports", {param("scope", "scope"), param("module", "string")}));
  doc.functions.push_back(check_fn("no_import", {param("scope", "scope"), param("module", "string")}));
  doc.functions.push_back(check_fn("no_cycles", {param("scope", "scope")}));
  doc.functions.push_back(check_fn("layers", {param("layers", "list")}));
  doc.functions.push_back(check_fn("only_depends_on", {param("a", "scope"), param("allowed", "list")}));
  for (auto& c : checks) doc.functions.push_back(std::move(c));
  return doc;
}

class ReferenceCatalog final : public LibraryCatalog {
 public:
  ReferenceCatalog() : context_{workspace_, &registry_}, real_(registry_, context_) {
    stdlib::register_builtin_files(registry_);
    rust_ = language_doc(
        "rust", {"struct_selector", "enum_selector", "function_selector", "trait_selector", "impl_selector"},
        {"struct_exists", "enum_exists", "function_exists", "trait_exists", "impl_exists", "module_exists",
         "const_exists"},
        {check_fn("implements", {param("type", "string"), param("trait", "string")}),
         check_fn("uses", {param("scope", "scope"), param("module", "string")}),
         check_fn("has_derive", {param("scope", "scope"), param("derive", "string")}),
         check_fn("has_docs", {param("scope", "scope")}), check_fn("has_tests", {param("scope", "scope")}),
         check_fn("pipeline_connects", {param("output", "scope"), param("input", "scope")}),
         check_fn("type_compatible", {param("a", "scope"), param("b", "scope")})});
    rust_.functions.push_back(selector("crate_selector", {param("name", "string")}));
    rust_.functions.push_back(selector("module_selector", {param("path", "string")}));
    python_ = language_doc(
        "python", {"function_selector", "class_selector"}, {"function_exists", "class_exists"},
        {check_fn("returns_type", {param("scope", "scope"), param("type", "string")}),
         check_fn("function_returns_type", {param("scope", "scope"), param("function", "string"), param("type", "string")}),
         check_fn("calls", {param("scope", "scope"), param("target", "string")}),
         check_fn("calls_function", {param("scope", "scope"), param("module", "string"), param("function", "string")}),
         check_fn("calls_scope", {param("source", "scope"), param("target", "scope")})});
    python_.functions.push_back(selector("module_selector", {param("path", "string")}));
    docker_.name = "docker";
    docker_.functions = {selector("file_selector", {param("path", "string")}),
                         check_fn("base_image", {param("dockerfile", "scope"), param("image", "string")}),
                         check_fn("exposes_port", {param("dockerfile", "scope"), param("port", "integer")}),
                         check_fn("entry_point", {param("dockerfile", "scope"), param("command", "string")}),
                         check_fn("has_healthcheck", {param("dockerfile", "scope")}),
                         check_fn("runs_as_non_root", {param("dockerfile", "scope")}),
                         check_fn("no_latest_tag", {param("dockerfile", "scope")})};
  }
  bool exists(std::string_view name) override {
    return name == "rust" || name == "python" || name == "docker" || real_.exists(name);
  }
  const library::LibraryDoc* describe(std::string_view name, std::string& why_not) override {
    if (name == "rust") return &rust_;
    if (name == "python") return &python_;
    if (name == "docker") return &docker_;
    return real_.describe(name, why_not);
  }
  std::vector<std::string> names() override { return {"docker", "files", "python", "rust"}; }

 private:
  library::LibraryRegistry registry_;
  workspace::Workspace workspace_;
  library::CallContext context_;
  RegistryCatalog real_;
  library::LibraryDoc rust_;
  library::LibraryDoc python_;
  library::LibraryDoc docker_;
};

// "CODE line:column" for every semantic diagnostic (syntax codes E001-E049 left out: the parser's tests own them).
std::vector<std::string> semantic(const syntax::DiagnosticList& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) {
    if (d.code[0] == 'E' && d.code < "E050") continue;
    out.push_back(d.code + " " + std::to_string(d.span.start.line) + ":" + std::to_string(d.span.start.column));
  }
  return out;
}

struct Expected {
  const char* file;
  std::vector<std::string> diagnostics;
};

// Why each diagnostic is there, file by file.
const std::vector<Expected>& expected() {
  static const std::vector<Expected> table = {
      // rust.const_selector exists in no library (E055, once per use); the connection targets external.untrusted.*
      // and logging.* name no element reachable from ecommerce_platform (W055).
      {"examples/advanced_templates.hie", {"E055 43:38", "W055 60:27", "W055 61:28", "E055 76:38", "E055 91:38"}},
      // docker is used without `import docker` (W002, once per file). Every `forbids/requires/allows connection to
      // X.*` of the zone patterns names an element that does not exist in this file (W055), except
      // `api_gateway.public_api`, a ref of a sibling element, which resolves.
      {"examples/hierarchical.hie",
       {"W002 20:31", "W055 36:27", "W055 37:27", "W055 43:27", "W055 44:27", "W055 49:27", "W055 56:28", "W055 59:26",
        "W055 62:27"}},
      // `import sample`: a plugin that is only configured in the older tool's sample config (W001).
      {"examples/hybrid_plugins.hie", {"W001 13:8"}},
      // The python connection_checks call python without importing it (W002) and functions no library has
      // (python.imports_allowed, python.no_circular_imports, rust.dependency_exists: E055). (Plus the syntax
      // error E026 of the unclosed brace, which the parser's tests cover.)
      {"examples/language_example.hie", {"W002 11:9", "E055 11:16", "E055 14:16", "E055 19:14"}},
      {"examples/microservices.hie", {}},
      {"examples/minimal.hie", {}},
      // files.exists('.', 'Dockerfile'): a string where a scope is required (E057).
      {"examples/pattern_usage.hie", {"E057 128:28"}},
      {"examples/plugin_example.hie", {"W001 9:8"}},
      {"examples/python_example.hie", {}},
      {"examples/simple.hie", {}},
      // `check compiler.lexer.tokens.compatible_with(...)` is not a library call (E205) and names a member `input`
      // that the pattern does not have (E050). The V1 bindings bind `compiler.lexer.scope` and
      // `compiler.parser.scope`, members the pattern does not have (its elements have `module`): E054 at each
      // binding, and nothing more where those names are read again (one mistake, one diagnostic).
      {"examples/template_compiler.hie",
       {"E205 24:11", "E050 24:65", "E054 30:5", "E054 34:5", "E054 50:5", "E054 54:5"}},
      // rust.const_selector (E055); two pattern checks whose callee is a pattern member, not `library.function`
      // (E205); V1 bindings of `.scope` members the patterns do not have (E054, not repeated where they are read).
      {"examples/template_microservice.hie",
       {"E055 20:35", "E205 22:11", "E205 35:11", "E054 51:5", "E054 54:5", "E054 57:5", "E055 58:41", "E054 60:5",
        "E054 63:5", "E054 66:5", "E054 69:5"}},
      // rust.const_selector (E055) in refs the older tool never evaluated; V1 bindings of `.scope` (E054, once each).
      {"examples/typed_connection_points.hie",
       {"E055 15:30", "E055 16:29", "E055 17:36", "E055 18:31", "E055 35:35", "E055 36:40", "E055 37:42",
        "E054 62:5", "E054 65:5", "E054 68:5", "E054 71:5"}},
      // rust.public_functions exists in no library (E055).
      {"examples/v2_syntax_example.hie", {"E055 68:33"}},
      {"examples/v3_syntax_example.hie", {}},
      // rust.derives (E055).
      {"patterns/behavioral/event_driven.hie", {"E055 22:20", "E055 23:20"}},
      {"patterns/compiler/compiler_pipeline.hie", {}},
      // rust.uses_crate (E055).
      {"patterns/cross-cutting/observability.hie", {"E055 33:20"}},
      // rust.implements_trait (E055); payment_service binds only the module scopes and one ref: the other nine
      // refs of the pattern are unbound and unused (W053).
      {"patterns/structural/hexagonal.hie", {"E055 67:16", "W053 71:36"}},
      // rust.public_functions (E055).
      {"patterns/structural/layered_architecture.hie", {"E055 51:93", "E055 54:92"}},
      // external_database.* names no element (W055); unbound, unused refs of both patterns (W053).
      {"patterns/structural/microservice.hie", {"W055 51:27", "W053 82:39", "W053 87:39", "W053 100:41"}},
  };
  return table;
}

TEST(SemaReferenceFiles, EachFileYieldsTheExpectedSemanticDiagnostics) {
  fs::path root = reference_dir();
  if (!fs::is_directory(root)) GTEST_SKIP() << "reference files not found at " << root;
  for (const auto& entry : expected()) {
    ReferenceCatalog catalog;
    syntax::DiagnosticList diagnostics;
    std::string path = (root / entry.file).string();
    Model model = analyze({path}, filesystem_reader(), catalog, diagnostics);
    std::vector<std::string> actual = semantic(diagnostics);
    std::string listing_text;
    for (const auto& d : diagnostics.items()) {
      listing_text += "  " + d.code + " " + std::to_string(d.span.start.line) + ":" +
                      std::to_string(d.span.start.column) + " " + d.message + "\n";
    }
    EXPECT_EQ(actual, entry.diagnostics) << entry.file << ":\n" << listing_text;
  }
}

}  // namespace
}  // namespace hie::sema::testing
