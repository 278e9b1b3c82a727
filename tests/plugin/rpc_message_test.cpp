// Tests of JSON-RPC request lines (byte-compatible with the older tool's captures) and response-line reading.
#include "plugin/jsonrpc/rpc_message.h"

#include <gtest/gtest.h>

#include "library/value_json.h"

namespace hie::plugin::jsonrpc {
namespace {

using library::Value;
using nlohmann::json;

json params(const json& args, const char* function) {
  json p = json::object();
  p["args"] = args;
  p["function"] = function;
  p["workspace"] = ".";
  return p;
}

// The verbatim captures of OLDER-TOOL.md §7.2.
TEST(RequestLine, MatchesTheOlderToolsCaptures) {
  std::vector<Value> selector_args = {Value::string("plugins")};
  EXPECT_EQ(encode_request_line("library.call", params(library::encode_args(selector_args), "simple_selector"), 1),
            R"({"jsonrpc":"2.0","method":"library.call","params":{"args":[{"String":"plugins"}],)"
            R"("function":"simple_selector","workspace":"."},"id":1})");

  // The capture's scope lists paths in os.walk order; hie's scopes are sorted, so the scope object is built from
  // ScopeData directly to compare the framing byte for byte.
  library::ScopeData scope;
  scope.kind = "Folder";
  scope.arg = "plugins";
  scope.paths = {"./plugins/sample_plugin.py", "./plugins/a.txt"};
  json check_args =
      json::array({json::object({{"Scope", library::encode_scope(scope)}}), library::encode_value(Value::integer(10))});
  EXPECT_EQ(encode_request_line("library.check", params(check_args, "file_count_check"), 3),
            R"({"jsonrpc":"2.0","method":"library.check","params":{"args":[{"Scope":{"kind":{"Folder":"plugins"},)"
            R"("paths":["./plugins/sample_plugin.py","./plugins/a.txt"],"resolved":true}},{"Int":10}],)"
            R"("function":"file_count_check","workspace":"."},"id":3})");

  std::vector<Value> mixed = {Value::floating(1.5), Value::boolean(true),
                              Value::list({Value::integer(1), Value::string("a")})};
  EXPECT_EQ(encode_request_line("library.check", params(library::encode_args(mixed), "nope"), 6),
            R"({"jsonrpc":"2.0","method":"library.check","params":{"args":[{"Float":1.5},true,)"
            R"({"List":[{"Int":1},{"String":"a"}]}],"function":"nope","workspace":"."},"id":6})");

  EXPECT_EQ(encode_request_line("library.doc", json::object(), 1),
            R"({"jsonrpc":"2.0","method":"library.doc","params":{},"id":1})");
}

TEST(RequestLine, InitializeAndInvalidUtf8) {
  json p = {{"hie_version", "0.1.0"}, {"config", {{"threshold", "10"}}}};
  EXPECT_EQ(encode_request_line("library.initialize", p, 1),
            R"({"jsonrpc":"2.0","method":"library.initialize","params":{"config":{"threshold":"10"},)"
            R"("hie_version":"0.1.0"},"id":1})");
  json bad = {{"s", std::string("a\xff")}};
  EXPECT_EQ(encode_request_line("m", bad, 2),
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"a\xEF\xBF\xBD\"},\"id\":2}");
}

TEST(ResponseLine, Responses) {
  ResponseLine ok = parse_response_line(R"({"jsonrpc":"2.0","result":{"Pass":null},"id":7})");
  EXPECT_EQ(ok.kind, ResponseLine::Kind::Response);
  EXPECT_EQ(ok.id, 7u);
  EXPECT_TRUE(ok.has_result);
  EXPECT_EQ(ok.result, json::parse(R"({"Pass":null})"));
  EXPECT_FALSE(ok.error.has_value());

  ResponseLine null_result = parse_response_line(R"({"jsonrpc":"2.0","result":null,"id":1})");
  EXPECT_TRUE(null_result.has_result);
  EXPECT_TRUE(null_result.result.is_null());

  ResponseLine missing = parse_response_line(R"({"jsonrpc":"2.0","id":1})");
  EXPECT_EQ(missing.kind, ResponseLine::Kind::Response);
  EXPECT_FALSE(missing.has_result);

  ResponseLine error =
      parse_response_line(R"({"jsonrpc":"2.0","error":{"code":-32000,"message":"boom"},"result":1,"id":2})");
  ASSERT_TRUE(error.error.has_value());
  EXPECT_EQ(error.error->code, -32000);
  EXPECT_EQ(error.error->message, "boom");
  EXPECT_TRUE(error.problem.empty());

  ResponseLine bad_error = parse_response_line(R"({"error":"boom","id":2})");
  ASSERT_TRUE(bad_error.error.has_value());
  EXPECT_FALSE(bad_error.problem.empty());
}

TEST(ResponseLine, NonResponses) {
  EXPECT_EQ(parse_response_line("hello world").kind, ResponseLine::Kind::NotJson);
  EXPECT_EQ(parse_response_line("").kind, ResponseLine::Kind::NotJson);
  EXPECT_EQ(parse_response_line("{broken").kind, ResponseLine::Kind::NotJson);
  for (const char* text : {"[1,2]", "3", R"({"result":1})", R"({"result":1,"id":null})", R"({"result":1,"id":"1"})",
                           R"({"result":1,"id":-1})", R"({"result":1,"id":1.5})",
                           R"({"jsonrpc":"2.0","method":"log","params":{},"id":1})"}) {
    ResponseLine r = parse_response_line(text);
    EXPECT_EQ(r.kind, ResponseLine::Kind::NotResponse) << text;
    EXPECT_FALSE(r.problem.empty()) << text;
  }
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  EXPECT_EQ(parse_response_line(deep).kind, ResponseLine::Kind::NotResponse);
}

}  // namespace
}  // namespace hie::plugin::jsonrpc
