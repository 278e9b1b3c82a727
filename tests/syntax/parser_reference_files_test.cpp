// Parser: the older tool's real example and pattern files (../shared/conformance/reference-files) parse without a
// syntax error (except the unclosed brace of language_example.hie, E026) into the element trees listed in the
// conformance README. Skipped when ../shared is absent (it is not part of the repository).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

namespace fs = std::filesystem;

fs::path reference_dir() {
#ifdef HIE_SOURCE_DIR
  const fs::path repository = HIE_SOURCE_DIR;
#else
  const fs::path repository = fs::path(__FILE__).parent_path().parent_path().parent_path();
#endif
  return repository.parent_path() / "shared" / "conformance" / "reference-files";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The trees of the conformance README, in testing::summarize's format (the README omits "languages:" for the
// pattern files and marks language_example's tree as the older tool's mis-parse; hie builds the same nesting,
// since nothing closes the brace, and reports E026).
const std::map<std::string, std::string>& expected_trees() {
  static const std::map<std::string, std::string> trees = {
      {"examples/advanced_templates.hie", R"(imports: files, rust
patterns: dockerized (checks 1, requirements 0, elements 1), observable (checks 0, requirements 0, elements 2), microservice (checks 2, requirements 0, elements 3), production_ready (checks 0, requirements 4, elements 0)
languages:
elements:
  orders_service implements microservice  [scopes 0, refs 0, checks 1, uses 0, bindings 6]
  payments_service implements microservice  [scopes 0, refs 0, checks 0, uses 0, bindings 6]
  ecommerce_platform implements production_ready  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    ecommerce_platform.frontend  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    ecommerce_platform.orders implements dockerized  [scopes 1, refs 0, checks 1, uses 0, bindings 1]
    ecommerce_platform.monitoring implements observable  [scopes 0, refs 0, checks 1, uses 0, bindings 3]
)"},
      {"examples/hierarchical.hie", R"(imports: files, rust
patterns: dockerized (checks 0, requirements 2, elements 0), observable (checks 0, requirements 1, elements 0), metrics_base (checks 0, requirements 1, elements 0), secure_zone (checks 0, requirements 2, elements 0), frontend_zone (checks 0, requirements 3, elements 0), backend_zone (checks 0, requirements 1, elements 0), service_mesh_zone (checks 0, requirements 3, elements 0), production_ready (checks 0, requirements 2, elements 0)
languages:
elements:
  my_app implements dockerized, observable  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    my_app.frontend  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    my_app.backend  [scopes 2, refs 0, checks 2, uses 0, bindings 0]
    my_app.metrics  [scopes 1, refs 1, checks 1, uses 0, bindings 0]
  ecommerce_platform  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    ecommerce_platform.frontend implements frontend_zone  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
      ecommerce_platform.frontend.web_app  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
      ecommerce_platform.frontend.mobile_api  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    ecommerce_platform.api_gateway  [scopes 1, refs 1, checks 0, uses 0, bindings 0]
    ecommerce_platform.backend implements backend_zone  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
      ecommerce_platform.backend.order_service  [scopes 1, refs 1, checks 0, uses 0, bindings 0]
      ecommerce_platform.backend.payment_service implements secure_zone  [scopes 1, refs 1, checks 0, uses 0, bindings 0]
      ecommerce_platform.backend.database  [scopes 1, refs 1, checks 0, uses 0, bindings 0]
  payment_processor implements secure_zone  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    payment_processor.card_validation  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    payment_processor.tokenization  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    payment_processor.audit  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
  service_mesh implements service_mesh_zone  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    service_mesh.user_service  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    service_mesh.order_service  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
    service_mesh.notification_service  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
)"},
      {"examples/hybrid_plugins.hie", R"(imports: sample, files
patterns:
languages:
elements:
  hybrid_example  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
    hybrid_example.documentation  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
  plugin_strategy  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
  security_model  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
  performance_notes  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
)"},
      {"examples/language_example.hie", R"(imports: files, rust
patterns: python_service (checks 0, requirements 2, elements 0), multilingual_app (checks 0, requirements 2, elements 0)
languages: python (2 connection checks), rust (1 connection checks)
elements:
  api_service implements python_service  [scopes 2, refs 0, checks 1, uses 0, bindings 0]
    api_service.full_stack_app implements multilingual_app  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
      api_service.full_stack_app.frontend  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
      api_service.full_stack_app.backend  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
        api_service.full_stack_app.backend.api  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
        api_service.full_stack_app.backend.db  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
)"},
      {"examples/microservices.hie", R"(imports: files
patterns:
languages:
elements:
  ecommerce_platform  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    ecommerce_platform.orders_service  [scopes 2, refs 0, checks 3, uses 0, bindings 0]
    ecommerce_platform.inventory_service  [scopes 2, refs 0, checks 2, uses 0, bindings 0]
    ecommerce_platform.payments_service  [scopes 2, refs 0, checks 2, uses 0, bindings 0]
    ecommerce_platform.shared  [scopes 2, refs 0, checks 1, uses 0, bindings 0]
)"},
      {"examples/minimal.hie", R"(imports: files
patterns:
languages:
elements:
  test  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
)"},
      {"examples/pattern_usage.hie", R"(imports: files, rust
patterns:
languages:
elements:
  my_web_application  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    my_web_application.presentation  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
    my_web_application.business  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
    my_web_application.data  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
  monitored_service  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    monitored_service.metrics  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    monitored_service.logging  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    monitored_service.tracing  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    monitored_service.health  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
  production_microservice  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    production_microservice.service  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
      production_microservice.service.api  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
      production_microservice.service.domain  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
      production_microservice.service.persistence  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    production_microservice.observability  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
      production_microservice.observability.metrics  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
      production_microservice.observability.logging  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
      production_microservice.observability.tracing  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    production_microservice.container  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    production_microservice.config  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
)"},
      {"examples/plugin_example.hie", R"(imports: sample, files
patterns:
languages:
elements:
  plugin_example  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
    plugin_example.builtin_example  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
)"},
      {"examples/python_example.hie", R"(imports: files, python
patterns:
languages:
elements:
  payment_service  [scopes 1, refs 0, checks 3, uses 0, bindings 0]
  api_endpoints  [scopes 1, refs 0, checks 4, uses 0, bindings 0]
  order_processor  [scopes 1, refs 0, checks 5, uses 0, bindings 0]
  application  [scopes 2, refs 0, checks 2, uses 0, bindings 0]
  data_layer  [scopes 1, refs 0, checks 3, uses 0, bindings 0]
  test_suite  [scopes 3, refs 0, checks 3, uses 0, bindings 0]
)"},
      {"examples/simple.hie", R"(imports: files
patterns:
languages:
elements:
  example_service  [scopes 2, refs 0, checks 4, uses 0, bindings 0]
    example_service.tests  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
)"},
      {"examples/template_compiler.hie", R"(imports: files, rust
patterns: compiler (checks 1, requirements 0, elements 2)
languages:
elements:
  python_compiler implements compiler  [scopes 0, refs 0, checks 0, uses 0, bindings 4]
    python_compiler.optimizer  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    python_compiler.code_generator  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
  js_compiler implements compiler  [scopes 0, refs 0, checks 0, uses 0, bindings 4]
    js_compiler.transpiler  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
)"},
      {"examples/template_microservice.hie", R"(imports: files, rust
patterns: microservice (checks 1, requirements 0, elements 3), observable (checks 1, requirements 0, elements 2), resilient (checks 0, requirements 0, elements 2)
languages:
elements:
  orders_service implements microservice, observable, resilient  [scopes 0, refs 0, checks 2, uses 0, bindings 14]
)"},
      {"examples/typed_connection_points.hie", R"(imports: files, rust
patterns: compiler_pipeline (checks 0, requirements 0, elements 4)
languages:
elements:
  api_service  [scopes 2, refs 7, checks 3, uses 0, bindings 0]
  database_service  [scopes 1, refs 4, checks 1, uses 0, bindings 0]
  python_compiler implements compiler_pipeline  [scopes 0, refs 0, checks 0, uses 0, bindings 8]
)"},
      {"examples/v2_syntax_example.hie", R"(imports: files, rust
patterns: observable (checks 0, requirements 1, elements 1), resilient (checks 0, requirements 0, elements 1)
languages:
elements:
  payments_service implements observable, resilient  [scopes 3, refs 2, checks 0, uses 0, bindings 0]
    payments_service.api  [scopes 1, refs 0, checks 2, uses 0, bindings 0]
  simple_service  [scopes 1, refs 1, checks 1, uses 0, bindings 0]
)"},
      {"examples/v3_syntax_example.hie", R"(imports: files, rust
patterns: observable (checks 0, requirements 1, elements 1)
languages:
elements:
  core  [scopes 0, refs 0, checks 0, uses 0, bindings 0]
    core.lexer  [scopes 1, refs 2, checks 2, uses 0, bindings 0]
    core.parser  [scopes 2, refs 1, checks 2, uses 1, bindings 0]
    core.interpreter  [scopes 1, refs 1, checks 1, uses 1, bindings 0]
  payments_service implements observable  [scopes 2, refs 1, checks 0, uses 0, bindings 0]
    payments_service.api  [scopes 1, refs 0, checks 1, uses 1, bindings 0]
)"},
      {"patterns/behavioral/event_driven.hie", R"(imports: files, rust
patterns: event_driven (checks 2, requirements 0, elements 5)
languages:
elements:
)"},
      {"patterns/compiler/compiler_pipeline.hie", R"(imports: files, rust
patterns: compiler (checks 3, requirements 0, elements 6)
languages:
elements:
)"},
      {"patterns/cross-cutting/observability.hie", R"(imports: files, rust
patterns: observability (checks 0, requirements 3, elements 4)
languages:
elements:
)"},
      {"patterns/structural/hexagonal.hie", R"(imports: files, rust
patterns: hexagonal (checks 5, requirements 0, elements 3)
languages:
elements:
  payment_service implements hexagonal  [scopes 5, refs 1, checks 0, uses 0, bindings 0]
)"},
      {"patterns/structural/layered_architecture.hie", R"(imports: files, rust
patterns: layered_architecture (checks 3, requirements 1, elements 3)
languages:
elements:
  my_web_app implements layered_architecture  [scopes 3, refs 3, checks 0, uses 0, bindings 0]
)"},
      {"patterns/structural/microservice.hie", R"(imports: files, rust
patterns: microservice (checks 0, requirements 4, elements 4), microservices_system (checks 0, requirements 1, elements 3)
languages:
elements:
  ecommerce_platform implements microservices_system  [scopes 2, refs 0, checks 0, uses 0, bindings 0]
    ecommerce_platform.orders_service implements microservice  [scopes 4, refs 0, checks 0, uses 0, bindings 0]
      ecommerce_platform.orders_service.health_check  [scopes 1, refs 0, checks 1, uses 0, bindings 0]
    ecommerce_platform.payments_service implements microservice  [scopes 4, refs 0, checks 0, uses 0, bindings 0]
      ecommerce_platform.payments_service.health_check  [scopes 1, refs 0, checks 0, uses 0, bindings 0]
)"},
  };
  return trees;
}

TEST(ParserReferenceFiles, EveryFileParsesIntoTheDocumentedTree) {
  const fs::path root = reference_dir();
  if (!fs::is_directory(root)) GTEST_SKIP() << "reference files not found at " << root;
  std::size_t seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".hie") continue;
    const std::string relative = fs::relative(entry.path(), root).generic_string();
    SCOPED_TRACE(relative);
    ++seen;
    const auto parsed = testing::parse_text(read_file(entry.path()), relative);
    if (relative == "examples/language_example.hie") {
      EXPECT_EQ(testing::codes(parsed), "E026@34:47");
      EXPECT_EQ(parsed.diagnostics.items().at(0).message, "unclosed '{' of element 'api_service'");
    } else {
      EXPECT_EQ(testing::codes(parsed), "");
    }
    const auto expected = expected_trees().find(relative);
    ASSERT_NE(expected, expected_trees().end()) << "no expected tree for " << relative;
    EXPECT_EQ(testing::summarize(parsed.file), expected->second);
  }
  EXPECT_EQ(seen, expected_trees().size());
}

// Details the README's counts do not show: doc comments, requirement shapes and bindings of two files.
TEST(ParserReferenceFiles, SelectedDetails) {
  const fs::path root = reference_dir();
  if (!fs::is_directory(root)) GTEST_SKIP() << "reference files not found at " << root;

  const auto hierarchical = testing::parse_text(read_file(root / "examples/hierarchical.hie"));
  const PatternDecl& dockerized = hierarchical.file.patterns.at(0);
  // The banner lines before it are a separate run of `##` lines (a blank line between): not its documentation.
  EXPECT_EQ(dockerized.doc,
            "Dockerized Template\nRequires that at least one descendant element has a docker "
            "configuration.");
  EXPECT_EQ(dockerized.body.requirements.at(0).target, RequirementTarget::Scope);
  EXPECT_TRUE(dockerized.body.requirements.at(0).descendant);
  EXPECT_EQ(dockerized.body.requirements.at(0).doc, "At least one descendant must have a docker scope");
  const PatternDecl& production = hierarchical.file.patterns.at(7);
  EXPECT_EQ(production.body.requirements.at(0).target, RequirementTarget::Implements);
  EXPECT_EQ(production.body.requirements.at(0).element_name.name, "_anonymous");

  const auto hybrid = testing::parse_text(read_file(root / "examples/hybrid_plugins.hie"));
  EXPECT_EQ(hybrid.file.elements.at(2).doc, "Security Comparison");
  EXPECT_EQ(hybrid.file.elements.at(3).doc, "Performance Characteristics");

  const auto compiler = testing::parse_text(read_file(root / "examples/template_compiler.hie"));
  const ElementDecl& python_compiler = compiler.file.elements.at(0);
  EXPECT_EQ(testing::join_names(python_compiler.body.bindings.at(0).path, "."), "compiler.lexer.scope");
  EXPECT_EQ(python_compiler.body.bindings.at(1).value_text, "rust.function_selector(compiler.lexer.scope, 'tokenize')");
}

}  // namespace
}  // namespace hie::syntax
