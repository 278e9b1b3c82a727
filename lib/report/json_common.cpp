#include "report/json_common.h"

namespace hie::report {

Json position_to_json(const syntax::Position& position) {
  Json json = Json::object();
  json["line"] = position.line;
  json["column"] = position.column;
  json["offset"] = position.offset;
  return json;
}

Json span_to_json(const syntax::Span& span) {
  Json json = Json::object();
  json["start"] = position_to_json(span.start);
  json["end"] = position_to_json(span.end);
  return json;
}

std::string dump_json(const Json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace hie::report
