// The syntax tree as JSON: the older tool's shape (serde's externally tagged enums, key order, nulls).
#include "report/ast_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hie::report {
namespace {

using namespace hie::syntax;
using ::testing::ElementsAre;

Span span_at(std::uint32_t line, std::uint32_t column, std::uint32_t length) {
  std::uint32_t offset = (line - 1) * 100 + column - 1;  // synthetic but distinct offsets
  return Span{{line, column, offset}, {line, column + length, offset + length}};
}

Identifier id(std::string name, std::uint32_t line = 1, std::uint32_t column = 1) {
  auto length = static_cast<std::uint32_t>(name.size());
  return Identifier{std::move(name), span_at(line, column, length)};
}

ExprPtr ident(std::string name) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::Identifier;
  expr->span = span_at(1, 1, static_cast<std::uint32_t>(name.size()));
  expr->name = std::move(name);
  return expr;
}

ExprPtr string_literal(std::string value) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::String;
  expr->string_value = std::move(value);
  expr->span = span_at(1, 1, 3);
  return expr;
}

ExprPtr member(ExprPtr object, std::string name) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::MemberAccess;
  expr->object = std::move(object);
  expr->member = id(std::move(name));
  expr->span = span_at(1, 1, 5);
  return expr;
}

ExprPtr call(ExprPtr callee, std::vector<ExprPtr> args) {
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::Call;
  expr->callee = std::move(callee);
  expr->args = std::move(args);
  expr->span = span_at(1, 1, 9);
  return expr;
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

TEST(AstJson, ExpressionsAreExternallyTagged) {
  std::vector<ExprPtr> args;
  args.push_back(ident("src"));
  args.push_back(string_literal("x"));
  ExprPtr expr = call(member(ident("files"), "exists"), std::move(args));
  EXPECT_EQ(expression_to_json(expr.get()).dump(),
            R"({"FunctionCall":{"function":{"MemberAccess":{"object":{"Identifier":{"name":"files","span":)"
            R"({"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":6,"offset":5}}}},)"
            R"("member":{"name":"exists","span":{"start":{"line":1,"column":1,"offset":0},)"
            R"("end":{"line":1,"column":7,"offset":6}}},"span":{"start":{"line":1,"column":1,"offset":0},)"
            R"("end":{"line":1,"column":6,"offset":5}}}},"arguments":[{"Identifier":{"name":"src","span":)"
            R"({"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":4,"offset":3}}}},)"
            R"({"String":{"value":"x","span":{"start":{"line":1,"column":1,"offset":0},)"
            R"("end":{"line":1,"column":4,"offset":3}}}}],"span":{"start":{"line":1,"column":1,"offset":0},)"
            R"("end":{"line":1,"column":10,"offset":9}}}})");
}

TEST(AstJson, LiteralsAndLists) {
  auto number = std::make_unique<Expr>();
  number->kind = ExprKind::Number;
  number->number_text = "-1.5";
  number->float_value = -1.5;
  Json n = expression_to_json(number.get());
  EXPECT_THAT(keys(n["Number"]), ElementsAre("value", "span", "text"));
  EXPECT_EQ(n["Number"]["value"], -1.5);
  EXPECT_EQ(n["Number"]["text"], "-1.5");

  auto integer = std::make_unique<Expr>();
  integer->kind = ExprKind::Number;
  integer->number_text = "10";
  integer->is_integer = true;
  integer->int_value = 10;
  integer->float_value = 10.0;
  EXPECT_EQ(expression_to_json(integer.get())["Number"]["value"].dump(), "10.0");  // f64, as serde printed it

  auto boolean = std::make_unique<Expr>();
  boolean->kind = ExprKind::Boolean;
  boolean->bool_value = true;
  EXPECT_EQ(expression_to_json(boolean.get())["Boolean"]["value"], true);

  auto list = std::make_unique<Expr>();
  list->kind = ExprKind::List;
  list->args.push_back(string_literal("a"));
  list->args.push_back(std::move(boolean));
  Json l = expression_to_json(list.get());
  EXPECT_THAT(keys(l["List"]), ElementsAre("elements", "span"));
  EXPECT_EQ(l["List"]["elements"][0]["String"]["value"], "a");
  EXPECT_TRUE(l["List"]["elements"][1].contains("Boolean"));

  EXPECT_TRUE(expression_to_json(nullptr).is_null());
}

File small_file() {
  File file;
  file.path = "shop.hie";
  file.span = span_at(1, 1, 50);

  ImportDecl files;
  files.path = {id("files")};
  files.span = span_at(1, 1, 12);
  file.imports.push_back(std::move(files));
  ImportDecl other;
  other.path_is_string = true;
  other.string_path = "other.hie";
  other.string_span = span_at(2, 8, 11);
  other.alias = id("o", 2, 23);
  other.span = span_at(2, 1, 24);
  file.imports.push_back(std::move(other));

  PatternDecl pattern;
  pattern.doc = "A service.";
  pattern.name = id("service", 4, 9);
  ScopeDecl unbounded;
  unbounded.name = id("src");
  unbounded.language = id("rust");
  pattern.body.scopes.push_back(std::move(unbounded));
  RequirementDecl implements;
  implements.action = RequirementAction::Requires;
  implements.descendant = true;
  implements.target = RequirementTarget::Implements;
  implements.element_name = id("_anonymous");
  implements.element_implements = id("observable");
  pattern.body.requirements.push_back(std::move(implements));
  RequirementDecl connection;
  connection.action = RequirementAction::Forbids;
  connection.target = RequirementTarget::Connection;
  connection.connection_path = {id("shop", 6, 27), id("db", 6, 32)};
  connection.connection_wildcard = true;
  connection.span = span_at(6, 5, 33);
  pattern.body.requirements.push_back(std::move(connection));
  RequirementDecl language;
  language.action = RequirementAction::Allows;
  language.target = RequirementTarget::Language;
  language.language = id("python");
  pattern.body.requirements.push_back(std::move(language));
  file.patterns.push_back(std::move(pattern));

  ElementDecl shop;
  shop.doc = "The shop.";
  shop.name = id("shop", 9, 9);
  shop.implements = {id("service")};
  ScopeDecl src;
  src.name = id("src");
  src.binds = std::vector<Identifier>{id("service"), id("src")};
  src.value = call(member(ident("files"), "folder_selector"), {});
  shop.body.scopes.push_back(std::move(src));
  RefDecl port;
  port.name = id("port");
  port.type = id("integer");
  shop.body.refs.push_back(std::move(port));
  UsesDecl uses;
  uses.source = id("src");
  uses.target = {id("shop"), id("db")};
  shop.body.uses.push_back(std::move(uses));
  CheckDecl check;
  check.expr = ident("x");
  shop.body.checks.push_back(std::move(check));
  BindingDecl binding;
  binding.path = {id("service"), id("api"), id("src")};
  binding.value = string_literal("api");
  shop.body.bindings.push_back(std::move(binding));
  ElementDecl child;
  child.name = id("db");
  child.type = id("Database");
  shop.body.elements.push_back(std::move(child));
  file.elements.push_back(std::move(shop));

  LanguageDecl python;
  python.name = id("python");
  ConnectionCheckDecl rule;
  rule.name = id("can_import");
  rule.params = {ConnectionCheckParam{id("source"), span_at(1, 1, 16)}};
  rule.body = ident("ok");
  python.connection_checks.push_back(std::move(rule));
  file.languages.push_back(std::move(python));
  return file;
}

TEST(AstJson, FileShapeAndKeyOrder) {
  Json json = file_to_json(small_file());
  EXPECT_THAT(keys(json), ElementsAre("imports", "languages", "templates", "elements", "span"));

  EXPECT_THAT(keys(json["imports"][0]), ElementsAre("path", "alias", "selective", "span"));
  EXPECT_EQ(json["imports"][0]["path"]["Identifier"][0]["name"], "files");
  EXPECT_TRUE(json["imports"][0]["alias"].is_null());
  EXPECT_EQ(json["imports"][1]["path"]["String"]["value"], "other.hie");
  EXPECT_EQ(json["imports"][1]["path"]["String"]["span"]["start"]["column"], 8);
  EXPECT_EQ(json["imports"][1]["alias"]["name"], "o");

  const Json& language = json["languages"][0];
  EXPECT_EQ(language["name"]["name"], "python");
  const Json& rule = language["connection_checks"][0];
  EXPECT_THAT(keys(rule), ::testing::IsSupersetOf({"name", "parameters", "body", "span"}));
  EXPECT_EQ(rule["parameters"][0]["name"]["name"], "source");
  EXPECT_EQ(rule["body"]["Identifier"]["name"], "ok");
}

TEST(AstJson, PatternShape) {
  Json json = file_to_json(small_file())["templates"][0];
  EXPECT_THAT(keys(json), ElementsAre("doc_comment", "name", "scopes", "refs", "checks", "component_requirements",
                                      "elements", "span", "uses"));
  EXPECT_EQ(json["doc_comment"], "A service.");
  EXPECT_THAT(keys(json["scopes"][0]), ElementsAre("name", "language", "binds", "expression", "span", "doc_comment"));
  EXPECT_EQ(json["scopes"][0]["language"]["name"], "rust");
  EXPECT_TRUE(json["scopes"][0]["expression"].is_null());
  EXPECT_TRUE(json["scopes"][0]["binds"].is_null());

  const Json& implements = json["component_requirements"][0];
  EXPECT_THAT(keys(implements), ElementsAre("action", "is_descendant", "component", "span", "doc_comment"));
  EXPECT_EQ(implements["action"], "Requires");
  EXPECT_EQ(implements["is_descendant"], true);
  EXPECT_THAT(keys(implements["component"]["Element"]), ElementsAre("name", "type_annotation", "implements", "body"));
  EXPECT_EQ(implements["component"]["Element"]["name"]["name"], "_anonymous");
  EXPECT_EQ(implements["component"]["Element"]["implements"]["name"], "observable");
  EXPECT_TRUE(implements["component"]["Element"]["body"].is_null());

  const Json& connection = json["component_requirements"][1];
  EXPECT_EQ(connection["action"], "Forbids");
  EXPECT_EQ(connection["is_descendant"], false);
  EXPECT_THAT(keys(connection["component"]["Connection"]), ElementsAre("path", "wildcard", "span"));
  EXPECT_EQ(connection["component"]["Connection"]["wildcard"], true);
  EXPECT_EQ(connection["component"]["Connection"]["span"]["start"]["column"], 27);
  EXPECT_EQ(connection["component"]["Connection"]["span"]["end"]["column"], 38);  // to the `*`

  EXPECT_EQ(json["component_requirements"][2]["action"], "Allows");
  EXPECT_EQ(json["component_requirements"][2]["component"]["Language"]["name"], "python");
}

TEST(AstJson, ElementShape) {
  Json json = file_to_json(small_file())["elements"][0];
  EXPECT_THAT(keys(json),
              ElementsAre("doc_comment", "name", "implements", "scopes", "refs", "uses", "checks", "template_bindings",
                          "component_requirements", "children", "span", "type_annotation"));
  EXPECT_EQ(json["name"]["name"], "shop");
  EXPECT_EQ(json["name"]["span"]["start"]["line"], 9);
  EXPECT_THAT(keys(json["implements"][0]), ElementsAre("template_name", "span"));
  EXPECT_EQ(json["implements"][0]["template_name"]["name"], "service");
  EXPECT_EQ(json["scopes"][0]["binds"][1]["name"], "src");
  EXPECT_EQ(json["scopes"][0]["expression"]["FunctionCall"]["function"]["MemberAccess"]["member"]["name"],
            "folder_selector");
  EXPECT_THAT(keys(json["refs"][0]),
              ElementsAre("name", "type_annotation", "binds", "expression", "span", "doc_comment"));
  EXPECT_EQ(json["refs"][0]["type_annotation"]["type_name"]["name"], "integer");
  EXPECT_THAT(keys(json["uses"][0]), ElementsAre("source", "target", "span"));
  EXPECT_EQ(json["uses"][0]["target"][1]["name"], "db");
  EXPECT_THAT(keys(json["checks"][0]), ElementsAre("expression", "span", "doc_comment"));
  EXPECT_THAT(keys(json["template_bindings"][0]), ElementsAre("path", "expression", "span"));
  EXPECT_EQ(json["template_bindings"][0]["expression"]["String"]["value"], "api");
  EXPECT_TRUE(json["component_requirements"].empty());
  EXPECT_TRUE(json["type_annotation"].is_null());
  const Json& child = json["children"][0];
  EXPECT_EQ(child["name"]["name"], "db");
  EXPECT_TRUE(child["doc_comment"].is_null());
  EXPECT_EQ(child["type_annotation"]["type_name"]["name"], "Database");
}

TEST(AstJson, RenderIsPrettyAndDeterministic) {
  std::string first = render_ast_json(small_file());
  EXPECT_EQ(first, render_ast_json(small_file()));
  EXPECT_EQ(first.substr(0, 16), "{\n  \"imports\": [");
  EXPECT_EQ(first.back(), '\n');
}

}  // namespace
}  // namespace hie::report
