// The fact cache: each language's FileFacts per file, persisted under `<workspace>/.hie-cache/` between runs, so a
// file is tokenized at most once per content and, when its stat stamp is unchanged, not even read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/content_hash.h"
#include "graph/dependency_graph.h"
#include "graph/file_facts.h"
#include "workspace/workspace.h"

namespace hie::graph {

inline constexpr std::string_view kCacheDirectory = ".hie-cache";

// One file's cached facts: where it was, its stat stamp when its facts were computed, its content hash.
struct CachedFile {
  static constexpr std::uint32_t kNoRecord = 0xffffffff;

  std::string path;                // workspace-relative
  workspace::FileStamp stamp;      // stamp.mtime_ns < 0: not trusted (the file was too recent), re-hash next run
  ContentHash hash;
  // The facts, or null while they are still encoded in the loaded cache file: then `record` numbers them there
  // and FactStore::facts_of() decodes them on first use (a warm run needs few files' facts: its edges are cached).
  std::shared_ptr<const FileFacts> facts;
  std::uint32_t record = kNoRecord;
  bool has_warnings = false;  // the facts hold warnings (known without decoding them: they are reported every run)
};

// Identifies everything a language's resolved edges were computed from (its files, their contents, the resolution
// inputs): two independent 64-bit hashes of the same bytes, so that a stale match needs both to collide.
struct EdgeFingerprint {
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  std::uint64_t size = 0;

  friend bool operator==(const EdgeFingerprint&, const EdgeFingerprint&) = default;
};
EdgeFingerprint edge_fingerprint(std::string_view inputs);

// The resolved edges of a store's files: one list per file, parallel to FactStore::files(), with what the edges'
// texts refer to (paths, a mapped cache file, an arena): held here, so that they live exactly as long as the edges.
struct EdgeLists {
  std::vector<std::vector<DependencyEdge>> lists;
  std::vector<std::shared_ptr<const void>> owners;
};

// The cached facts of one language and extractor version (file `.hie-cache/facts-<language>.bin`). Loaded once,
// then read-only during the parallel extraction: find() and find_content() are thread-safe. replace() is called
// once, by the language index, after extraction.
class FactStore {
 public:
  FactStore(std::string language, std::uint32_t extractor_version);

  const std::string& language() const { return language_; }
  std::uint32_t extractor_version() const { return version_; }

  // The entry recorded for `path`, or null.
  const CachedFile* find(std::string_view path) const;
  // The facts of an entry of this store (or a copy of one): `file.facts`, or decoded from the loaded file on first
  // use. Thread-safe. A record that cannot be decoded (which the file's checksum rules out) gives empty facts.
  std::shared_ptr<const FileFacts> facts_of(const CachedFile& file) const;
  // The same for a record number (CachedFile::record) of the loaded file.
  std::shared_ptr<const FileFacts> record_facts(std::uint32_t record) const;
  // Facts computed earlier for this content (any path), or null.
  std::shared_ptr<const FileFacts> find_content(const ContentHash& hash) const;
  // The language's files of this run, sorted by path: becomes the store's content (files no longer present are
  // dropped). Marks the store changed when it differs from what was loaded.
  void replace(std::vector<CachedFile> files);

  bool changed() const { return changed_; }
  const std::vector<CachedFile>& files() const { return files_; }

  // The edges resolved from exactly these files when their fingerprint was `fingerprint`, or null when the cache
  // holds none for it (then the caller resolves and calls set_resolved_edges()). Thread-safe; decodes each call,
  // on `jobs` threads. `paths` are the paths of files() (the edges' `from` and `to` refer to them).
  std::shared_ptr<const EdgeLists> resolved_edges(const EdgeFingerprint& fingerprint,
                                                  std::shared_ptr<const std::vector<std::string>> paths,
                                                  unsigned jobs = 1) const;
  // Records this run's edges of files() (one list per file, `from` each file's path, `language` the store's).
  // Called after replace(); a new replace() that changes the files drops them.
  void set_resolved_edges(const EdgeFingerprint& fingerprint, std::shared_ptr<const EdgeLists> edges);

  // Serialization (fact_cache.cpp). decode() rejects anything damaged: bad magic, format or extractor
  // version, language, checksum or truncated data; `why` says what. It keeps the bytes and leaves each file's
  // facts encoded until facts_of() asks for them; encode() copies records nobody decoded as they are.
  std::string encode() const;
  bool decode(std::string bytes, std::string* why);
  // The same over bytes that `owner` keeps alive (a mapped file): the store keeps `owner` for its lifetime.
  bool decode(std::string_view bytes, std::shared_ptr<const void> owner, std::string* why);

 private:
  void index_files();
  void drop_edges();

  std::string language_;
  std::uint32_t version_;
  std::vector<CachedFile> files_;  // sorted by path
  // The loaded cache file and its facts records (views into it), each decoded at most once, on first use.
  std::shared_ptr<const void> loaded_;
  std::vector<std::string_view> records_;
  std::unique_ptr<std::once_flag[]> record_once_;
  mutable std::vector<std::shared_ptr<const FileFacts>> decoded_;
  std::shared_ptr<const FileFacts> empty_facts_;  // what a record number out of range stands for (lives as the store)
  std::unordered_map<std::uint64_t, std::size_t> by_content_;  // hash -> position in files_ (size checked too)
  bool changed_ = false;
  // Resolved edges: either as loaded (still encoded, decoded on a fingerprint match) or as set by this run.
  bool has_edges_ = false;
  EdgeFingerprint edges_fingerprint_;
  std::string_view encoded_edges_;  // a view into loaded_
  std::shared_ptr<const EdgeLists> edges_;
};

// Counters for `-v` and the benchmarks.
struct FactCacheStats {
  std::uint64_t stamp_hits = 0;    // facts reused without reading the file
  std::uint64_t content_hits = 0;  // file read and hashed, facts reused
  std::uint64_t extracted = 0;     // file tokenized
};

// All stores of one workspace. A disabled cache (`--no-cache`) hands out empty stores and never touches the disk.
// Concurrent `hie` runs are safe: each save writes a temporary file and renames it over the old one (atomic on
// POSIX), so a reader sees a whole old file or a whole new one; a damaged file is ignored and rewritten.
class FactCache {
 public:
  FactCache(std::filesystem::path workspace_root, bool enabled);

  bool enabled() const { return enabled_; }
  // The store of `language`, loaded from disk on first use (thread-safe; each file's facts are decoded when first
  // asked for). A stored file written by another extractor version is discarded.
  FactStore& store(std::string_view language, std::uint32_t extractor_version);
  // Writes every store that changed. Returns problems (cannot create the directory, cannot write), for warnings.
  std::vector<std::string> save();
  // Why stored files were discarded (damaged, old version), for `-v`.
  std::vector<std::string> notes() const;

  void add_stats(const FactCacheStats& more);
  FactCacheStats stats() const;

  std::filesystem::path file_of(std::string_view language) const;

 private:
  // Encodes `store` and replaces its file atomically; the problem met, if any.
  std::optional<std::string> write_store(const std::string& language, const FactStore& store) const;

  std::filesystem::path root_;
  bool enabled_;
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<FactStore>, std::less<>> stores_;
  std::vector<std::string> notes_;
  FactCacheStats stats_;
};

}  // namespace hie::graph
