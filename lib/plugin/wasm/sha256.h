// SHA-256 of a byte string as lowercase hex, for the `sha256 = "…"` pin of plugin libraries.
#pragma once

#include <string>
#include <string_view>

namespace hie::plugin::wasm {

std::string sha256_hex(std::string_view bytes);

}  // namespace hie::plugin::wasm
