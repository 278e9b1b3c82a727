// The diagnostics JSON document: exact shape and key order of the older tool (OLDER-TOOL.md §10.2).
#include "report/diagnostics_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hie::report {
namespace {

using syntax::Diagnostic;
using syntax::DiagnosticList;
using syntax::Severity;

Diagnostic make(Severity severity, std::string code, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = "e1.hie";
  d.span.start = {11, 47, 223};
  d.span.end = {11, 50, 226};
  return d;
}

TEST(DiagnosticsJson, ExactDocumentWithKeyOrder) {
  DiagnosticList list;
  list.add(make(Severity::Error, "E007", "expected ')', found a string"));
  Diagnostic warning = make(Severity::Warning, "W001", "unknown library 'foo'");
  warning.help = "add it to hielements.toml";
  list.add(warning);
  EXPECT_EQ(render_diagnostics_json(list),
            R"({
  "version": "1.0",
  "status": "error",
  "errors": [
    {
      "severity": "error",
      "code": "E007",
      "message": "expected ')', found a string",
      "file": "e1.hie",
      "span": {
        "start": {
          "line": 11,
          "column": 47,
          "offset": 223
        },
        "end": {
          "line": 11,
          "column": 50,
          "offset": 226
        }
      }
    }
  ],
  "warnings": [
    {
      "severity": "warning",
      "code": "W001",
      "message": "unknown library 'foo'",
      "file": "e1.hie",
      "span": {
        "start": {
          "line": 11,
          "column": 47,
          "offset": 223
        },
        "end": {
          "line": 11,
          "column": 50,
          "offset": 226
        }
      },
      "help": "add it to hielements.toml"
    }
  ],
  "summary": {
    "total_errors": 1,
    "total_warnings": 1
  }
}
)");
}

TEST(DiagnosticsJson, EmptyListIsOk) {
  Json document = diagnostics_document(DiagnosticList{});
  EXPECT_EQ(
      document.dump(),
      R"({"version":"1.0","status":"ok","errors":[],"warnings":[],"summary":{"total_errors":0,"total_warnings":0}})");
}

TEST(DiagnosticsJson, WarningsOnlyIsOk) {
  DiagnosticList list;
  list.add(make(Severity::Warning, "W001", "w"));
  EXPECT_EQ(diagnostics_document(list)["status"], "ok");
}

TEST(DiagnosticsJson, InfoAndHintGoToWarningsWithTheirSeverity) {
  DiagnosticList list;
  list.add(make(Severity::Info, "I001", "info"));
  list.add(make(Severity::Error, "E001", "error"));
  list.add(make(Severity::Hint, "H001", "hint"));
  Json document = diagnostics_document(list);
  ASSERT_EQ(document["warnings"].size(), 2u);
  EXPECT_EQ(document["warnings"][0]["severity"], "info");
  EXPECT_EQ(document["warnings"][1]["severity"], "hint");
  EXPECT_EQ(document["errors"][0]["code"], "E001");
  EXPECT_EQ(document["summary"]["total_errors"], 1);
  EXPECT_EQ(document["summary"]["total_warnings"], 2);
}

TEST(DiagnosticsJson, KeepsReportOrderWithinEachArray) {
  DiagnosticList list;
  list.add(make(Severity::Error, "E026", "b"));
  list.add(make(Severity::Error, "E001", "a"));
  Json document = diagnostics_document(list);
  EXPECT_EQ(document["errors"][0]["code"], "E026");
  EXPECT_EQ(document["errors"][1]["code"], "E001");
}

TEST(DiagnosticsJson, InvalidUtf8InAMessageDoesNotThrow) {
  DiagnosticList list;
  list.add(make(Severity::Error, "E024", "unexpected character '\xff'"));
  std::string text;
  EXPECT_NO_THROW(text = render_diagnostics_json(list));
  EXPECT_NE(text.find("unexpected character '\xEF\xBF\xBD'"), std::string::npos);
}

}  // namespace
}  // namespace hie::report
