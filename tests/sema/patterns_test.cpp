// Patterns at validate time: instances, binds, V1 bindings, defaults, composition and their diagnostics.
#include <gtest/gtest.h>

#include "tests/sema/sema_test_support.h"

namespace hie::sema::testing {
namespace {

const char* kLayered = R"(import files
pattern layered {
    element api {
        scope module<rust>
        ref handler: HttpHandler
    }
    element db {
        scope module = files.folder_selector('db')
    }
    check files.not_empty(api.module)
    check files.not_empty(layered.db.module)
}
)";

TEST(SemaPatterns, BindsDeclaresInTheElementAndBindsTheMember) {
  auto a = analyze_one(std::string(kLayered) + R"(element svc implements layered {
    scope api_mod<rust> binds layered.api.module = files.folder_selector('svc/api')
    check files.not_empty(api_mod)
    check files.not_empty(layered.api.module)
}
)");
  ASSERT_EQ(codes(a.diagnostics), std::vector<std::string>{"W053"}) << dump(a.diagnostics);  // handler unused
  ASSERT_EQ(a.model.instances.size(), 1u);
  const Instance& inst = a.model.instances[0];
  int api_module = a.model.find_member(a.model.find_pattern("layered") + 1, "module");
  ASSERT_GE(api_module, 0);
  const Slot& bound = a.model.slot(inst.slot_of_member.at(api_module));
  EXPECT_EQ(bound.source, Slot::Source::Alias);
  EXPECT_EQ(a.model.slot(bound.alias).display, "svc.api_mod");
  // E's own check through the pattern name resolves to the instance slot, which aliases E's scope.
  EXPECT_EQ(slot_display(a.model, check_arg(a.model, "svc", 1)), "svc.layered.api.module");
  // Pattern checks, resolved in the instance: `api.module` and `layered.db.module` (a default).
  ASSERT_EQ(inst.checks.size(), 2u);
  EXPECT_EQ(a.model.slot(inst.checks[0].expr.args[0].slot).display, "svc.layered.api.module");
  const Slot& db = a.model.slot(inst.checks[1].expr.args[0].slot);
  EXPECT_EQ(db.source, Slot::Source::Value);
  EXPECT_TRUE(db.from_default);
}

TEST(SemaPatterns, V1BindingBindsWithoutDeclaring) {
  auto a = analyze_one(std::string(kLayered) + R"(element svc implements layered {
    layered.api.module = files.folder_selector('svc/api')
    layered.api.handler = files.folder_selector('svc/api/h')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  int svc = a.model.find_element("svc");
  EXPECT_TRUE(a.model.node(svc).members.empty());
  const Instance& inst = a.model.instances[0];
  const Slot& bound = a.model.slot(inst.checks[0].expr.args[0].slot);
  EXPECT_EQ(bound.source, Slot::Source::Value);
  EXPECT_TRUE(bound.from_v1_binding);
  EXPECT_EQ(bound.expr.kind, RExpr::Kind::Call);
  // V1-bound scopes count in the element's footprint; defaults do not.
  EXPECT_EQ(a.model.element_footprint_slots(svc).size(), 1u);
}

TEST(SemaPatterns, MissingNeededBindingIsE053AtTheImplementsName) {
  auto a = analyze_one(std::string(kLayered) + "element svc implements layered {\n}\n");
  const auto* d = find_code(a.diagnostics, "E053");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "'svc' implements 'layered' but does not bind 'layered.api.module' (needed by the pattern "
                        "check at main.hie:10)");
  EXPECT_EQ(d->span.start.line, 13u);
  EXPECT_EQ(d->span.start.column, 24u);
  EXPECT_EQ(count_code(a.diagnostics, "E053"), 1u);
  const auto* w = find_code(a.diagnostics, "W053");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->message, "'svc' does not bind a member of pattern 'layered' that nothing uses: layered.api.handler");
}

TEST(SemaPatterns, BindsToMissingMemberIsE054) {
  auto a = analyze_one(std::string(kLayered) + R"(element svc implements layered {
    scope m binds layered.api.modul = files.folder_selector('x')
    layered.web.module = files.folder_selector('y')
    scope n binds other.api.module = files.folder_selector('z')
}
)");
  std::vector<std::string> e054;
  for (const auto& d : a.diagnostics.items()) {
    if (d.code == "E054") e054.push_back(std::to_string(d.span.start.line) + ":" + std::to_string(d.span.start.column) + " " + d.message);
  }
  ASSERT_EQ(e054.size(), 3u) << dump(a.diagnostics);
  EXPECT_EQ(e054[0], "14:19 pattern 'layered' has no scope or ref 'layered.api.modul'");
  EXPECT_EQ(e054[1], "15:5 pattern 'layered' has no element 'layered.web'");
  EXPECT_EQ(e054[2], "16:19 'svc' does not implement a pattern named 'other'");
  EXPECT_EQ(find_code(a.diagnostics, "E054")->help.value_or(""), "did you mean 'module'?");
}

TEST(SemaPatterns, BindingTwiceIsE051) {
  auto a = analyze_one(std::string(kLayered) + R"(element svc implements layered {
    scope m binds layered.api.module = files.folder_selector('x')
    layered.api.module = files.folder_selector('y')
}
)");
  const auto* d = find_code(a.diagnostics, "E051");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "'layered.api.module' is bound twice (first at main.hie:14)");
  EXPECT_EQ(d->span.start.line, 15u);
}

TEST(SemaPatterns, LanguageKindAndTypeMismatchesInBindsAreE057) {
  auto a = analyze_one(std::string(kLayered) + R"(element svc implements layered {
    scope m<python> binds layered.api.module = files.folder_selector('x')
    scope h binds layered.api.handler = files.folder_selector('y')
}
element svc2 implements layered {
    scope m<rust> binds layered.api.module = files.folder_selector('x')
    ref h: Other binds layered.api.handler = files.folder_selector('y')
}
)");
  std::vector<std::string> e057;
  for (const auto& d : a.diagnostics.items()) {
    if (d.code == "E057") e057.push_back(std::to_string(d.span.start.line) + " " + d.message);
  }
  ASSERT_EQ(e057.size(), 3u) << dump(a.diagnostics);
  EXPECT_EQ(e057[0], "14 scope 'm<python>' binds 'layered.api.module', which is declared <rust>");
  EXPECT_EQ(e057[1], "15 scope 'h' cannot bind ref 'layered.api.handler'");
  EXPECT_EQ(e057[2], "19 ref 'h: Other' binds 'layered.api.handler', which is declared `: HttpHandler`");
}

TEST(SemaPatterns, UnknownPatternIsE052WithSuggestion) {
  auto a = analyze_one(std::string(kLayered) + "element svc implements layerd {\n}\n");
  const auto* d = find_code(a.diagnostics, "E052");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "unknown pattern 'layerd'");
  EXPECT_EQ(d->help.value_or(""), "did you mean 'layered'?");
  EXPECT_EQ(d->span.start.column, 24u);
  EXPECT_TRUE(a.model.instances.empty());
}

TEST(SemaPatterns, PatternNameOutsideImplementingElementIsE050) {
  auto a = analyze_one(std::string(kLayered) + R"(element other {
    check files.not_empty(layered.db.module)
}
)");
  const auto* d = find_code(a.diagnostics, "E050");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "pattern 'layered' is not implemented by 'other' or its ancestors");
}

TEST(SemaPatterns, PatternChecksResolveInstanceFirstThenTheElementChain) {
  auto a = analyze_one(R"(import files
pattern p {
    element a {
        scope m
    }
    check files.exists(a.m, 'x')
    check files.exists(src, 'x')
}
element root {
    scope src = files.folder_selector('root')
    element svc implements p {
        scope mm binds p.a.m = files.folder_selector('svc')
    }
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const Instance& inst = a.model.instances[0];
  EXPECT_EQ(a.model.slot(inst.checks[1].expr.args[0].slot).display, "root.src");  // E's ancestor
}

TEST(SemaPatterns, NestedPatternElementsAndMembersOfPatternRoot) {
  auto a = analyze_one(R"(import files
pattern hex {
    ref port: integer = 8080
    element ports {
        element inbound {
            scope module
        }
    }
    check files.exists(ports.inbound.module, 'x')
}
element svc implements hex {
    scope in_mod binds hex.ports.inbound.module = files.folder_selector('in')
    hex.port = 9090
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const Instance& inst = a.model.instances[0];
  EXPECT_EQ(a.model.slot(inst.checks[0].expr.args[0].slot).display, "svc.hex.ports.inbound.module");
  int port = a.model.find_member(a.model.find_pattern("hex"), "port");
  const Slot& port_slot = a.model.slot(inst.slot_of_member.at(port));
  EXPECT_TRUE(port_slot.from_v1_binding);
  EXPECT_EQ(port_slot.expr.literal.as_int(), 9090);
}

TEST(SemaPatterns, ImplementsInsidePatternElementComposes) {
  auto a = analyze_one(R"(import files
pattern logged {
    element log {
        scope module
    }
    check files.not_empty(log.module)
}
pattern service {
    element api implements logged {
        scope module
        scope log_mod binds logged.log.module = files.folder_selector('log')
    }
    check files.not_empty(api.module)
}
element orders implements service {
    scope api_mod binds service.api.module = files.folder_selector('orders/api')
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  ASSERT_EQ(a.model.instances.size(), 2u);
  const Instance& composed = a.model.instances[1];
  EXPECT_EQ(composed.parent, 0);
  EXPECT_EQ(composed.label, "service.api: logged");
  EXPECT_EQ(composed.element, a.model.find_element("orders"));
  ASSERT_EQ(composed.checks.size(), 1u);
  const Slot& log = a.model.slot(composed.checks[0].expr.args[0].slot);
  EXPECT_EQ(log.source, Slot::Source::Alias);  // bound by the pattern element's own `binds`
  EXPECT_EQ(a.model.node(a.model.find_element("orders")).instances.size(), 2u);
}

TEST(SemaPatterns, CompositionCycleIsE059) {
  auto a = analyze_one(R"(pattern a {
    element x implements b
}
pattern b {
    element y implements a
}
element e implements a
)");
  EXPECT_NE(find_code(a.diagnostics, "E059"), nullptr) << dump(a.diagnostics);
}

TEST(SemaPatterns, V1BindingValuesMayUsePatternMembers) {
  // The older tool's V1 form: bindings that refer to other bound members of the same instance.
  auto a = analyze_one(R"(import rust
pattern compiler:
    element lexer:
        scope module = rust.module_selector('lexer')
        ref tokens: TokenStream = rust.function_selector(module, 'tokenize')

element py implements compiler:
    compiler.lexer.module = rust.module_selector('py::lexer')
    compiler.lexer.tokens = rust.function_selector(compiler.lexer.module, 'tokenize')
    check rust.has_tests(compiler.lexer.module)
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const Instance& inst = a.model.instances[0];
  int lexer = a.model.node(inst.pattern).children[0];
  const Slot& tokens = a.model.slot(inst.slot_of_member.at(a.model.find_member(lexer, "tokens")));
  EXPECT_EQ(a.model.slot(tokens.expr.args[0].slot).display, "py.compiler.lexer.module");
}

TEST(SemaPatterns, DefaultsResolveInTheInstance) {
  auto a = analyze_one(R"(import rust
pattern compiler {
    element lexer {
        scope module = rust.module_selector('lexer')
        ref tokens: TokenStream = rust.function_selector(module, 'tokenize')
    }
}
element py implements compiler {
    compiler.lexer.module = rust.module_selector('py::lexer')
    check rust.has_tests(compiler.lexer.module)
}
)");
  ASSERT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  const Instance& inst = a.model.instances[0];
  int lexer = a.model.node(inst.pattern).children[0];
  const Slot& tokens = a.model.slot(inst.slot_of_member.at(a.model.find_member(lexer, "tokens")));
  EXPECT_TRUE(tokens.from_default);
  // The default's `module` is this instance's (bound) member, not the pattern's own default.
  const Slot& module = a.model.slot(tokens.expr.args[0].slot);
  EXPECT_TRUE(module.from_v1_binding);
}

TEST(SemaPatterns, PatternCheckNotALibraryCallIsE205) {
  auto a = analyze_one(R"(pattern microservice {
    element container {
        scope dockerfile
    }
    check microservice.container.exposes_port(8080)
}
)");
  const auto* d = find_code(a.diagnostics, "E205");
  ASSERT_NE(d, nullptr) << dump(a.diagnostics);
  EXPECT_EQ(d->message, "'microservice.container.exposes_port(...)' is not a library function call: 'microservice' "
                        "is a pattern, not a library");
  EXPECT_EQ(d->span.start.line, 5u);
  EXPECT_EQ(d->span.start.column, 11u);
}

}  // namespace
}  // namespace hie::sema::testing
