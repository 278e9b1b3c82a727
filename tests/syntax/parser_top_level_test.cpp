// Parser: the top level of a file (imports, languages with connection checks, E001, E013, E029) and the
// attachment of `##` doc comments.
#include <gtest/gtest.h>

#include "parser_test_helpers.h"

namespace hie::syntax {
namespace {

using testing::codes;
using testing::join_names;
using testing::parse_text;

TEST(ParserTopLevel, EmptyAndCommentOnlyFiles) {
  EXPECT_EQ(codes(parse_text("")), "");
  EXPECT_EQ(codes(parse_text("# nothing\n\n## doc at the end\n")), "");
  const auto parsed = parse_text("\n\n");
  EXPECT_EQ(parsed.file.span.start.offset, 0u);
  EXPECT_EQ(parsed.file.span.end.offset, 2u);
  EXPECT_EQ(parsed.file.path, "test.hie");
}

TEST(ParserTopLevel, ImportForms) {
  const auto parsed = parse_text(
      "## dropped doc\n"
      "import files\n"
      "import rust.extra as r\n"
      "import 'shared/patterns.hie'\n"
      "import \"other.hie\" as other\n"
      "from files import exists, folder_selector\n"
      "from 'lib.hie' import layered\n"
      "element e {}\n");
  ASSERT_EQ(codes(parsed), "");
  const auto& imports = parsed.file.imports;
  ASSERT_EQ(imports.size(), 6u);
  EXPECT_EQ(join_names(imports[0].path, "."), "files");
  EXPECT_FALSE(imports[0].alias.has_value());
  EXPECT_EQ(imports[0].span.start.line, 2u);
  EXPECT_EQ(imports[0].span.end.column, 13u);
  EXPECT_EQ(join_names(imports[1].path, "."), "rust.extra");
  EXPECT_EQ(imports[1].alias->name, "r");
  EXPECT_TRUE(imports[2].path_is_string);
  EXPECT_EQ(imports[2].string_path, "shared/patterns.hie");
  EXPECT_EQ(imports[2].string_span.start.column, 8u);
  EXPECT_EQ(imports[3].alias->name, "other");
  EXPECT_TRUE(imports[4].is_from);
  EXPECT_EQ(join_names(imports[4].names, ","), "exists,folder_selector");
  EXPECT_TRUE(imports[5].is_from);
  EXPECT_TRUE(imports[5].path_is_string);
  EXPECT_EQ(join_names(imports[5].names, ","), "layered");
}

TEST(ParserTopLevel, ImportErrors) {
  EXPECT_EQ(codes(parse_text("import\nelement e {}\n")), "E004@1:7");
  EXPECT_EQ(codes(parse_text("import files as\n")), "E004@1:16");
  EXPECT_EQ(codes(parse_text("import files extra\n")), "E008@1:14");
  EXPECT_EQ(parse_text("import files extra\n").diagnostics.items()[0].message,
            "expected 'as' or a newline, found 'extra'");
  EXPECT_EQ(codes(parse_text("from files exists\n")), "E007@1:12");
  EXPECT_EQ(codes(parse_text("from files import\n")), "E004@1:18");
  EXPECT_EQ(codes(parse_text("import from\n")), "E004@1:8");
}

TEST(ParserTopLevel, LateImportIsOneE029ForTheLine) {
  const auto parsed = parse_text(
      "import files\n"
      "element a {}\n"
      "import rust as r extra junk\n"
      "from files import exists\n"
      "element b {}\n");
  EXPECT_EQ(codes(parsed), "E029@3:1 E029@4:1");
  const Diagnostic& first = parsed.diagnostics.items()[0];
  EXPECT_EQ(first.message, "imports must come before the first element, pattern or language");
  EXPECT_EQ(first.span.end.line, 3u);
  EXPECT_EQ(first.span.end.column, 28u);
  EXPECT_EQ(parsed.file.imports.size(), 1u);
  EXPECT_EQ(parsed.file.elements.size(), 2u);
}

TEST(ParserTopLevel, JunkIsOneE001PerStatement) {
  const auto parsed = parse_text(
      "this line has nine tokens in it , ok\n"
      "scope x = f(a, b)\n"
      "elemnt shop:\n"
      "    scope y = 1\n"
      "    element z {}\n"
      "element kept {}\n"
      "x.y = 1\n");
  EXPECT_EQ(codes(parsed), "E001@1:1 E001@2:1 E001@3:1 E001@7:1");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected 'element', 'pattern' or 'language' at the top level, found 'this'");
  EXPECT_EQ(parsed.diagnostics.items()[1].help, "'scope' statements belong inside an element or pattern body");
  EXPECT_EQ(parsed.diagnostics.items()[2].help, "did you mean 'element'?");
  ASSERT_TRUE(parsed.diagnostics.items()[3].help.has_value());
  ASSERT_EQ(parsed.file.elements.size(), 1u);
  EXPECT_EQ(parsed.file.elements[0].name.name, "kept");
}

TEST(ParserTopLevel, LanguagesAndConnectionChecks) {
  const auto parsed = parse_text(
      "language python:\n"
      "    ## python imports\n"
      "    connection_check can_import(source: scope[], target: scope[]):\n"
      "        python.imports_allowed(source, target)\n"
      "\n"
      "    connection_check no_cycles(scopes: scope[],): python.acyclic(scopes)\n"
      "language rust\n"
      "language go {\n"
      "    connection_check c(\n"
      "        a: scope[],\n"
      "    ):\n"
      "        go.ok(a)\n"
      "}\n"
      "language none {}\n");
  ASSERT_EQ(codes(parsed), "");
  const auto& languages = parsed.file.languages;
  ASSERT_EQ(languages.size(), 4u);
  ASSERT_EQ(languages[0].connection_checks.size(), 2u);
  const ConnectionCheckDecl& first = languages[0].connection_checks[0];
  EXPECT_EQ(first.name.name, "can_import");
  EXPECT_EQ(first.doc, "python imports");
  ASSERT_EQ(first.params.size(), 2u);
  EXPECT_EQ(first.params[0].name.name, "source");
  EXPECT_EQ(first.params[0].span.start.column, 33u);
  EXPECT_EQ(first.params[0].span.end.column, 48u);
  EXPECT_EQ(first.body_text, "python.imports_allowed(source, target)");
  EXPECT_EQ(first.span.start.line, 3u);
  EXPECT_EQ(first.span.end.line, 4u);
  EXPECT_EQ(languages[0].connection_checks[1].params.size(), 1u);
  EXPECT_EQ(languages[0].connection_checks[1].body_text, "python.acyclic(scopes)");
  EXPECT_EQ(languages[0].span.end.line, 6u);
  EXPECT_TRUE(languages[1].connection_checks.empty());
  EXPECT_EQ(languages[1].span.end.column, 14u);
  EXPECT_EQ(languages[2].connection_checks.at(0).body_text, "go.ok(a)");
  EXPECT_TRUE(languages[3].connection_checks.empty());
}

TEST(ParserTopLevel, LanguageBodyErrors) {
  auto parsed = parse_text(
      "language l {\n"
      "    scope x = 1\n"
      "    connection_check ok(a: scope[]): f(a)\n"
      "}\n");
  EXPECT_EQ(codes(parsed), "E013@2:5");
  EXPECT_EQ(parsed.diagnostics.items()[0].message,
            "expected 'connection_check' in the body of language 'l', found 'scope'");
  EXPECT_EQ(parsed.file.languages.at(0).connection_checks.size(), 1u);

  parsed = parse_text("language l {\n    connection_check c(a: string): f(a)\n}\n");
  EXPECT_EQ(codes(parsed), "E007@2:27");
  EXPECT_EQ(parsed.diagnostics.items()[0].message, "expected 'scope[]' as the type of parameter 'a', found 'string'");

  parsed = parse_text(
      "language l:\n"
      "    connection_check c(a: scope[]):\n"
      "    connection_check d(a: scope[]): f(a)\n");
  EXPECT_EQ(codes(parsed), "E030@3:5");
  EXPECT_EQ(parsed.file.languages.at(0).connection_checks.size(), 1u);

  EXPECT_EQ(codes(parse_text("language l {\n  connection_check c(a scope[]): f(a)\n}\n")), "E007@2:24");
  EXPECT_EQ(codes(parse_text("language l {\n  connection_check c(a: scope[]) f(a)\n}\n")), "E007@2:34");
  EXPECT_EQ(codes(parse_text("language l {\n  connection_check c(a: scope[] b: scope[]): f(a)\n}\n")), "E007@2:33");
  EXPECT_EQ(codes(parse_text("language l {\n  connection_check c: f(a)\n}\n")), "E007@2:21");
  EXPECT_EQ(codes(parse_text("language l x\n")), "E007@1:12");
}

TEST(ParserTopLevel, DocCommentsAttachToTheFollowingItem) {
  const auto parsed = parse_text(
      "## ====\n"
      "## Section banner\n"
      "## ====\n"
      "\n"
      "## Shop\n"
      "## The whole shop.\n"
      "\n"
      "# a plain comment between is fine\n"
      "element shop {\n"
      "    ## Sources\n"
      "    scope src = f()\n"
      "    ## Port\n"
      "    ref port: integer = 1\n"
      "    ### Title line\n"
      "    check g()\n"
      "    ## not attached to uses\n"
      "    src uses x\n"
      "    scope undocumented = h()\n"
      "    ## trailing, dropped\n"
      "}\n"
      "## The pattern\n"
      "pattern p { }\n"
      "## A language\n"
      "language l\n");
  ASSERT_EQ(codes(parsed), "");
  const ElementDecl& shop = parsed.file.elements.at(0);
  EXPECT_EQ(shop.doc, "Shop\nThe whole shop.");
  EXPECT_EQ(shop.body.scopes[0].doc, "Sources");
  EXPECT_EQ(shop.body.refs[0].doc, "Port");
  EXPECT_EQ(shop.body.checks[0].doc, "Title line");
  EXPECT_FALSE(shop.body.scopes[1].doc.has_value());
  EXPECT_EQ(parsed.file.patterns.at(0).doc, "The pattern");
  EXPECT_EQ(parsed.file.languages.at(0).doc, "A language");
}

TEST(ParserTopLevel, TrailingDocCommentsAreIgnored) {
  const auto parsed = parse_text("element a {\n  scope x = 1  ## trailing\n}  ## more\n## at the end\n");
  EXPECT_EQ(codes(parsed), "");
  EXPECT_FALSE(parsed.file.elements.at(0).body.scopes.at(0).doc.has_value());
}

}  // namespace
}  // namespace hie::syntax
