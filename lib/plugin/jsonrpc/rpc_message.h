// JSON-RPC 2.0 messages as lines: requests byte-compatible with the older tool, and the reading of response lines.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hie::plugin::jsonrpc {

// `{"jsonrpc":"2.0","method":M,"params":P,"id":N}`: top-level keys in this fixed order (the older tool's struct
// order), `params` with sorted keys (nlohmann::json, like serde_json without preserve_order). No trailing newline.
// Invalid UTF-8 in strings is replaced by U+FFFD rather than failing the request.
std::string encode_request_line(std::string_view method, const nlohmann::json& params, std::uint64_t id);

struct RpcError {
  std::int64_t code = 0;
  std::string message;
};

// One line read from a plugin's stdout.
struct ResponseLine {
  enum class Kind {
    Response,     // a JSON object with an unsigned integer "id" and no "method" (a "result" or "error" or neither)
    NotJson,      // not JSON at all (a stray print)
    NotResponse,  // JSON, but not a response (no id, id not a number, a request or notification, ...)
  };
  Kind kind = Kind::NotJson;
  std::uint64_t id = 0;
  bool has_result = false;
  nlohmann::json result;          // when has_result (may be null)
  std::optional<RpcError> error;  // "error" wins over "result", as in the older tool
  std::string problem;            // why the line is not a response, or why its error object is malformed
};

ResponseLine parse_response_line(std::string_view line);

}  // namespace hie::plugin::jsonrpc
