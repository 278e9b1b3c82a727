#include "plugin/jsonrpc/rpc_message.h"

#include <fmt/format.h>

#include "library/value_json.h"

namespace hie::plugin::jsonrpc {

using nlohmann::json;

std::string encode_request_line(std::string_view method, const json& params, std::uint64_t id) {
  auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  std::string line = R"({"jsonrpc":"2.0","method":)";
  line += dump(json(std::string(method)));
  line += R"(,"params":)";
  line += dump(params);
  line += R"(,"id":)";
  line += std::to_string(id);
  line += '}';
  return line;
}

ResponseLine parse_response_line(std::string_view line) {
  ResponseLine out;
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    out.kind = ResponseLine::Kind::NotJson;
    out.problem = "not JSON";
    return out;
  }
  out.kind = ResponseLine::Kind::NotResponse;
  if (library::json_nesting_exceeds(j, library::kMaxJsonNesting)) {
    out.problem = "JSON nested too deeply";
    return out;
  }
  if (!j.is_object()) {
    out.problem = "not a JSON object";
    return out;
  }
  if (j.contains("method")) {
    out.problem = "a request or notification, not a response";
    return out;
  }
  auto id = j.find("id");
  if (id == j.end() || !id->is_number_unsigned()) {
    out.problem = id == j.end() ? "no \"id\"" : "\"id\" is not a request number";
    return out;
  }
  auto result = j.find("result");
  auto error = j.find("error");
  out.kind = ResponseLine::Kind::Response;
  out.id = id->get<std::uint64_t>();
  if (error != j.end() && !error->is_null()) {
    RpcError e;
    if (error->is_object() && error->contains("code") && (*error)["code"].is_number_integer()) {
      e.code = (*error)["code"].get<std::int64_t>();
    } else {
      out.problem = "malformed \"error\" object: " + library::json_excerpt(*error);
      e.code = -32603;  // JSON-RPC "internal error": the best description of a plugin that cannot say what failed
    }
    if (error->is_object() && error->contains("message") && (*error)["message"].is_string()) {
      e.message = (*error)["message"].get<std::string>();
    } else if (out.problem.empty()) {
      out.problem = "malformed \"error\" object: " + library::json_excerpt(*error);
    }
    out.error = std::move(e);
    return out;
  }
  if (result != j.end()) {
    out.has_result = true;
    out.result = std::move(*result);
  }
  return out;
}

}  // namespace hie::plugin::jsonrpc
