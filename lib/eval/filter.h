// `--filter`: which element paths are selected.
#pragma once

#include <string_view>

namespace hie::eval {

// True when `path` is selected by `filter`: empty selects everything; a filter with `*` or `?` is a glob over
// the whole path (`*` any run of characters including dots, `?` exactly one); any other filter is a substring
// test, as in the older tool (`core.lexer` also selects `x.core.lexer_y`).
bool filter_matches(std::string_view filter, std::string_view path);

}  // namespace hie::eval
