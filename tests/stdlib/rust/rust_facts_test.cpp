// Tests of the Rust fact extractor: mod/use/extern crate/code paths as imports, items as symbols.
#include "stdlib/rust/rust_facts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hie::stdlib::rust {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "line kind module [name]" per import.
std::vector<std::string> imports(std::string_view source) {
  std::vector<std::string> out;
  for (const auto& i : extract_rust_facts(source).imports) {
    std::string text = std::to_string(i.line) + " " + i.kind + " " + i.module;
    if (!i.name.empty()) text += " [" + i.name + "]";
    out.push_back(text);
  }
  return out;
}

// "line kind name [detail]" per symbol, "+doc" when documented.
std::vector<std::string> symbols(std::string_view source) {
  std::vector<std::string> out;
  for (const auto& s : extract_rust_facts(source).symbols) {
    if (s.kind == "type_use") continue;  // tested on its own
    std::string text = std::to_string(s.line) + " " + s.kind + " " + s.name;
    if (!s.detail.empty()) text += " [" + s.detail + "]";
    if (s.documented) text += " +doc";
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> symbols_of_kind(std::string_view source, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& s : extract_rust_facts(source).symbols) {
    if (s.kind == kind) out.push_back(s.name + (s.detail.empty() ? "" : " [" + s.detail + "]"));
  }
  return out;
}

TEST(RustFacts, ModDeclarations) {
  EXPECT_THAT(imports("mod a;\npub mod b;\nmod c { mod d; }\n#[path = \"other.rs\"]\nmod e;"),
              ElementsAre("1 mod a", "2 mod b", "3 mod c::d", "5 mod e [other.rs]"));
  EXPECT_THAT(symbols("mod a;\nmod c { }"), ElementsAre("1 module a [file]", "2 module c [inline]"));
}

TEST(RustFacts, UseTrees) {
  EXPECT_THAT(imports("use crate::a::{b, c::d as e, self};\npub use crate::x::*;\nuse std::collections::HashMap;"),
              ElementsAre("1 use crate::a::b [b]", "1 use crate::a::c::d [e]", "1 use crate::a [a]",
                          "2 pub_use crate::x [*]", "3 use std::collections::HashMap [HashMap]"));
  EXPECT_THAT(imports("use ::serde::Serialize;\nuse a::{b::{c, d}, e};"),
              ElementsAre("1 use serde::Serialize [Serialize]", "2 use a::b::c [c]", "2 use a::b::d [d]",
                          "2 use a::e [e]"));
}

TEST(RustFacts, MultilineUseTreeLeavesKeepTheirLines) {
  EXPECT_THAT(imports("use crate::{\n    a::A,\n    b::B,\n};"),
              ElementsAre("2 use crate::a::A [A]", "3 use crate::b::B [B]"));
}

TEST(RustFacts, PathsInsideInlineModulesAreRelativeToTheFile) {
  EXPECT_THAT(imports("mod tests {\n  use super::*;\n  use self::inner::X;\n  mod inner {}\n}\nuse super::up;"),
              ElementsAre("2 use self [*]", "3 use self::tests::inner::X [X]", "6 use super::up [up]"));
}

TEST(RustFacts, ChildModulePathsBecomeSelfPaths) {
  EXPECT_THAT(imports("mod models;\nuse models::User;"), ElementsAre("1 mod models", "2 use self::models::User [User]"));
}

TEST(RustFacts, ExternCrate) {
  EXPECT_THAT(imports("extern crate serde;\nextern crate serde_json as json;"),
              ElementsAre("1 extern_crate serde [serde]", "2 extern_crate serde_json [json]"));
}

TEST(RustFacts, CodePathsThatNameModules) {
  EXPECT_THAT(imports("fn f() { crate::db::connect(); let v = Vec::new(); let m = u8::MAX; Self::x(); "
                      "serde_json::to_string(&v); super::helper(); }"),
              ElementsAre("1 path crate::db::connect [connect]", "1 path serde_json::to_string [to_string]",
                          "1 path super::helper [helper]"));
}

TEST(RustFacts, CodePathsExpandThroughUse) {
  EXPECT_THAT(imports("use crate::models;\nuse crate::types::User;\nfn f() { models::load(); User::new(); }"),
              ElementsAre("1 use crate::models [models]", "2 use crate::types::User [User]",
                          "3 path crate::models::load [load]", "3 path crate::types::User::new [new]"));
}

TEST(RustFacts, NothingInCommentsOrStrings) {
  EXPECT_THAT(imports("// use crate::a;\n/* mod b; */\nlet s = \"crate::c::d\";\nlet r = r#\"use x;\"#;"), IsEmpty());
  EXPECT_THAT(symbols("// fn hidden() {}\nlet s = \"struct Fake;\";"), IsEmpty());
}

TEST(RustFacts, FunctionsAreWholeWords) {
  EXPECT_THAT(symbols_of_kind("fn parse_expr() {}\npub async fn parse() {}\nconst unsafe fn raw() {}\n"
                              "let f: fn(u8) -> u8 = g;",
                              "function"),
              ElementsAre("parse_expr", "parse", "raw"));
}

TEST(RustFacts, ItemKinds) {
  EXPECT_THAT(symbols("pub struct S<T>(T);\nenum E { A }\nunion U { a: u8 }\npub trait T: Send {}\n"
                      "type Alias = u8;\nconst MAX: usize = 1;\nstatic mut COUNT: u32 = 0;\n"
                      "macro_rules! m { () => {} }\n"),
              ElementsAre("1 struct S [pub]", "2 enum E", "3 union U", "4 trait T [pub]", "5 type Alias", "6 const MAX",
                          "7 const COUNT [static]", "8 macro m"));
}

TEST(RustFacts, ConstGenericsAndPointersAreNotConsts) {
  EXPECT_THAT(symbols_of_kind("struct A<const N: usize>;\nfn f(p: *const u8) {}\nconst _: () = ();", "const"),
              IsEmpty());
}

TEST(RustFacts, ImplsNameTypeAndTrait) {
  EXPECT_THAT(symbols_of_kind("impl Parser {}\nimpl<T: Clone> fmt::Display for Wrapper<T> where T: Send {}\n"
                              "unsafe impl<'a> Send for &'a Thing {}\nimpl !Sync for Other {}\n"
                              "impl<F> Trait for F where F: for<'a> Fn(&'a u8) {}\n"
                              "fn g() -> impl Iterator<Item = u8> { todo!() }\nfn h(x: impl Fn()) {}",
                              "impl"),
              ElementsAre("Parser", "Wrapper [fmt::Display]", "Thing [Send]", "Other [Sync]", "F [Trait]"));
}

TEST(RustFacts, MethodsKnowTheirOwner) {
  EXPECT_THAT(symbols_of_kind("impl Parser { fn parse(&self) { fn local() {} } }\ntrait T { fn req(); }\nfn free() {}",
                              "function"),
              ElementsAre("parse [Parser]", "local", "req [T]", "free"));
}

TEST(RustFacts, DerivesApplyToTheNextItem) {
  EXPECT_THAT(symbols_of_kind("#[derive(Debug, Clone)]\n#[derive(serde::Serialize)]\npub struct Point { x: i32 }\n"
                              "#[cfg_attr(feature = \"s\", derive(Hash))]\nenum E {}",
                              "derive"),
              ElementsAre("Debug [Point]", "Clone [Point]", "serde::Serialize [Point]", "Hash [E]"));
}

TEST(RustFacts, Tests) {
  EXPECT_THAT(symbols_of_kind("#[test]\nfn a() {}\n#[tokio::test]\nasync fn b() {}\n#[cfg(test)]\nmod tests {}\n"
                              "#[cfg(not(test))]\nfn c() {}\n#[cfg(all(test, unix))]\nfn d() {}",
                              "test"),
              ElementsAre("a [test]", "b [test]", "tests [cfg_test]", "d [cfg_test]"));
}

TEST(RustFacts, DocComments) {
  EXPECT_THAT(symbols("//! crate docs\n/// Documented.\n#[derive(Debug)]\npub struct A;\nstruct B;\n"
                      "#[doc = \"attr doc\"]\nfn c() {}\nstruct F {\n  /// field\n  x: u8,\n}"),
              ElementsAre("1 doc  [inner]", "2 doc A [outer]", "3 derive Debug [A]", "4 struct A [pub] +doc", "5 struct B",
                          "6 doc c [outer]", "7 function c +doc", "8 struct F", "9 doc  [outer]"));
}

TEST(RustFacts, TypeUsesOncePerFileOutsideCommentsAndStrings) {
  EXPECT_THAT(symbols_of_kind("use crate::lexer::Token;\nstruct Parser { t: Vec<Token> }\n"
                              "fn f() -> Self { Ast::new() } // Hidden\nlet s = \"Quoted\";",
                              "type_use"),
              ElementsAre("Token", "Vec", "Ast"));
}

TEST(RustFacts, MacroRulesBodiesAndDollarCrate) {
  EXPECT_THAT(imports("macro_rules! m { () => { $crate::inner::f() } }"), IsEmpty());
}

TEST(RustFacts, AttributePathsAreUses) {
  EXPECT_THAT(imports("#[tokio::main]\nasync fn main() {}"), ElementsAre("1 path tokio::main [main]"));
}

// Truncations and shuffles of real code: the extractor must always finish (no crash, no endless loop).
TEST(RustFacts, SurvivesBrokenInput) {
  const std::string code =
      "#[derive(Debug)]\npub struct A<'a, T: Fn() -> u8> { x: &'a T }\nimpl<T> fmt::Display for A<'_, T> where T: "
      "Send { fn f(&self) { let s = r#\"x\"#; crate::m::g('c', b'\\'', \"\\\"\"); } }\nuse a::{b::{c, *}, d as e};\n"
      "mod m { mod n; }\nextern crate x as y;\nmacro_rules! q { ($x:expr) => { $crate::z!($x) }; }\n/** d */ #![doc = \"i\"]";
  std::uint32_t seed = 12345;
  for (std::size_t cut = 0; cut <= code.size(); ++cut) {
    std::string text = code.substr(0, cut);
    seed = seed * 1103515245u + 12345u;
    if (!text.empty()) text[seed % text.size()] = "{}[]()<>#'\"/*!:;"[seed % 16];
    const graph::FileFacts facts = extract_rust_facts(text);
    EXPECT_EQ(facts.language, "rust");
  }
  EXPECT_EQ(extract_rust_facts(std::string("\xff\xfe fn \xc3 x() {} '\xe2\x82")).language, "rust");
}

TEST(RustFacts, WarningsFromTheTokenizer) {
  EXPECT_THAT(extract_rust_facts("fn a() {}\n/* open").warnings, ElementsAre("2: unterminated block comment"));
  EXPECT_EQ(extract_rust_facts("").language, "rust");
}

}  // namespace
}  // namespace hie::stdlib::rust
