// Compiler-style rendering: header, location, source line, caret placement (tabs, multibyte, line ends), colour.
#include "report/diagnostics_human.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hie::report {
namespace {

using syntax::Diagnostic;
using syntax::Severity;
using syntax::SourceFile;
using ::testing::HasSubstr;
using ::testing::Not;

// A diagnostic on `source` covering the first occurrence of `needle` (after byte `from`).
Diagnostic on(const SourceFile& source, std::string_view needle, std::string code = "E050",
              std::string message = "undefined name 'srcc'", std::size_t from = 0) {
  std::size_t begin = source.text().find(needle, from);
  EXPECT_NE(begin, std::string::npos) << needle;
  Diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = source.path();
  d.span = source.span_of(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + needle.size()));
  return d;
}

std::string render(const SourceFile& source, const Diagnostic& d, bool color = false) {
  std::vector<SourceFile> files = {source};
  return render_human(d, lookup_sources(files), HumanOptions{color});
}

TEST(DiagnosticsHuman, RendersHeaderLocationSourceCaretAndHelp) {
  SourceFile source("spec.hie", "import files\nelement shop {\n    scope srcc = x\n}\n");
  Diagnostic d = on(source, "srcc");
  d.help = "did you mean 'src'?";
  EXPECT_EQ(render(source, d),
            "error[E050]: undefined name 'srcc'\n"
            " --> spec.hie:3:11\n"
            "  |\n"
            "3 |     scope srcc = x\n"
            "  |           ^^^^\n"
            "  = help: did you mean 'src'?\n"
            "\n");
}

TEST(DiagnosticsHuman, GutterWidensWithTheLineNumber) {
  std::string text;
  for (int i = 1; i < 12; ++i) text += "# line\n";
  text += "element x { ; }\n";
  SourceFile source("spec.hie", text);
  EXPECT_EQ(render(source, on(source, ";", "E024", "unexpected character ';'")),
            "error[E024]: unexpected character ';'\n"
            "  --> spec.hie:12:13\n"
            "   |\n"
            "12 | element x { ; }\n"
            "   |             ^\n"
            "\n");
}

TEST(DiagnosticsHuman, TabsAreFourColumnsAndTheCaretFollows) {
  SourceFile source("spec.hie", "element x {\n\tscope\ts = f() @\n}\n");
  std::string out = render(source, on(source, "@", "E024", "unexpected character '@'"));
  EXPECT_THAT(out, HasSubstr("2 |     scope    s = f() @\n"
                             "  |                      ^\n"));
}

TEST(DiagnosticsHuman, MultibyteCharactersAreOneColumnEach) {
  SourceFile source("spec.hie",
                    "scope s = f('\xc3\xb1"
                    "and\xc3\xba \xe2\x98\x95') @ x\n");
  Diagnostic d = on(source, "@", "E024", "unexpected character '@'");
  EXPECT_EQ(d.span.start.column, 24u);  // the position itself counts code points
  EXPECT_THAT(render(source, d), HasSubstr("1 | scope s = f('\xc3\xb1"
                                           "and\xc3\xba \xe2\x98\x95') @ x\n"
                                           "  |" +
                                           std::string(24, ' ') + "^\n"));
}

TEST(DiagnosticsHuman, CaretCoversMultibyteSpansByCodePoints) {
  SourceFile source("spec.hie", "check f('\xc3\xb1\xc3\xb1\xc3\xb1')\n");
  Diagnostic d = on(source, "'\xc3\xb1\xc3\xb1\xc3\xb1'");
  EXPECT_THAT(render(source, d), HasSubstr("\n  |         ^^^^^\n"));
}

TEST(DiagnosticsHuman, ZeroWidthSpanGetsOneCaret) {
  SourceFile source("spec.hie", "element x {\n");
  Diagnostic d = on(source, "{");
  d.span.end = d.span.start;
  EXPECT_THAT(render(source, d), HasSubstr("1 | element x {\n  |           ^\n"));
}

TEST(DiagnosticsHuman, SpanAtTheEndOfTheLinePointsJustAfterIt) {
  SourceFile source("spec.hie", "scope a = f(\n");
  Diagnostic d;
  d.code = "E027";
  d.message = "unclosed bracket";
  d.file = "spec.hie";
  d.span = source.span_of(12, 13);  // the newline itself
  EXPECT_THAT(render(source, d), HasSubstr("1 | scope a = f(\n  |             ^\n"));
}

TEST(DiagnosticsHuman, SpanPastTheLineEndIsUnderlinedToTheEndOfTheLine) {
  SourceFile source("spec.hie", "scope a = 'abc\ndef'\n");
  Diagnostic d = on(source, "'abc\ndef'", "E022", "unterminated string");
  EXPECT_EQ(d.span.end.line, 2u);
  EXPECT_THAT(render(source, d), HasSubstr("1 | scope a = 'abc\n  |           ^^^^\n"));
}

TEST(DiagnosticsHuman, CrLfLineEndsAreNotShown) {
  SourceFile source("spec.hie", "element x {\r\n  scope ; = f()\r\n}\r\n");
  std::string out = render(source, on(source, ";", "E024", "unexpected character ';'"));
  EXPECT_THAT(out, HasSubstr("2 |   scope ; = f()\n  |         ^\n"));
  EXPECT_THAT(out, Not(HasSubstr("\r")));
}

TEST(DiagnosticsHuman, InvalidUtf8IsShownAsReplacementCharacterOfOneColumn) {
  SourceFile source("spec.hie", "element caf\xe9 @\n");
  Diagnostic d = on(source, "\xe9", "E020", "invalid UTF-8");
  EXPECT_THAT(render(source, d), HasSubstr("1 | element caf\xEF\xBF\xBD @\n  |            ^\n"));
  Diagnostic at = on(source, "@", "E024", "unexpected character '@'");
  EXPECT_THAT(render(source, at), HasSubstr("\n  |              ^\n"));
}

TEST(DiagnosticsHuman, FallsBackToTheColumnWhenOffsetsDoNotFitTheLine) {
  SourceFile source("spec.hie", "a\n\tbc d\n");
  Diagnostic d;
  d.code = "E024";
  d.message = "m";
  d.file = "spec.hie";
  d.span.start = {2, 5, 999};
  d.span.end = {2, 6, 1000};
  EXPECT_THAT(render(source, d), HasSubstr("2 |     bc d\n  |        ^\n"));
}

TEST(DiagnosticsHuman, WithoutSourceShowsHeaderAndLocationOnly) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = "W001";
  d.message = "unknown library 'foo'";
  d.file = "other.hie";
  d.span.start = {4, 8, 40};
  d.span.end = {4, 11, 43};
  EXPECT_EQ(render_human(d, SourceLookup{}), "warning[W001]: unknown library 'foo'\n --> other.hie:4:8\n\n");
  std::vector<SourceFile> none;
  EXPECT_EQ(render_human(d, lookup_sources(none)), "warning[W001]: unknown library 'foo'\n --> other.hie:4:8\n\n");
}

TEST(DiagnosticsHuman, LineOutsideTheFileShowsNoSnippet) {
  SourceFile source("spec.hie", "a\n");
  Diagnostic d;
  d.code = "E001";
  d.message = "m";
  d.file = "spec.hie";
  d.span.start = {9, 1, 0};
  d.span.end = {9, 1, 0};
  EXPECT_EQ(render(source, d), "error[E001]: m\n --> spec.hie:9:1\n\n");
}

TEST(DiagnosticsHuman, SeveritiesAndMissingCode) {
  Diagnostic d;
  d.message = "something";
  d.severity = Severity::Info;
  EXPECT_EQ(render_human(d, {}), "info: something\n\n");
  d.severity = Severity::Hint;
  d.code = "H001";
  EXPECT_EQ(render_human(d, {}), "hint[H001]: something\n\n");
}

TEST(DiagnosticsHuman, MultiLineHelpIsAligned) {
  Diagnostic d;
  d.code = "E012";
  d.message = "m";
  d.file = "x.hie";
  d.span.start = {1, 1, 0};
  d.span.end = {1, 1, 0};
  d.help = "first\nsecond";
  EXPECT_EQ(render_human(d, {}),
            "error[E012]: m\n"
            " --> x.hie:1:1\n"
            "  = help: first\n"
            "          second\n"
            "\n");
}

TEST(DiagnosticsHuman, ColourOnlyWhenAsked) {
  SourceFile source("spec.hie", "element x {\n  scope srcc = y\n}\n");
  Diagnostic d = on(source, "srcc");
  d.help = "did you mean 'src'?";
  std::string plain = render(source, d, false);
  EXPECT_THAT(plain, Not(HasSubstr("\x1b[")));
  std::string colored = render(source, d, true);
  EXPECT_EQ(colored,
            "\x1b[1;31merror[E050]\x1b[0m\x1b[1m: undefined name 'srcc'\x1b[0m\n"
            " \x1b[1;34m-->\x1b[0m spec.hie:2:9\n"
            "  \x1b[1;34m|\x1b[0m\n"
            "\x1b[1;34m2\x1b[0m \x1b[1;34m|\x1b[0m   scope srcc = y\n"
            "  \x1b[1;34m|\x1b[0m         \x1b[1;31m^^^^\x1b[0m\n"
            "  \x1b[1;34m=\x1b[0m \x1b[1mhelp\x1b[0m: did you mean 'src'?\n"
            "\n");

  d.severity = Severity::Warning;
  EXPECT_THAT(render(source, d, true), HasSubstr("\x1b[1;33mwarning[E050]\x1b[0m"));
  EXPECT_THAT(render(source, d, true), HasSubstr("\x1b[1;33m^^^^\x1b[0m"));
}

TEST(DiagnosticsHuman, ListRendersEveryDiagnosticInOrder) {
  SourceFile source("spec.hie", "a b\n");
  syntax::DiagnosticList list;
  list.add(on(source, "b", "E002", "second"));
  list.add(on(source, "a", "E001", "first"));
  std::vector<SourceFile> files = {source};
  std::string out = render_human(list, lookup_sources(files));
  EXPECT_LT(out.find("second"), out.find("first"));
  EXPECT_EQ(render_human(syntax::DiagnosticList{}, lookup_sources(files)), "");
}

TEST(DiagnosticsHuman, PrintableText) {
  EXPECT_EQ(printable_text("plain \xc3\xa9 text\nnext"), "plain \xc3\xa9 text\nnext");
  EXPECT_EQ(printable_text("a\xff"
                           "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(printable_text("a\x1b[31m"), "a\xEF\xBF\xBD[31m");  // no terminal escapes from user text
  EXPECT_EQ(printable_text("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate
  EXPECT_EQ(printable_text("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
}

}  // namespace
}  // namespace hie::report
