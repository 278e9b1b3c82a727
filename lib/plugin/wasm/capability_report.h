// Comparing the capabilities a WASM plugin asks for (library_describe "capabilities") with the configured grants,
// and the hielements.toml line that grants them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "library/library_entry.h"

namespace hie::plugin::wasm {

// Capability names: "fs.read", "env" (alias "env_access"), "clock", "random", "library:NAME" (alias "libraries.NAME").
// nullopt when everything requested is granted; else a warning (without the library name, which the caller adds) naming the missing capabilities and the complete
// `capabilities = { … }` line to put under [libraries.NAME] (the existing grants merged with the missing ones).
// Unknown names are listed in the warning too.
std::optional<std::string> missing_capabilities_warning(const library::LibraryEntry& entry,
                                                        const std::vector<std::string>& requested);

}  // namespace hie::plugin::wasm
