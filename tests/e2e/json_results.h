// Reading `hie check --format json` documents in end-to-end tests.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace hie::e2e {

// The result of `check` on `element` in a results document, or null.
template <typename Json>
const Json* find_result(const Json& doc, const std::string& element, const std::string& check) {
  for (const Json& result : doc["results"]) {
    if (result["element"] == element && result["check"] == check) return &result;
  }
  return nullptr;
}

// The `index`-th result (0: the first) of the checks in `element`, or null.
template <typename Json>
const Json* find_result(const Json& doc, const std::string& element, std::size_t index = 0) {
  if (!doc.contains("results")) return nullptr;
  for (const auto& result : doc["results"]) {
    if (result.value("element", "") != element) continue;
    if (index-- == 0) return &result;
  }
  return nullptr;
}

}  // namespace hie::e2e
