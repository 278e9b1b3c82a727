// Stable identities of check results (baselines, SARIF partialFingerprints): never line numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hie::eval {

// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

// 16 lowercase hex digits of `hash`, the textual form of every fingerprint.
std::string hex16(std::uint64_t hash);

// 16 lowercase hex digits of FNV-1a over the element path, the origin and the check text with its whitespace
// normalized (sema::normalize_text), separated by U+001F. Moving a check to another line keeps its fingerprint;
// reformatting `f(a,b)` as `f( a, b )` does too.
std::string fingerprint(std::string_view element, std::string_view origin, std::string_view check_text);

}  // namespace hie::eval
