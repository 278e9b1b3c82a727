#include "library/registry.h"

namespace hie::library {

void LibraryRegistry::add(std::unique_ptr<Library> lib) {
  std::string name(lib->name());
  failures_.erase(name);
  libraries_[std::move(name)] = std::move(lib);
}

void LibraryRegistry::add_failed(std::string name, LibraryError error) {
  libraries_.erase(name);
  failures_[std::move(name)] = std::move(error);
}

Library* LibraryRegistry::find(std::string_view name) const {
  auto found = libraries_.find(name);
  return found == libraries_.end() ? nullptr : found->second.get();
}

const LibraryError* LibraryRegistry::failure(std::string_view name) const {
  auto found = failures_.find(name);
  return found == failures_.end() ? nullptr : &found->second;
}

std::vector<std::string> LibraryRegistry::names() const {
  std::vector<std::string> names;
  names.reserve(libraries_.size() + failures_.size());
  // Both maps are sorted and disjoint (add/add_failed remove the name from the other map): merge them.
  auto lib = libraries_.begin();
  auto failed = failures_.begin();
  while (lib != libraries_.end() || failed != failures_.end()) {
    if (failed == failures_.end() || (lib != libraries_.end() && lib->first < failed->first)) {
      names.push_back((lib++)->first);
    } else {
      names.push_back((failed++)->first);
    }
  }
  return names;
}

}  // namespace hie::library
