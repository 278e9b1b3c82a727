// Escaping in the CI report formats (XML, GitHub workflow commands, markdown, URIs) and the check kinds.
#include <gtest/gtest.h>

#include "report/check_kind.h"
#include "report/report_paths.h"
#include "report/results_github.h"
#include "report/results_markdown.h"
#include "report/xml_text.h"

namespace hie::report {
namespace {

TEST(XmlEscape, MarkupCharacters) {
  EXPECT_EQ(xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
}

TEST(XmlEscape, ControlCharactersBecomeVisibleText) {
  EXPECT_EQ(xml_escape(std::string("a\x01z\x1b[0m", 7)), "a\\x01z\\x1b[0m");
  EXPECT_EQ(xml_escape(std::string("nul\0!", 5)), "nul\\x00!");
}

TEST(XmlEscape, WhitespaceKeptInTextAndReferencedInAttributes) {
  EXPECT_EQ(xml_escape("a\tb\nc\rd"), "a\tb\nc\rd");
  EXPECT_EQ(xml_escape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
}

TEST(XmlEscape, InvalidUtf8AndNonCharactersBecomeReplacementCharacters) {
  EXPECT_EQ(xml_escape("x\xff" "y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(xml_escape("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
  EXPECT_EQ(xml_escape("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");
}

TEST(GithubEscape, DataEscapesPercentAndLineBreaks) {
  EXPECT_EQ(github_escape_data("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b");
}

TEST(GithubEscape, PropertiesAlsoEscapeColonAndComma) {
  EXPECT_EQ(github_escape_property("shop.api: files.exists(a, b)"), "shop.api%3A files.exists(a%2C b)");
  EXPECT_EQ(github_escape_property("50%\n"), "50%25%0A");
}

TEST(MarkdownText, PunctuationEscapedAndNewlinesAsBreaks) {
  EXPECT_EQ(markdown_text("a|b *c* <d>\ne"), "a\\|b \\*c\\* \\<d\\><br>e");
}

TEST(MarkdownCode, BackticksAndPipes) {
  EXPECT_EQ(markdown_code("files.exists(src, 'a')"), "`files.exists(src, 'a')`");
  EXPECT_EQ(markdown_code("a|b"), "`a\\|b`");
  EXPECT_EQ(markdown_code("x `y` z"), "``x `y` z``");
  EXPECT_EQ(markdown_code("`q`"), "`` `q` ``");
}

TEST(UriEncode, ReservedAndNonAsciiBytes) {
  EXPECT_EQ(uri_encode_path("src/my file#1.py"), "src/my%20file%231.py");
  EXPECT_EQ(uri_encode_path("caf\xC3\xA9.py"), "caf%C3%A9.py");
  EXPECT_EQ(uri_encode_path("a-b_c.d~e/f"), "a-b_c.d~e/f");
}

TEST(ReportPaths, SpecAndEvidencePaths) {
  ReportPaths paths{"/ws", "/ws/sub"};
  EXPECT_EQ(paths.spec_from_root("arch.hie"), "sub/arch.hie");
  EXPECT_EQ(paths.spec_from_root("../top.hie"), "top.hie");
  EXPECT_EQ(paths.spec_from_root("/elsewhere/x.hie"), "/elsewhere/x.hie");
  EXPECT_EQ(paths.evidence_from_cwd("sub/a.py"), "a.py");
  EXPECT_EQ(paths.evidence_from_cwd("other/b.py"), "/ws/other/b.py");
  ReportPaths same{"/ws", "/ws"};
  EXPECT_EQ(same.evidence_from_cwd("other/b.py"), "other/b.py");
  EXPECT_EQ(ReportPaths{}.spec_from_root("x.hie"), "x.hie");
}

eval::CheckRecord record(std::string origin, std::string check) {
  eval::CheckRecord r;
  r.element = "shop.api";
  r.origin = std::move(origin);
  r.check = std::move(check);
  return r;
}

TEST(CheckKind, FromTheOriginAndTheCalledFunction) {
  EXPECT_EQ(check_kind(record("element", "files.exists(src, 'a.py')")), "files.exists");
  EXPECT_EQ(check_kind(record("pattern service", "python.imports (src, 'db')")), "python.imports");
  EXPECT_EQ(check_kind(record("element", "not files.exists(src, 'a.py')")), "files.exists");
  EXPECT_EQ(check_kind(record("element", "true")), "check");
  EXPECT_EQ(check_kind(record("requirement", "requires scope src")), "requirement");
  EXPECT_EQ(check_kind(record("connection", "forbids connection to db")), "connection");
  EXPECT_EQ(check_kind(record("uses", "src uses db")), "uses");
  EXPECT_EQ(check_kind(record("uses", "strict_uses")), "strict_uses");
  EXPECT_EQ(check_kind(record("language python", "python.imports(child, parent)")), "language");
  EXPECT_FALSE(builtin_kind_description("connection").empty());
  EXPECT_TRUE(builtin_kind_description("files.exists").empty());
}

TEST(EvidenceFingerprint, IgnoresLinesButNotPlacesOrOccurrences) {
  library::Evidence a{"api/x.py", 3, "depends on db/y.py ('db')"};
  library::Evidence moved{"api/x.py", 40, "depends on db/y.py ('db')"};
  library::Evidence other{"api/z.py", 3, "depends on db/y.py ('db')"};
  EXPECT_EQ(evidence_key(a), "api/x.py: depends on db/y.py ('db')");
  EXPECT_EQ(evidence_key(library::Evidence{"f.txt", 0, ""}), "f.txt");
  std::string fp = evidence_fingerprint("0123456789abcdef", a, 0);
  EXPECT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp, evidence_fingerprint("0123456789abcdef", moved, 0));
  EXPECT_NE(fp, evidence_fingerprint("0123456789abcdef", other, 0));
  EXPECT_NE(fp, evidence_fingerprint("0123456789abcdef", a, 1));
  EXPECT_NE(fp, evidence_fingerprint("fedcba9876543210", a, 0));
}

}  // namespace
}  // namespace hie::report
