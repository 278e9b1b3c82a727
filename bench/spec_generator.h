// A generator of large, realistic `.hie` specs in memory, for benchmarks.
#pragma once

#include <cstdint>
#include <string>

namespace hie::bench {

// A syntactically valid spec of exactly `lines` lines (each ending in '\n'): imports and language declarations,
// then repeating units of patterns with requirements, elements nested in brace and indentation blocks (mixed),
// scopes, refs, `uses`, checks with calls and lists, doc comments, `#` and `###` comments. Deterministic.
std::string generate_spec(std::uint32_t lines);

}  // namespace hie::bench
