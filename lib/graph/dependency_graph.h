// File-level dependency edges extracted by language libraries, and the union graph that connection rules query.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/text_ref.h"

namespace hie::graph {

// `from` imports/includes/uses `to` at `line`. An edge refers to its texts, it does not own them: they belong to
// whoever produced it (a LanguageIndex keeps them, with the edge lists, for the whole run), so an edge is cheap to
// build and copy and must not outlive its producer.
struct DependencyEdge {
  TextRef from;               // workspace-relative file
  std::uint32_t line = 0;     // 1-based line in `from`
  std::optional<TextRef> to;  // workspace-relative file, or nullopt for an external module
  TextRef module;             // the module as written in the source ("a.b", "crate::x", "<vector>")
  TextRef kind;               // "import", "from", "use", "mod", "include", ...
  bool type_only = false;     // an import only for type checking (python: under `if TYPE_CHECKING:`)
  TextRef language;           // "python", "rust", ...
};

// A source of edges for the files of one language. Implemented by the language libraries (stdlib/python, ...).
class DependencyProvider {
 public:
  virtual ~DependencyProvider() = default;
  virtual std::string_view language() const = 0;
  // True when this provider understands `file` (by extension or content); its edges are then authoritative.
  virtual bool handles(std::string_view file) const = 0;
  // Outgoing edges of `file`, sorted by line. Called only for files it handles. Thread-safe.
  virtual std::vector<DependencyEdge> edges_from(std::string_view file) const = 0;
  // The same edges where the provider keeps them for the whole run (checks over tens of thousands of files then
  // read them in place instead of copying), or null when it does not: callers then use edges_from(). Thread-safe.
  virtual const std::vector<DependencyEdge>* stored_edges(std::string_view /*file*/) const { return nullptr; }
};

// The union of all providers. A file no provider handles has "no dependency information": connection rules that
// need it report so instead of silently passing.
class DependencyGraph {
 public:
  void add_provider(std::shared_ptr<const DependencyProvider> provider);
  bool covers(std::string_view file) const;
  std::vector<DependencyEdge> edges_from(std::string_view file) const;
  bool empty() const { return providers_.empty(); }

 private:
  std::vector<std::shared_ptr<const DependencyProvider>> providers_;
};

}  // namespace hie::graph
