// Binary encoding of a language's resolved edges for the fact cache. Targets that are files of the store are
// written as their position, so reading them back copies a path instead of parsing one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/fact_cache.h"

namespace hie::graph {

// `lists[i]` holds the edges of `files[i]`. Per file a length-prefixed record (so that they decode in parallel):
// the number of edges, then per edge its line, its target (0: external, k <= files.size(): files[k - 1], else a
// path follows), module, kind and type_only.
std::string encode_edge_lists(const EdgeLists& lists, const std::vector<CachedFile>& files);
// The inverse, on `jobs` threads; `from` becomes each file's path and `language` the given one. False on damaged
// bytes.
bool decode_edge_lists(std::string_view bytes, const std::vector<CachedFile>& files, std::string_view language,
                       EdgeLists* lists, unsigned jobs = 1);

}  // namespace hie::graph
