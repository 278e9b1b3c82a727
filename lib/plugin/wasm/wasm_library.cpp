// TEMPORARY scaffold so that the loader compiles while the WASM host is written (replaced by the WASM host work).
#include "plugin/wasm/wasm_library.h"

namespace hie::plugin::wasm {

library::Result<std::unique_ptr<library::Library>> load_wasm_library(const library::LibraryEntry& entry,
                                                                     const WasmHostOptions&) {
  return library::LibraryError{"E600", "library '" + entry.name + "': the WASM host is not built yet"};
}

}  // namespace hie::plugin::wasm
