#include "graph/edge_serialization.h"

#include <algorithm>
#include <atomic>

#include "graph/fact_serialization.h"
#include "graph/parallel_slices.h"

namespace hie::graph {
namespace {

void write_edges(ByteWriter& out, const std::vector<DependencyEdge>& edges, const std::vector<CachedFile>& files) {
  out.varint(edges.size());
  for (const DependencyEdge& edge : edges) {
    out.varint(edge.line);
    if (!edge.to) {
      out.varint(0);
    } else {
      auto found = std::lower_bound(files.begin(), files.end(), *edge.to,
                                    [](const CachedFile& file, const std::string& path) { return file.path < path; });
      if (found != files.end() && found->path == *edge.to) {
        out.varint(static_cast<std::uint64_t>(found - files.begin()) + 1);
      } else {
        out.varint(files.size() + 1);
        out.str(*edge.to);
      }
    }
    out.str(edge.module);
    out.str(edge.kind);
    out.u8(edge.type_only ? 1 : 0);
  }
}

bool read_edges(std::string_view record, const std::string& from, const std::vector<CachedFile>& files,
                const std::string& language, std::vector<DependencyEdge>* edges) {
  ByteReader in(record);
  std::uint64_t count = 0;
  if (!in.varint(&count) || count > in.remaining()) return false;
  edges->resize(count);
  for (DependencyEdge& edge : *edges) {
    std::uint64_t line = 0, target = 0;
    std::uint8_t type_only = 0;
    if (!in.varint(&line) || line > UINT32_MAX || !in.varint(&target) || target > files.size() + 1) return false;
    edge.from = from;
    edge.line = static_cast<std::uint32_t>(line);
    if (target == files.size() + 1) {
      std::string path;
      if (!in.str(&path)) return false;
      edge.to = std::move(path);
    } else if (target > 0) {
      edge.to = files[target - 1].path;
    }
    if (!in.str(&edge.module) || !in.str(&edge.kind) || !in.u8(&type_only) || type_only > 1) return false;
    edge.type_only = type_only == 1;
    edge.language = language;
  }
  return in.at_end();
}

}  // namespace

std::string encode_edge_lists(const EdgeLists& lists, const std::vector<CachedFile>& files) {
  ByteWriter out;
  ByteWriter record;
  out.varint(lists.size());
  for (const auto& edges : lists) {
    record.bytes().clear();
    write_edges(record, edges, files);
    out.str(record.bytes());
  }
  return std::move(out.bytes());
}

bool decode_edge_lists(std::string_view bytes, const std::vector<CachedFile>& files, std::string_view language,
                       EdgeLists* lists, unsigned jobs) {
  ByteReader in(bytes);
  std::uint64_t count = 0;
  if (!in.varint(&count) || count != files.size()) return false;
  std::vector<std::string_view> records(files.size());
  for (std::string_view& record : records) {
    if (!in.view(&record)) return false;
  }
  if (!in.at_end()) return false;
  EdgeLists out(files.size());
  const std::string language_name(language);
  std::atomic<bool> ok{true};
  parallel_slices(files.size(), jobs, 2048, [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last && ok.load(std::memory_order_relaxed); ++i) {
      if (!read_edges(records[i], files[i].path, files, language_name, &out[i])) ok = false;
    }
  });
  if (!ok.load()) return false;
  *lists = std::move(out);
  return true;
}

}  // namespace hie::graph
