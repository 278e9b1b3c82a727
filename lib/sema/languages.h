// Languages known without a `language` declaration (those of the built-in language libraries).
#pragma once

#include <string_view>
#include <vector>

namespace hie::sema {

const std::vector<std::string_view>& builtin_languages();  // sorted
bool is_builtin_language(std::string_view name);

}  // namespace hie::sema
