// JSON building blocks shared by the JSON renderers: span objects and deterministic pretty-printing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "syntax/span.h"

namespace hie::report {

// Key order is part of the output contract, so every renderer builds ordered objects.
using Json = nlohmann::ordered_json;

// `{"line": L, "column": C, "offset": O}`
Json position_to_json(const syntax::Position& position);
// `{"start": {...}, "end": {...}}` as in the older tool's documents.
Json span_to_json(const syntax::Span& span);

// Pretty-printed with a 2-space indent and a final newline. Invalid UTF-8 in strings (spec files may contain it,
// see E020) is written as U+FFFD instead of throwing, so rendering never fails.
std::string dump_json(const Json& json);

}  // namespace hie::report
