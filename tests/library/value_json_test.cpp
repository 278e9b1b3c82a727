// Tests of the plugin value encoding (PLUGINS.md §2, OLDER-TOOL.md §5.1): every encode and decode form.
#include "library/value_json.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace hie::library {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(); }

Value scope_value(std::string kind, std::string arg, std::vector<std::string> paths, bool resolved = true) {
  ScopeData s;
  s.kind = std::move(kind);
  s.arg = std::move(arg);
  s.paths = std::move(paths);
  s.resolved = resolved;
  return Value::scope(std::move(s));
}

Value decode_ok(const std::string& text, const DecodeOptions& options = {}) {
  Result<Value> r = decode_value(json::parse(text), options);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : Value();
}

LibraryError decode_err(const std::string& text, const DecodeOptions& options = {}) {
  Result<Value> r = decode_value(json::parse(text), options);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? LibraryError{} : r.error();
}

CheckOutcome check_ok(const std::string& text) {
  Result<CheckOutcome> r = decode_check_outcome(json::parse(text));
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : CheckOutcome::error("", "decode failed");
}

LibraryError check_err(const std::string& text) {
  Result<CheckOutcome> r = decode_check_outcome(json::parse(text));
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? LibraryError{} : r.error();
}

// ---- encoding -------------------------------------------------------------------------------------------------

TEST(ValueJsonEncode, ScalarsUseTheOlderToolsTaggedForms) {
  EXPECT_EQ(dump(encode_value(Value())), "null");
  EXPECT_EQ(dump(encode_value(Value::boolean(true))), "true");
  EXPECT_EQ(dump(encode_value(Value::boolean(false))), "false");
  EXPECT_EQ(dump(encode_value(Value::integer(42))), R"({"Int":42})");
  EXPECT_EQ(dump(encode_value(Value::integer(-7))), R"({"Int":-7})");
  EXPECT_EQ(dump(encode_value(Value::floating(1.5))), R"({"Float":1.5})");
  EXPECT_EQ(dump(encode_value(Value::floating(10.0))), R"({"Float":10.0})");
  EXPECT_EQ(dump(encode_value(Value::string("text"))), R"({"String":"text"})");
  EXPECT_EQ(dump(encode_value(Value::string("a\"b\\c\n"))), R"({"String":"a\"b\\c\n"})");
  EXPECT_EQ(dump(encode_value(Value::string("café"))), "{\"String\":\"café\"}");  // raw UTF-8, like serde_json
}

TEST(ValueJsonEncode, ListsNest) {
  Value list = Value::list({Value::integer(1), Value::string("a"), Value::list({Value::boolean(true)})});
  EXPECT_EQ(dump(encode_value(list)), R"({"List":[{"Int":1},{"String":"a"},{"List":[true]}]})");
  EXPECT_EQ(dump(encode_value(Value::list({}))), R"({"List":[]})");
}

TEST(ValueJsonEncode, StandardScopeKindsWithSortedKeys) {
  EXPECT_EQ(dump(encode_value(scope_value("Folder", "src", {"src/b.py", "src/a.py"}))),
            R"({"Scope":{"kind":{"Folder":"src"},"paths":["src/a.py","src/b.py"],"resolved":true}})");
  EXPECT_EQ(dump(encode_value(scope_value("File", "a.txt", {"a.txt"}))),
            R"({"Scope":{"kind":{"File":"a.txt"},"paths":["a.txt"],"resolved":true}})");
  EXPECT_EQ(dump(encode_value(scope_value("Glob", "**/*.rs", {}, false))),
            R"({"Scope":{"kind":{"Glob":"**/*.rs"},"paths":[],"resolved":false}})");
}

TEST(ValueJsonEncode, LanguageOnlyWhenSet) {
  ScopeData s;
  s.kind = "Folder";
  s.arg = "src";
  s.paths = {"src/a.py"};
  s.language = "python";
  EXPECT_EQ(dump(encode_value(Value::scope(s))),
            R"({"Scope":{"kind":{"Folder":"src"},"language":"python","paths":["src/a.py"],"resolved":true}})");
}

TEST(ValueJsonEncode, OtherSelectorTagsKeepAFileKindAndTheExactTag) {
  EXPECT_EQ(dump(encode_value(scope_value("module", "lexer", {"src/lexer.rs"}))),
            R"({"Scope":{"kind":{"File":"module:lexer"},"paths":["src/lexer.rs"],"resolved":true,)"
            R"("selector":{"arg":"lexer","kind":"module"}}})");
  EXPECT_EQ(dump(encode_value(scope_value("", "x", {}))),
            R"({"Scope":{"kind":{"File":"x"},"paths":[],"resolved":true}})");
}

TEST(ValueJsonEncode, ScopeObjectKeepsTheGivenPathOrder) {
  ScopeData s;
  s.kind = "Folder";
  s.arg = "plugins";
  s.paths = {"./plugins/sample_plugin.py", "./plugins/a.txt"};
  EXPECT_EQ(
      dump(encode_scope(s)),
      R"({"kind":{"Folder":"plugins"},"paths":["./plugins/sample_plugin.py","./plugins/a.txt"],"resolved":true})");
}

TEST(ValueJsonEncode, Args) {
  std::vector<Value> args = {Value::floating(1.5), Value::boolean(true),
                             Value::list({Value::integer(1), Value::string("a")})};
  EXPECT_EQ(dump(encode_args(args)), R"([{"Float":1.5},true,{"List":[{"Int":1},{"String":"a"}]}])");
  EXPECT_EQ(dump(encode_args({})), "[]");
}

TEST(ValueJsonEncode, RoundTripsThroughDecode) {
  ScopeData lang;
  lang.kind = "module";
  lang.arg = "core";
  lang.paths = {"a/b.rs", "a/c.rs"};
  lang.language = "rust";
  std::vector<Value> values = {Value(),
                               Value::boolean(false),
                               Value::integer(std::numeric_limits<std::int64_t>::min()),
                               Value::floating(-0.25),
                               Value::string(""),
                               Value::list({Value::integer(3)}),
                               scope_value("Glob", "*.md", {"README.md"}),
                               Value::scope(lang)};
  for (const Value& v : values) {
    Result<Value> back = decode_value(encode_value(v));
    ASSERT_TRUE(back.ok()) << encode_value(v).dump();
    EXPECT_EQ(back.value(), v) << encode_value(v).dump();
  }
}

// ---- decoding values ------------------------------------------------------------------------------------------

TEST(ValueJsonDecode, RawForms) {
  EXPECT_TRUE(decode_ok("null").is_null());
  EXPECT_EQ(decode_ok("true"), Value::boolean(true));
  EXPECT_EQ(decode_ok("false"), Value::boolean(false));
  EXPECT_EQ(decode_ok("12"), Value::integer(12));
  EXPECT_EQ(decode_ok("-12"), Value::integer(-12));
  EXPECT_EQ(decode_ok("2.5"), Value::floating(2.5));
  EXPECT_EQ(decode_ok("18446744073709551615"), Value::floating(18446744073709551615.0));
  EXPECT_EQ(decode_ok(R"("hello")"), Value::string("hello"));
  EXPECT_EQ(decode_ok(R"([1,"a",null,[true]])"),
            Value::list({Value::integer(1), Value::string("a"), Value(), Value::list({Value::boolean(true)})}));
}

TEST(ValueJsonDecode, TaggedForms) {
  EXPECT_EQ(decode_ok(R"({"String":"x"})"), Value::string("x"));
  EXPECT_EQ(decode_ok(R"({"Int":42})"), Value::integer(42));
  EXPECT_EQ(decode_ok(R"({"Int":3.0})"), Value::integer(3));  // Python may write integral floats
  EXPECT_EQ(decode_ok(R"({"Float":1.5})"), Value::floating(1.5));
  EXPECT_EQ(decode_ok(R"({"Float":2})"), Value::floating(2.0));
  EXPECT_EQ(decode_ok(R"({"Bool":true})"), Value::boolean(true));
  EXPECT_EQ(decode_ok(R"({"List":[{"Int":1},"a",[2]]})"),
            Value::list({Value::integer(1), Value::string("a"), Value::list({Value::integer(2)})}));
}

TEST(ValueJsonDecode, TagsAreTestedInTheOlderToolsKeyOrder) {
  // "String" is tested before "Int", "Int" before "Float", ... whatever the object's own order.
  EXPECT_EQ(decode_ok(R"({"Int":1,"String":"s"})"), Value::string("s"));
  EXPECT_EQ(decode_ok(R"({"Float":1.5,"Int":2})"), Value::integer(2));
  EXPECT_EQ(decode_ok(R"({"Bool":true,"Float":1.5})"), Value::floating(1.5));
  EXPECT_EQ(decode_ok(R"({"List":[],"Bool":false})"), Value::boolean(false));
  EXPECT_EQ(decode_ok(R"({"Scope":{},"List":[]})"), Value::list({}));
}

TEST(ValueJsonDecode, WrongTypesInsideTagsAreErrors) {
  for (const char* text :
       {R"({"String":5})", R"({"Int":"5"})", R"({"Int":1.5})", R"({"Int":18446744073709551615})", R"({"Float":"x"})",
        R"({"Bool":1})", R"({"List":{}})", R"({"Scope":[]})", R"({"Other":1})", R"({})"}) {
    LibraryError e = decode_err(text);
    EXPECT_EQ(e.code, "E508") << text;
    EXPECT_NE(e.message.find("Cannot convert JSON to Value"), std::string::npos) << e.message;
  }
}

TEST(ValueJsonDecode, ScopeAsTheSamplePluginWritesIt) {
  Value v = decode_ok(
      R"({"Scope":{"kind":{"Folder":"plugins"},"paths":["./plugins/sample_plugin.py","./plugins/a.txt"],"resolved":true}})");
  ASSERT_TRUE(v.is_scope());
  EXPECT_EQ(v.as_scope().kind, "Folder");
  EXPECT_EQ(v.as_scope().arg, "plugins");
  EXPECT_EQ(v.as_scope().paths, (std::vector<std::string>{"plugins/a.txt", "plugins/sample_plugin.py"}));
  EXPECT_TRUE(v.as_scope().resolved);
  EXPECT_FALSE(v.as_scope().language.has_value());
}

TEST(ValueJsonDecode, ScopeDefaultsFollowTheOlderTool) {
  Value v = decode_ok(R"({"Scope":{"paths":["a.txt","a.txt","b//c.txt"]}})");
  ASSERT_TRUE(v.is_scope());
  EXPECT_EQ(v.as_scope().kind, "File");
  EXPECT_EQ(v.as_scope().arg, "");
  EXPECT_FALSE(v.as_scope().resolved);  // serde default
  EXPECT_EQ(v.as_scope().paths, (std::vector<std::string>{"a.txt", "b/c.txt"}));
  Value empty = decode_ok(R"({"Scope":{}})");
  EXPECT_TRUE(empty.as_scope().paths.empty());
}

TEST(ValueJsonDecode, ScopeLanguageAndSelectorTag) {
  Value v = decode_ok(
      R"({"Scope":{"kind":{"File":"module:x"},"language":"rust","paths":[],"resolved":true,"selector":{"kind":"module","arg":"x"}}})");
  EXPECT_EQ(v.as_scope().kind, "module");
  EXPECT_EQ(v.as_scope().arg, "x");
  EXPECT_EQ(v.as_scope().language, "rust");
  Value custom = decode_ok(R"({"Scope":{"kind":{"crate":"core"},"paths":[],"resolved":true}})");
  EXPECT_EQ(custom.as_scope().kind, "crate");
  EXPECT_EQ(custom.as_scope().arg, "core");
}

TEST(ValueJsonDecode, BadScopesAreErrors) {
  for (const char* text :
       {R"({"Scope":{"kind":"Folder"}})", R"({"Scope":{"kind":{"Folder":1}}})", R"({"Scope":{"kind":{}}})",
        R"({"Scope":{"paths":"a"}})", R"({"Scope":{"paths":[1]}})", R"({"Scope":{"resolved":"yes"}})",
        R"({"Scope":{"language":3}})", R"({"Scope":{"selector":{"kind":"m"}}})", R"({"Scope":{"paths":[""]}})",
        R"({"Scope":{"paths":["."]}})"}) {
    EXPECT_EQ(decode_err(text).code, "E508") << text;
  }
}

TEST(ValueJsonDecode, PathsOutsideTheWorkspaceAreRefused) {
  EXPECT_NE(decode_err(R"({"Scope":{"paths":["../etc/passwd"]}})").message.find("outside the workspace"),
            std::string::npos);
  EXPECT_NE(decode_err(R"({"Scope":{"paths":["/etc/passwd"]}})").message.find("absolute path"), std::string::npos);
  DecodeOptions options{"/work/ws"};
  EXPECT_NE(decode_err(R"({"Scope":{"paths":["/etc/passwd"]}})", options).message.find("outside the workspace"),
            std::string::npos);
  EXPECT_NE(decode_err(R"({"Scope":{"paths":["/work/ws"]}})", options).message.find("workspace root"),
            std::string::npos);
  EXPECT_NE(decode_err(R"({"Scope":{"paths":["/work/wsx/a"]}})", options).message.find("outside"), std::string::npos);
}

TEST(ValueJsonDecode, AbsolutePathsBelowTheWorkspaceBecomeRelative) {
  DecodeOptions options{"/work/ws"};
  Value v = decode_ok(R"({"Scope":{"paths":["/work/ws/src/a.py","/work/ws/./src/../b.py"],"resolved":true}})", options);
  EXPECT_EQ(v.as_scope().paths, (std::vector<std::string>{"b.py", "src/a.py"}));
}

TEST(ValueJsonDecode, ErrorObjectBecomesALibraryError) {
  Result<Value> r = decode_value(json::parse(R"({"error":{"code":"E777","message":"bad input"}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E777");
  EXPECT_EQ(r.error().message, "bad input");
  Result<Value> numeric = decode_value(json::parse(R"({"error":{"code":-32000,"message":"boom"}})"));
  ASSERT_FALSE(numeric.ok());
  EXPECT_EQ(numeric.error().code, "E-32000");
}

TEST(ValueJsonDecode, DeepNestingIsRefusedWithoutRecursion) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  json j = json::parse(deep);
  EXPECT_TRUE(json_nesting_exceeds(j, kMaxJsonNesting));
  EXPECT_EQ(decode_value(j).error().code, "E508");
  EXPECT_EQ(decode_check_outcome(j).error().code, "E509");
  EXPECT_EQ(json_excerpt(j), "[… deeply nested …]");
  std::string ok(kMaxJsonNesting, '[');
  ok += std::string(kMaxJsonNesting, ']');
  EXPECT_TRUE(decode_value(json::parse(ok)).ok());
}

TEST(ValueJsonDecode, ExcerptsAreCut) {
  json big = std::string(1000, 'x');
  std::string text = json_excerpt(big, 20);
  EXPECT_EQ(text, "\"xxxxxxxxxxxxxxxxxxx…");
  EXPECT_EQ(json_excerpt(json::parse(R"({"a":1})")), R"({"a":1})");
}

// ---- decoding check results -----------------------------------------------------------------------------------

TEST(CheckOutcomeJson, PassForms) {
  for (const char* text : {R"({"Pass":null})", R"({"Pass":{}})", R"({"result":"pass"})", R"("pass")", R"("ok")",
                           R"("true")", R"("PASS")", R"("Ok")"}) {
    EXPECT_EQ(check_ok(text).status, CheckOutcome::Status::Pass) << text;
  }
}

TEST(CheckOutcomeJson, FailForms) {
  CheckOutcome a = check_ok(R"({"Fail":"too many files"})");
  EXPECT_EQ(a.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(a.message, "too many files");
  EXPECT_EQ(check_ok(R"({"Fail":null})").message, "Check failed");
  EXPECT_EQ(check_ok(R"({"Fail":42})").message, "42");
  CheckOutcome r = check_ok(R"({"result":"fail","message":"nope"})");
  EXPECT_EQ(r.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(r.message, "nope");
  EXPECT_EQ(check_ok(R"({"result":"fail"})").message, "Check failed");
  EXPECT_EQ(check_ok(R"("fail")").message, "Check failed");
  EXPECT_EQ(check_ok(R"("false")").message, "Check failed");
  CheckOutcome other = check_ok(R"("3 files too many")");
  EXPECT_EQ(other.status, CheckOutcome::Status::Fail);
  EXPECT_EQ(other.message, "3 files too many");
}

TEST(CheckOutcomeJson, ErrorForms) {
  CheckOutcome a = check_ok(R"({"Error":"First argument must be a scope"})");
  EXPECT_EQ(a.status, CheckOutcome::Status::Error);
  EXPECT_EQ(a.message, "First argument must be a scope");
  CheckOutcome r = check_ok(R"({"result":"error","message":"broken"})");
  EXPECT_EQ(r.status, CheckOutcome::Status::Error);
  EXPECT_EQ(r.message, "broken");
  EXPECT_EQ(check_ok(R"({"result":"error"})").message, "Check error");
  Result<CheckOutcome> e = decode_check_outcome(json::parse(R"({"error":{"code":"E42","message":"m"}})"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "E42");
}

TEST(CheckOutcomeJson, OrderPassBeforeFailBeforeError) {
  EXPECT_EQ(check_ok(R"({"Fail":"x","Pass":null})").status, CheckOutcome::Status::Pass);
  EXPECT_EQ(check_ok(R"({"Error":"x","Fail":"y"})").status, CheckOutcome::Status::Fail);
  EXPECT_EQ(check_ok(R"({"result":"fail","Error":"e"})").status, CheckOutcome::Status::Error);
}

TEST(CheckOutcomeJson, Evidence) {
  CheckOutcome c = check_ok(
      R"({"Fail":"long files","evidence":[{"file":"./src/a.py","line":3,"message":"300 lines"},{"file":"b.py"}]})");
  ASSERT_EQ(c.evidence.size(), 2u);
  EXPECT_EQ(c.evidence[0].file, "src/a.py");
  EXPECT_EQ(c.evidence[0].line, 3u);
  EXPECT_EQ(c.evidence[0].message, "300 lines");
  EXPECT_EQ(c.evidence[1].file, "b.py");
  EXPECT_EQ(c.evidence[1].line, 0u);
  CheckOutcome r = check_ok(R"({"result":"fail","message":"m","evidence":[{"file":"x","line":null}]})");
  ASSERT_EQ(r.evidence.size(), 1u);
}

TEST(CheckOutcomeJson, BadEvidenceIsAnError) {
  for (const char* text :
       {R"({"Fail":"m","evidence":{}})", R"({"Fail":"m","evidence":[{"line":1}]})",
        R"({"Fail":"m","evidence":[{"file":"a","line":-1}]})", R"({"Fail":"m","evidence":[{"file":"a","line":"3"}]})",
        R"({"Fail":"m","evidence":[{"file":"a","message":5}]})", R"({"Fail":"m","evidence":[{"file":"../a"}]})"}) {
    EXPECT_EQ(check_err(text).code, "E509") << text;
  }
}

TEST(CheckOutcomeJson, EverythingElseIsE509) {
  for (const char* text : {"true", "false", "null", "1", "[]", R"({"result":"maybe"})", R"({"Other":1})"}) {
    LibraryError e = check_err(text);
    EXPECT_EQ(e.code, "E509") << text;
    EXPECT_NE(e.message.find("Cannot convert JSON to CheckResult"), std::string::npos);
  }
}

// ---- self-descriptions ----------------------------------------------------------------------------------------

TEST(LibraryDocJson, LibraryDescribeFormat) {
  Result<LibraryDoc> r = decode_library_doc(json::parse(R"json({
    "name": "stats", "version": "2.0.0", "description": "File statistics",
    "capabilities": ["fs.read"],
    "functions": [
      {"name": "by_ext", "kind": "selector", "description": "files by extension",
       "parameters": [{"name": "ext", "type": "string", "description": "the extension"}],
       "return_type": "scope", "example": "stats.by_ext('py')"},
      {"name": "max_lines", "kind": "check",
       "parameters": [{"name": "scope", "type": "Scope"}, {"name": "limit", "type": "int"},
                      {"name": "more", "type": "any", "variadic": true}]}
    ]})json"),
                                            "fallback");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const LibraryDoc& doc = r.value();
  EXPECT_EQ(doc.name, "stats");
  EXPECT_EQ(doc.version, "2.0.0");
  EXPECT_EQ(doc.description, "File statistics");
  EXPECT_TRUE(doc.self_described);
  ASSERT_EQ(doc.functions.size(), 2u);
  EXPECT_EQ(doc.functions[0].name, "by_ext");
  EXPECT_EQ(doc.functions[0].kind, FunctionKind::Selector);
  EXPECT_EQ(doc.functions[0].return_type, "scope");
  EXPECT_EQ(doc.functions[0].example, "stats.by_ext('py')");
  ASSERT_EQ(doc.functions[0].params.size(), 1u);
  EXPECT_EQ(doc.functions[0].params[0].type, "string");
  EXPECT_EQ(doc.functions[0].params[0].description, "the extension");
  EXPECT_EQ(doc.functions[1].kind, FunctionKind::Check);
  ASSERT_EQ(doc.functions[1].params.size(), 3u);
  EXPECT_EQ(doc.functions[1].params[0].type, "scope");
  EXPECT_EQ(doc.functions[1].params[1].type, "integer");
  EXPECT_TRUE(doc.functions[1].params[2].variadic);
  EXPECT_FALSE(doc.functions[1].example.has_value());
}

TEST(LibraryDocJson, OlderFormatWithSeparateChecksAndParamType) {
  Result<LibraryDoc> r = decode_library_doc(json::parse(R"({
    "functions": [{"name": "simple_selector", "parameters": [{"name": "path", "param_type": "String"}]}],
    "checks": [{"name": "file_count_check", "parameters": [{"name": "scope", "type": "scope"}, {"name": "max"}],
                "example": null}]})"),
                                            "sample");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().name, "sample");
  EXPECT_EQ(r.value().version, "0.1.0");
  ASSERT_EQ(r.value().functions.size(), 2u);
  EXPECT_EQ(r.value().functions[0].kind, FunctionKind::Selector);
  EXPECT_EQ(r.value().functions[0].params[0].type, "string");
  EXPECT_EQ(r.value().functions[1].kind, FunctionKind::Check);
  EXPECT_EQ(r.value().functions[1].params[1].type, "any");  // missing type
}

TEST(LibraryDocJson, AliasesOfTypes) {
  const std::pair<const char*, const char*> cases[] = {
      {"float", "number"}, {"Number", "number"}, {"bool", "boolean"},    {"str", "string"},
      {"array", "list"},   {"List", "list"},     {"Integer", "integer"}, {"", "any"}};
  for (const auto& [raw, expected] : cases) {
    json doc = {{"functions", {{{"name", "f"}, {"parameters", {{{"name", "p"}, {"type", raw}}}}}}}};
    Result<LibraryDoc> r = decode_library_doc(doc, "x");
    ASSERT_TRUE(r.ok()) << raw;
    EXPECT_EQ(r.value().functions[0].params[0].type, expected) << raw;
  }
}

TEST(LibraryDocJson, InvalidDescriptionsAreE524) {
  for (const char* text :
       {R"([])", R"({"name":3})", R"({"functions":{}})", R"({"functions":[{"kind":"check"}]})",
        R"({"functions":[{"name":"f","kind":"macro"}]})", R"({"checks":[{"name":"f","kind":"selector"}]})",
        R"({"functions":[{"name":"f","parameters":[{"name":"p","type":"path"}]}]})",
        R"({"functions":[{"name":"f","parameters":[{"type":"string"}]}]})",
        R"({"functions":[{"name":"f","parameters":[{"name":"a","variadic":true},{"name":"b"}]}]})",
        R"({"functions":[{"name":"f","parameters":{}}]})", R"({"functions":[{"name":"f","description":1}]})"}) {
    Result<LibraryDoc> r = decode_library_doc(json::parse(text), "x");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, "E524") << text;
    EXPECT_NE(r.error().message.find("Invalid self-description"), std::string::npos);
  }
}

}  // namespace
}  // namespace hie::library
