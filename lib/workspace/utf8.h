// UTF-8 well-formedness, as the text checks and the language tokenizers need to know it.
#pragma once

#include <cstddef>
#include <string_view>

namespace hie::workspace {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Byte offset of the first byte that is not part of a well-formed sequence; text.size() when there is none.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace hie::workspace
