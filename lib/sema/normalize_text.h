// Whitespace normalization of source texts (checks compared in requirement bodies, fingerprints).
#pragma once

#include <string>
#include <string_view>

namespace hie::sema {

// Collapses every run of whitespace (spaces, tabs, newlines) outside string literals to one space, removes it
// next to brackets, commas and dots, and trims both ends: `f( a,  b )` and `f(a, b)` give the same text.
std::string normalize_text(std::string_view text);

}  // namespace hie::sema
