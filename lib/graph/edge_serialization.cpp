#include "graph/edge_serialization.h"

#include <algorithm>
#include <atomic>

#include "graph/fact_serialization.h"
#include "graph/parallel_slices.h"
#include "graph/text_arena.h"

namespace hie::graph {
namespace {

void write_edges(ByteWriter& out, const std::vector<DependencyEdge>& edges, const std::vector<CachedFile>& files) {
  out.varint(edges.size());
  for (const DependencyEdge& edge : edges) {
    out.varint(edge.line);
    if (!edge.to) {
      out.varint(0);
    } else {
      const std::string_view to = *edge.to;
      auto found = std::lower_bound(files.begin(), files.end(), to,
                                    [](const CachedFile& file, std::string_view path) { return file.path < path; });
      if (found != files.end() && found->path == to) {
        out.varint(static_cast<std::uint64_t>(found - files.begin()) + 1);
      } else {
        out.varint(files.size() + 1);
        out.str(to);
      }
    }
    out.str(edge.module);
    out.str(edge.kind);
    out.u8(edge.type_only ? 1 : 0);
  }
}

// Decoding builds no string: every text of an edge refers to `paths` or to the record.
bool read_edges(std::string_view record, TextRef from, const std::vector<std::string>& paths, TextRef language,
                std::vector<DependencyEdge>* edges) {
  ByteReader in(record);
  std::uint64_t count = 0;
  if (!in.varint(&count) || count > in.remaining()) return false;
  edges->resize(count);
  for (DependencyEdge& edge : *edges) {
    std::uint64_t line = 0, target = 0;
    std::uint8_t type_only = 0;
    if (!in.varint(&line) || line > UINT32_MAX || !in.varint(&target) || target > paths.size() + 1) return false;
    edge.from = from;
    edge.line = static_cast<std::uint32_t>(line);
    std::string_view text;
    if (target == paths.size() + 1) {
      if (!in.view(&text)) return false;
      edge.to = TextRef::of(text);
    } else if (target > 0) {
      edge.to = paths[target - 1];
    }
    if (!in.view(&text)) return false;
    edge.module = TextRef::of(text);
    if (!in.view(&text)) return false;
    edge.kind = TextRef::of(text);
    if (!in.u8(&type_only) || type_only > 1) return false;
    edge.type_only = type_only == 1;
    edge.language = language;
  }
  return in.at_end();
}

}  // namespace

std::string encode_edge_lists(const EdgeLists& lists, const std::vector<CachedFile>& files) {
  ByteWriter out;
  ByteWriter record;
  out.varint(lists.lists.size());
  for (const auto& edges : lists.lists) {
    record.bytes().clear();
    write_edges(record, edges, files);
    out.str(record.bytes());
  }
  return std::move(out.bytes());
}

bool decode_edge_lists(std::string_view bytes, std::shared_ptr<const void> bytes_owner,
                       std::shared_ptr<const std::vector<std::string>> paths, std::string_view language,
                       EdgeLists* lists, unsigned jobs) {
  ByteReader in(bytes);
  std::uint64_t count = 0;
  if (!in.varint(&count) || count != paths->size()) return false;
  std::vector<std::string_view> records(paths->size());
  for (std::string_view& record : records) {
    if (!in.view(&record)) return false;
  }
  if (!in.at_end()) return false;
  EdgeLists out;
  out.lists.resize(paths->size());
  auto names = std::make_shared<TextArena>();
  const TextRef language_name = names->keep(language);
  std::atomic<bool> ok{true};
  parallel_slices(paths->size(), jobs, 2048, [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last && ok.load(std::memory_order_relaxed); ++i) {
      if (!read_edges(records[i], (*paths)[i], *paths, language_name, &out.lists[i])) ok = false;
    }
  });
  if (!ok.load()) return false;
  out.owners = {std::move(bytes_owner), std::move(paths), std::move(names)};
  *lists = std::move(out);
  return true;
}

}  // namespace hie::graph
