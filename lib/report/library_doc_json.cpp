#include "report/library_doc_json.h"

#include "report/json_common.h"

namespace hie::report {
namespace {

Json function_json(const std::string& library, const library::FunctionDoc& function) {
  Json out = Json::object();
  out["name"] = function.name;
  out["qualified_name"] = library + "." + function.name;
  out["kind"] = function.kind == library::FunctionKind::Selector ? "selector" : "check";
  out["description"] = function.description;
  Json parameters = Json::array();
  for (const auto& param : function.params) {
    Json p = Json::object();
    p["name"] = param.name;
    p["type"] = param.type;
    p["description"] = param.description;
    if (param.variadic) p["variadic"] = true;
    parameters.push_back(std::move(p));
  }
  out["parameters"] = std::move(parameters);
  out["return_type"] = function.return_type.empty() ? Json(nullptr) : Json(function.return_type);
  out["example"] = function.example ? Json(*function.example) : Json(nullptr);
  return out;
}

}  // namespace

std::string render_library_doc_json(const std::vector<DocumentedLibrary>& libraries) {
  Json doc = Json::object();
  doc["version"] = "1.0";
  Json list = Json::array();
  for (const auto& library : libraries) {
    Json entry = Json::object();
    entry["name"] = library.name;
    entry["kind"] = library.kind;
    if (library.doc) {
      entry["version"] = library.doc->version;
      entry["description"] = library.doc->description;
      entry["self_described"] = library.doc->self_described;
      Json functions = Json::array();
      for (const auto& function : library.doc->functions) functions.push_back(function_json(library.name, function));
      entry["functions"] = std::move(functions);
    } else if (library.error) {
      Json error = Json::object();
      error["code"] = library.error->code;
      error["message"] = library.error->message;
      entry["error"] = std::move(error);
    }
    list.push_back(std::move(entry));
  }
  doc["libraries"] = std::move(list);
  return dump_json(doc);
}

}  // namespace hie::report
