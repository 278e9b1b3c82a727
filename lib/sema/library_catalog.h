// What validation knows about libraries: which names are registered and how each one describes itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "library/library.h"
#include "library/library_doc.h"
#include "library/registry.h"

namespace hie::sema {

class LibraryCatalog {
 public:
  virtual ~LibraryCatalog() = default;
  // True when a library of that name is registered (loaded, or failed to load).
  virtual bool exists(std::string_view name) = 0;
  // The self-description of a loaded library, or nullptr when the library failed to load or does not describe
  // itself (`why_not` then says why; empty for a failed library, whose failure is reported at run time).
  virtual const library::LibraryDoc* describe(std::string_view name, std::string& why_not) = 0;
  // Registered names, sorted (for "did you mean").
  virtual std::vector<std::string> names() = 0;
};

// The catalog of a real registry: asks each library to describe itself on first use and remembers the answer.
class RegistryCatalog final : public LibraryCatalog {
 public:
  RegistryCatalog(library::LibraryRegistry& registry, library::CallContext& context)
      : registry_(registry), context_(context) {}

  bool exists(std::string_view name) override { return registry_.contains(name); }
  const library::LibraryDoc* describe(std::string_view name, std::string& why_not) override;
  std::vector<std::string> names() override { return registry_.names(); }

 private:
  struct Entry {
    std::optional<library::LibraryDoc> doc;
    std::string why_not;
  };
  library::LibraryRegistry& registry_;
  library::CallContext& context_;
  std::map<std::string, Entry, std::less<>> cache_;
};

}  // namespace hie::sema
