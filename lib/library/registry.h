// The library registry: name -> Library, for built-ins and configured plugins; deterministic (sorted) iteration.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "library/library.h"

namespace hie::library {

class LibraryRegistry {
 public:
  // Adds or replaces the library registered under lib->name().
  void add(std::unique_ptr<Library> lib);
  // Registers a name whose library could not be loaded: every use of it reports `error`.
  void add_failed(std::string name, LibraryError error);

  Library* find(std::string_view name) const;
  // The load error of a failed library, if `name` is one.
  const LibraryError* failure(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr || failure(name) != nullptr; }
  std::vector<std::string> names() const;  // sorted, loaded and failed

 private:
  std::map<std::string, std::unique_ptr<Library>, std::less<>> libraries_;
  std::map<std::string, LibraryError, std::less<>> failures_;
};

}  // namespace hie::library
