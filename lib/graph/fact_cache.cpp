#include "graph/fact_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fstream>
#include <optional>
#include <system_error>
#include <thread>

#include "graph/edge_serialization.h"
#include "graph/fact_serialization.h"

namespace hie::graph {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "HIEFACT1";
constexpr std::uint64_t kFormatVersion = 3;  // 2: resolved edges after the files; 3: a warnings flag per file

bool same_entry(const CachedFile& a, const CachedFile& b) {
  return a.path == b.path && a.stamp == b.stamp && a.hash == b.hash;
}

// The whole file mapped read-only, or nullopt when it does not exist or cannot be mapped (a missing cache is not a
// problem). Mapped rather than read: a warm run loads tens of MB here, and the page cache's pages serve directly
// (no zeroed buffer, no copy); the records stay views into the mapping for the run.
struct MappedBytes {
  std::string_view bytes;
  std::shared_ptr<const void> owner;  // unmaps when the last user is gone
};

std::optional<MappedBytes> map_whole(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
    ::close(fd);
    return info.st_size == 0 ? std::optional<MappedBytes>(MappedBytes{}) : std::nullopt;  // empty: damaged
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  // MAP_POPULATE: one call maps every page (the checksum reads them all anyway) instead of a fault per page.
  // hie only ever replaces a cache file by renaming a new one over it, so the mapped file never shrinks under us.
  void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (address == MAP_FAILED) return std::nullopt;
  std::shared_ptr<const void> owner(address, [size](const void* mapped) { ::munmap(const_cast<void*>(mapped), size); });
  return MappedBytes{std::string_view(static_cast<const char*>(address), size), std::move(owner)};
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    if (wrote < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return true;
}

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

}  // namespace

EdgeFingerprint edge_fingerprint(std::string_view inputs) {
  return {hash_bytes(inputs, 0x9e3779b97f4a7c15ull), hash_bytes(inputs, 0xc2b2ae3d27d4eb4full), inputs.size()};
}

FactStore::FactStore(std::string language, std::uint32_t extractor_version)
    : language_(std::move(language)),
      version_(extractor_version),
      empty_facts_(std::make_shared<const FileFacts>(FileFacts{language_, {}, {}, {}})) {}

const CachedFile* FactStore::find(std::string_view path) const {
  auto found = std::lower_bound(files_.begin(), files_.end(), path,
                                [](const CachedFile& file, std::string_view p) { return file.path < p; });
  if (found == files_.end() || found->path != path) return nullptr;
  return &*found;
}

std::shared_ptr<const FileFacts> FactStore::facts_of(const CachedFile& file) const {
  return file.facts ? file.facts : record_facts(file.record);
}

std::shared_ptr<const FileFacts> FactStore::record_facts(std::uint32_t record) const {
  if (record >= records_.size()) return empty_facts_;
  std::call_once(record_once_[record], [&] {
    auto facts = std::make_shared<FileFacts>();
    ByteReader in(records_[record]);
    if (!read_facts(in, facts.get()) || !in.at_end()) *facts = FileFacts{language_, {}, {}, {}};
    decoded_[record] = std::move(facts);
  });
  return decoded_[record];
}

std::shared_ptr<const FileFacts> FactStore::find_content(const ContentHash& hash) const {
  auto found = by_content_.find(hash.hash);
  if (found == by_content_.end()) return nullptr;
  const CachedFile& file = files_[found->second];
  return file.hash == hash ? facts_of(file) : nullptr;
}

void FactStore::replace(std::vector<CachedFile> files) {
  bool same = files.size() == files_.size();
  for (std::size_t i = 0; same && i < files.size(); ++i) same = same_entry(files[i], files_[i]);
  if (!same) {
    changed_ = true;
    drop_edges();  // they name files by position in the old list
  }
  files_ = std::move(files);
  index_files();
}

void FactStore::drop_edges() {
  has_edges_ = false;
  edges_fingerprint_ = {};
  encoded_edges_ = {};
  edges_.reset();
}

std::shared_ptr<const EdgeLists> FactStore::resolved_edges(const EdgeFingerprint& fingerprint,
                                                           std::shared_ptr<const std::vector<std::string>> paths,
                                                           unsigned jobs) const {
  if (!has_edges_ || !(edges_fingerprint_ == fingerprint)) return nullptr;
  if (edges_) return edges_;
  if (!paths || paths->size() != files_.size()) return nullptr;
  auto lists = std::make_shared<EdgeLists>();
  if (!decode_edge_lists(encoded_edges_, loaded_, std::move(paths), language_, lists.get(), jobs)) return nullptr;
  return lists;
}

void FactStore::set_resolved_edges(const EdgeFingerprint& fingerprint, std::shared_ptr<const EdgeLists> edges) {
  if (!edges || edges->lists.size() != files_.size()) return;
  has_edges_ = true;
  edges_fingerprint_ = fingerprint;
  encoded_edges_ = {};
  edges_ = std::move(edges);
  changed_ = true;
}

void FactStore::index_files() {
  by_content_.clear();
  by_content_.reserve(files_.size());
  for (std::size_t i = 0; i < files_.size(); ++i) by_content_.emplace(files_[i].hash.hash, i);
}

// Layout: magic, format version, language, extractor version, the distinct facts (each once, however many files
// share its content), the files (path, stamp, hash, facts number), the resolved edges if any (flag, fingerprint,
// edge_serialization.h), then a checksum of everything before it.
std::string FactStore::encode() const {
  // The whole file is built in one buffer reserved once: grown by doubling, a 30 MB cache would allocate and copy
  // twice that in fresh memory.
  const std::string edges = has_edges_ && edges_ ? encode_edge_lists(*edges_, files_) : std::string();
  ByteWriter out;
  out.bytes().append(kMagic);
  out.fixed64(kFormatVersion);
  out.str(language_);
  out.varint(version_);
  // The distinct facts: decoded or fresh ones by object, records still encoded by record number (copied as they
  // are, never decoded for this).
  std::vector<const CachedFile*> distinct;
  std::unordered_map<const FileFacts*, std::size_t> by_object;
  std::unordered_map<std::uint32_t, std::size_t> by_record;
  std::vector<std::size_t> number(files_.size());
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const CachedFile& file = files_[i];
    auto number_of = [&](auto& numbers, auto key) {
      auto [it, added] = numbers.emplace(key, distinct.size());
      if (added) distinct.push_back(&file);
      return it->second;
    };
    number[i] = file.facts ? number_of(by_object, file.facts.get()) : number_of(by_record, file.record);
  }
  std::size_t estimate = kMagic.size() + 64 + language_.size() + edges.size() + encoded_edges_.size();
  for (const CachedFile* file : distinct) {
    estimate += 5 + (!file->facts && file->record < records_.size() ? records_[file->record].size()
                                                                    : encoded_size_estimate(*facts_of(*file)));
  }
  for (const CachedFile& file : files_) estimate += file.path.size() + 64;
  out.bytes().reserve(out.bytes().size() + estimate);
  out.varint(distinct.size());
  // Each facts record is length-prefixed, so that decode() can find them without reading them.
  ByteWriter record;
  for (const CachedFile* file : distinct) {
    if (!file->facts && file->record < records_.size()) {
      out.str(records_[file->record]);
      continue;
    }
    record.bytes().clear();
    write_facts(record, *facts_of(*file));
    out.str(record.bytes());
  }
  out.varint(files_.size());
  for (const CachedFile& file : files_) {
    out.str(file.path);
    out.varint(file.stamp.size);
    out.fixed64(static_cast<std::uint64_t>(file.stamp.mtime_ns));
    out.fixed64(static_cast<std::uint64_t>(file.stamp.ctime_ns));
    out.varint(file.stamp.inode);
    out.fixed64(file.hash.hash);
    out.varint(file.hash.size);
    out.varint(number[static_cast<std::size_t>(&file - files_.data())]);
    out.u8(file.facts ? !file.facts->warnings.empty() : file.has_warnings);
  }
  out.u8(has_edges_ ? 1 : 0);
  if (has_edges_) {
    out.fixed64(edges_fingerprint_.first);
    out.fixed64(edges_fingerprint_.second);
    out.varint(edges_fingerprint_.size);
    out.str(edges_ ? std::string_view(edges) : encoded_edges_);
  }
  const std::uint64_t checksum = hash_bytes(out.bytes(), kFormatVersion);
  out.fixed64(checksum);
  return std::move(out.bytes());
}

bool FactStore::decode(std::string bytes, std::string* why) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  return decode(*owned, owned, why);
}

bool FactStore::decode(std::string_view bytes, std::shared_ptr<const void> owner, std::string* why) {
  auto fail = [&](std::string reason) {
    *why = std::move(reason);
    changed_ = true;  // whatever this run finds replaces the damaged file
    files_.clear();
    index_files();
    return false;
  };
  if (bytes.size() < kMagic.size() + 16 || bytes.substr(0, kMagic.size()) != kMagic) return fail("not a fact cache");
  ByteReader trailer(bytes.substr(bytes.size() - 8));
  std::uint64_t checksum = 0;
  trailer.fixed64(&checksum);
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (hash_bytes(body, kFormatVersion) != checksum) return fail("checksum mismatch (damaged file)");
  ByteReader in(body.substr(kMagic.size()));
  std::uint64_t format = 0;
  std::string language;
  std::uint64_t version = 0;
  if (!in.fixed64(&format) || format != kFormatVersion) return fail("written by another version of hie");
  if (!in.str(&language) || language != language_) return fail("written for another language");
  if (!in.varint(&version) || version != version_) return fail("written by another extractor version");
  std::uint64_t count = 0;
  if (!in.varint(&count) || count > in.remaining()) return fail("damaged file");
  if (count >= CachedFile::kNoRecord) return fail("damaged file");
  std::vector<std::string_view> records(count);
  for (std::string_view& record : records) {
    if (!in.view(&record)) return fail("damaged file");
  }
  if (!in.varint(&count) || count > in.remaining()) return fail("damaged file");
  std::vector<CachedFile> files(count);
  for (CachedFile& file : files) {
    std::uint64_t mtime = 0, ctime = 0, facts_number = 0;
    std::uint8_t has_warnings = 0;
    if (!in.str(&file.path) || !in.varint(&file.stamp.size) || !in.fixed64(&mtime) || !in.fixed64(&ctime) ||
        !in.varint(&file.stamp.inode) || !in.fixed64(&file.hash.hash) || !in.varint(&file.hash.size) ||
        !in.varint(&facts_number) || facts_number >= records.size() || !in.u8(&has_warnings) || has_warnings > 1) {
      return fail("damaged file");
    }
    file.stamp.mtime_ns = static_cast<std::int64_t>(mtime);
    file.stamp.ctime_ns = static_cast<std::int64_t>(ctime);
    file.record = static_cast<std::uint32_t>(facts_number);
    file.has_warnings = has_warnings == 1;
  }
  std::uint8_t has_edges = 0;
  EdgeFingerprint fingerprint;
  std::string_view encoded_edges;  // a view into the loaded bytes, as the records are
  if (!in.u8(&has_edges) || has_edges > 1) return fail("damaged file");
  if (has_edges == 1 && (!in.fixed64(&fingerprint.first) || !in.fixed64(&fingerprint.second) ||
                         !in.varint(&fingerprint.size) || !in.view(&encoded_edges))) {
    return fail("damaged file");
  }
  if (!in.at_end()) return fail("damaged file");
  const bool sorted = std::is_sorted(files.begin(), files.end(),
                                     [](const CachedFile& a, const CachedFile& b) { return a.path < b.path; });
  if (!sorted) return fail("damaged file");
  loaded_ = std::move(owner);  // the records are views into it
  records_ = std::move(records);
  record_once_ = std::make_unique<std::once_flag[]>(records_.size());
  decoded_.assign(records_.size(), nullptr);
  files_ = std::move(files);
  index_files();
  drop_edges();
  if (has_edges == 1) {
    has_edges_ = true;
    edges_fingerprint_ = fingerprint;
    encoded_edges_ = encoded_edges;
  }
  return true;
}

FactCache::FactCache(std::filesystem::path workspace_root, bool enabled)
    : root_(std::move(workspace_root)), enabled_(enabled) {}

fs::path FactCache::file_of(std::string_view language) const {
  return root_ / kCacheDirectory / ("facts-" + std::string(language) + ".bin");
}

FactStore& FactCache::store(std::string_view language, std::uint32_t extractor_version) {
  std::lock_guard lock(mutex_);
  auto found = stores_.find(language);
  if (found != stores_.end()) return *found->second;
  auto store = std::make_unique<FactStore>(std::string(language), extractor_version);
  if (enabled_) {
    const fs::path file = file_of(language);
    if (auto mapped = map_whole(file)) {
      std::string why;
      if (!store->decode(mapped->bytes, std::move(mapped->owner), &why)) {
        notes_.push_back("fact cache '" + (fs::path(kCacheDirectory) / file.filename()).generic_string() +
                         "' ignored and rebuilt: " + why);
      }
    }
  }
  FactStore& result = *store;
  stores_.emplace(std::string(language), std::move(store));
  return result;
}

std::vector<std::string> FactCache::save() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> problems;
  if (!enabled_) return problems;
  bool any_changed = false;
  for (const auto& [language, store] : stores_) any_changed = any_changed || store->changed();
  if (!any_changed) return problems;
  const fs::path directory = root_ / kCacheDirectory;
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return {"cannot create the fact cache directory '" + std::string(kCacheDirectory) + "': " + ec.message()};
  // Keep the cache out of version control without asking users to edit their .gitignore.
  const fs::path ignore = directory / ".gitignore";
  if (!fs::exists(ignore, ec)) std::ofstream(ignore) << "# Created by hie: the fact cache, safe to delete.\n*\n";
  // Each changed store is encoded and written on its own thread (a cold run writes tens of MB); the problems are
  // reported in language order whatever the threads' timing.
  std::vector<std::pair<const std::string*, const FactStore*>> changed;
  for (const auto& [language, store] : stores_) {
    if (store->changed()) changed.emplace_back(&language, store.get());
  }
  std::vector<std::optional<std::string>> store_problems(changed.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < changed.size(); ++i) {
    threads.emplace_back([&, i] { store_problems[i] = write_store(*changed[i].first, *changed[i].second); });
  }
  if (!changed.empty()) store_problems[0] = write_store(*changed[0].first, *changed[0].second);
  for (auto& thread : threads) thread.join();
  for (auto& problem : store_problems) {
    if (problem) problems.push_back(std::move(*problem));
  }
  return problems;
}

std::optional<std::string> FactCache::write_store(const std::string& language, const FactStore& store) const {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  const std::string bytes = store.encode();
  const fs::path target = file_of(language);
  const fs::path temp = target.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot write the fact cache '" + temp.filename().string() + "': " + error_text(errno);
  const bool written = write_all(fd, bytes);
  const int write_error = errno;
  if (::close(fd) != 0 || !written) {
    fs::remove(temp, ec);
    return "cannot write the fact cache '" + temp.filename().string() + "': " + error_text(write_error);
  }
  // rename() replaces the old file atomically: a concurrent reader sees the old or the new file, never a mix.
  fs::rename(temp, target, ec);
  if (ec) {
    const std::string problem = "cannot replace the fact cache '" + target.filename().string() + "': " + ec.message();
    fs::remove(temp, ec);
    return problem;
  }
  return std::nullopt;
}

std::vector<std::string> FactCache::notes() const {
  std::lock_guard lock(mutex_);
  return notes_;
}

void FactCache::add_stats(const FactCacheStats& more) {
  std::lock_guard lock(mutex_);
  stats_.stamp_hits += more.stamp_hits;
  stats_.content_hits += more.content_hits;
  stats_.extracted += more.extracted;
}

FactCacheStats FactCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace hie::graph
