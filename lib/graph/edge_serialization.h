// Binary encoding of a language's resolved edges for the fact cache. Targets that are files of the store are
// written as their position, so reading them back copies a path instead of parsing one.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/fact_cache.h"

namespace hie::graph {

// `lists[i]` holds the edges of `files[i]`. Per file a length-prefixed record (so that they decode in parallel):
// the number of edges, then per edge its line, its target (0: external, k <= files.size(): files[k - 1], else a
// path follows), module, kind and type_only.
std::string encode_edge_lists(const EdgeLists& lists, const std::vector<CachedFile>& files);
// The inverse, on `jobs` threads. `paths[i]` is the path of `files[i]`: each edge's `from` and its target refer to
// them, its module and kind to `bytes`; the lists keep `paths` and `bytes_owner` (which keeps `bytes`) alive.
// False on damaged bytes.
bool decode_edge_lists(std::string_view bytes, std::shared_ptr<const void> bytes_owner,
                       std::shared_ptr<const std::vector<std::string>> paths, std::string_view language,
                       EdgeLists* lists, unsigned jobs = 1);

}  // namespace hie::graph
