#include "sema/library_catalog.h"

namespace hie::sema {

const library::LibraryDoc* RegistryCatalog::describe(std::string_view name, std::string& why_not) {
  auto it = cache_.find(name);
  if (it == cache_.end()) {
    Entry entry;
    if (library::Library* lib = registry_.find(name)) {
      auto described = lib->describe(context_);
      if (!described.ok()) {
        entry.why_not = described.error().message;
      } else if (!described.value().self_described) {
        entry.why_not = "it does not answer library.doc";
      } else {
        entry.doc = std::move(described).value();
      }
    }
    it = cache_.emplace(std::string(name), std::move(entry)).first;
  }
  why_not = it->second.why_not;
  return it->second.doc ? &*it->second.doc : nullptr;
}

}  // namespace hie::sema
