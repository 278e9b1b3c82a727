// Baselines: the file format (sorted, deterministic, malformed files with positions), applying and merging.
#include "report/baseline.h"

#include <gtest/gtest.h>

namespace hie::report {
namespace {

eval::CheckRecord record(std::string element, std::string check, eval::CheckStatus status, std::string fp) {
  eval::CheckRecord r;
  r.element = std::move(element);
  r.check = std::move(check);
  r.status = status;
  r.origin = "element";
  r.fingerprint = std::move(fp);
  if (status != eval::CheckStatus::Pass) r.message = "broken";
  return r;
}

eval::RunSummary summarize(const std::vector<eval::CheckRecord>& records) {
  eval::RunSummary s;
  s.total = records.size();
  for (const auto& r : records) {
    if (r.status == eval::CheckStatus::Pass) ++s.passed;
    if (r.status == eval::CheckStatus::Fail) ++s.failed;
    if (r.status == eval::CheckStatus::Error) ++s.errors;
  }
  return s;
}

std::optional<Baseline> parse(const std::string& text, syntax::DiagnosticList& diagnostics) {
  syntax::SourceFile file("base.json", text);
  return parse_baseline(file, diagnostics);
}

TEST(Baseline, OnlyFailuresSortedAndUnique) {
  std::vector<eval::CheckRecord> records = {
      record("b", "files.exists(src, 'x')", eval::CheckStatus::Fail, "00000000000000bb"),
      record("a", "files.exists(src, 'y')", eval::CheckStatus::Fail, "00000000000000aa"),
      record("a", "files.exists(src, 'z')", eval::CheckStatus::Error, "00000000000000cc"),
      record("c", "files.exists(src, 'w')", eval::CheckStatus::Pass, "00000000000000dd"),
      record("a", "files.exists(src, 'y')", eval::CheckStatus::Fail, "00000000000000aa"),
  };
  records[0].evidence = {{"src/z.py", 9, "second"}, {"src/a.py", 3, "first"}};
  Baseline baseline = baseline_from_records(records);
  ASSERT_EQ(baseline.entries.size(), 2u);
  EXPECT_EQ(baseline.entries[0].element, "a");
  EXPECT_EQ(baseline.entries[1].element, "b");
  EXPECT_EQ(baseline.entries[1].evidence, (std::vector<std::string>{"src/a.py: first", "src/z.py: second"}));
  std::string text = render_baseline(baseline);
  EXPECT_EQ(text.find("\"line\""), std::string::npos);  // no line numbers anywhere
  EXPECT_NE(text.find("\"schema\": \"hie.baseline/1\""), std::string::npos);

  syntax::DiagnosticList diagnostics;
  std::optional<Baseline> back = parse(text, diagnostics);
  ASSERT_TRUE(back) << (diagnostics.empty() ? "" : diagnostics.items()[0].message);
  ASSERT_EQ(back->entries.size(), 2u);
  EXPECT_EQ(back->entries[1].fingerprint, "00000000000000bb");
  EXPECT_EQ(back->entries[1].evidence, baseline.entries[1].evidence);
  EXPECT_EQ(render_baseline(*back), text);  // deterministic round trip
  EXPECT_GT(back->entries[1].position.line, back->entries[0].position.line);
}

struct Malformed {
  const char* text;
  const char* message;  // part of the diagnostic's message
  std::uint32_t line;
  std::uint32_t column;
};

TEST(Baseline, MalformedFilesAreE080AtThePosition) {
  const Malformed cases[] = {
      {"{\n  \"version\": \"1.0\",\n  oops\n}", "not valid JSON", 3, 3},
      {"[]", "not a JSON object", 1, 1},
      {"{\"version\": \"1.0\", \"schema\": \"other\", \"entries\": []}", "\"schema\"", 1, 1},
      {"{\"version\": \"2.0\", \"schema\": \"hie.baseline/1\", \"entries\": []}", "\"version\"", 1, 1},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\"}", "\"entries\"", 1, 1},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\", \"entries\": [\n"
       "  {\"fingerprint\": \"00000000000000aa\", \"element\": \"a\", \"check\": \"c\"},\n"
       "    {\"element\": \"b\", \"check\": \"c\"}\n]}",
       "without \"fingerprint\"", 3, 5},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\", \"entries\": [\n"
       "  {\"fingerprint\": \"XYZ\", \"element\": \"a\", \"check\": \"c\"}]}",
       "not a fingerprint", 2, 3},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\", \"entries\": [\n"
       "  {\"fingerprint\": \"00000000000000aa\", \"element\": \"a\", \"check\": \"c\"},\n"
       "  {\"fingerprint\": \"00000000000000aa\", \"element\": \"a\", \"check\": \"c\"}]}",
       "listed twice", 3, 3},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\", \"entries\": [\n"
       "  {\"fingerprint\": \"00000000000000aa\", \"element\": 5, \"check\": \"c\"}]}",
       "not a string", 2, 3},
      {"{\"version\": \"1.0\", \"schema\": \"hie.baseline/1\", \"entries\": [\n"
       "  {\"fingerprint\": \"00000000000000aa\", \"element\": \"a\", \"check\": \"c\", \"evidence\": [1]}]}",
       "\"evidence\"", 2, 3},
  };
  for (const auto& c : cases) {
    syntax::DiagnosticList diagnostics;
    EXPECT_FALSE(parse(c.text, diagnostics)) << c.text;
    ASSERT_EQ(diagnostics.size(), 1u) << c.text;
    const syntax::Diagnostic& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "E080");
    EXPECT_EQ(d.file, "base.json");
    EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
    EXPECT_EQ(d.span.start.line, c.line) << c.text;
    EXPECT_EQ(d.span.start.column, c.column) << c.text;
  }
}

TEST(Baseline, KnownFailuresBaselinedNewOnesStayAndFixedOnesAreStale) {
  std::vector<eval::CheckRecord> before = {
      record("a", "one", eval::CheckStatus::Fail, "00000000000000a1"),
      record("a", "two", eval::CheckStatus::Fail, "00000000000000a2"),
      record("a", "three", eval::CheckStatus::Fail, "00000000000000a3"),
  };
  Baseline baseline = baseline_from_records(before);
  std::vector<eval::CheckRecord> after = {
      record("a", "one", eval::CheckStatus::Fail, "00000000000000a1"),
      record("a", "two", eval::CheckStatus::Pass, "00000000000000a2"),   // fixed
      record("a", "new", eval::CheckStatus::Fail, "00000000000000a4"),   // not in the baseline
  };
  eval::RunSummary summary = summarize(after);
  BaselineOutcome outcome = apply_baseline(baseline, after, summary, true);
  EXPECT_EQ(after[0].status, eval::CheckStatus::Baselined);
  EXPECT_EQ(after[2].status, eval::CheckStatus::Fail);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.baselined, 1u);
  ASSERT_EQ(outcome.stale.size(), 2u);  // "two" passes, "three" no longer exists
  EXPECT_EQ(outcome.stale[0].check, "three");
  EXPECT_EQ(outcome.stale[1].check, "two");

  // When only some checks ran, a check that did not run is not stale.
  std::vector<eval::CheckRecord> filtered = {record("a", "one", eval::CheckStatus::Fail, "00000000000000a1")};
  eval::RunSummary filtered_summary = summarize(filtered);
  EXPECT_TRUE(apply_baseline(baseline, filtered, filtered_summary, false).stale.empty());

  syntax::DiagnosticList warnings = stale_diagnostics(outcome.stale, "base.json");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings.items()[0].code, "W080");
  EXPECT_EQ(warnings.items()[0].severity, syntax::Severity::Warning);

  add_stale_failures(outcome.stale, "base.json", after, summary);
  EXPECT_EQ(after.size(), 5u);
  EXPECT_EQ(after[3].origin, "baseline");
  EXPECT_EQ(after[3].status, eval::CheckStatus::Fail);
  EXPECT_EQ(summary.failed, 3u);
  EXPECT_EQ(summary.total, 5u);
}

TEST(Baseline, ErrorsAreNeverBaselinedNorStale) {
  Baseline baseline = baseline_from_records(std::vector<eval::CheckRecord>{
      record("a", "one", eval::CheckStatus::Fail, "00000000000000a1")});
  std::vector<eval::CheckRecord> now = {record("a", "one", eval::CheckStatus::Error, "00000000000000a1")};
  eval::RunSummary summary = summarize(now);
  EXPECT_TRUE(apply_baseline(baseline, now, summary, true).stale.empty());
  EXPECT_EQ(now[0].status, eval::CheckStatus::Error);
  EXPECT_TRUE(baseline_from_records(now).entries.empty());
}

TEST(Baseline, NewEvidenceOfAKnownRuleIsANewFailure) {
  std::vector<eval::CheckRecord> before = {record("api", "forbids connection to db", eval::CheckStatus::Fail,
                                                  "00000000000000c1")};
  before[0].evidence = {{"api/a.py", 3, "depends on db/x.py ('db')"}};
  Baseline baseline = baseline_from_records(before);

  std::vector<eval::CheckRecord> moved = before;
  moved[0].evidence[0].line = 30;  // unrelated edits moved the import
  eval::RunSummary summary = summarize(moved);
  apply_baseline(baseline, moved, summary, true);
  EXPECT_EQ(moved[0].status, eval::CheckStatus::Baselined);

  std::vector<eval::CheckRecord> grown = before;
  grown[0].evidence.push_back({"api/b.py", 7, "depends on db/x.py ('db')"});
  summary = summarize(grown);
  BaselineOutcome outcome = apply_baseline(baseline, grown, summary, true);
  EXPECT_EQ(grown[0].status, eval::CheckStatus::Fail);
  ASSERT_EQ(grown[0].evidence.size(), 1u);
  EXPECT_EQ(grown[0].evidence[0].file, "api/b.py");
  EXPECT_NE(grown[0].message->find("1 new since the baseline, 1 known"), std::string::npos) << *grown[0].message;
  EXPECT_TRUE(outcome.stale.empty());
}

TEST(Baseline, MergeKeepsEntriesOfChecksThatDidNotRun) {
  Baseline previous = baseline_from_records(std::vector<eval::CheckRecord>{
      record("a", "one", eval::CheckStatus::Fail, "00000000000000a1"),
      record("b", "two", eval::CheckStatus::Fail, "00000000000000b2")});
  std::vector<eval::CheckRecord> ran = {record("a", "one", eval::CheckStatus::Pass, "00000000000000a1")};
  Baseline merged = merge_baselines(previous, baseline_from_records(ran), ran);
  ASSERT_EQ(merged.entries.size(), 1u);
  EXPECT_EQ(merged.entries[0].element, "b");
}

}  // namespace
}  // namespace hie::report
