#include "stdlib/common/language_index.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <tuple>

#include "graph/content_hash.h"
#include "graph/text_arena.h"

namespace hie::stdlib::common {
namespace {

// Files changed this recently may change again within the file system's timestamp granularity without their
// stamp changing: their stamp is not trusted next run (the content hash is checked instead), as git does.
constexpr std::int64_t kRacyWindowNs = 2'000'000'000;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool edge_line_less(const graph::DependencyEdge& a, const graph::DependencyEdge& b) {
  return std::tie(a.line, a.to, a.module, a.kind, a.type_only) < std::tie(b.line, b.to, b.module, b.kind, b.type_only);
}

}  // namespace

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  if (count == 0) return;
  const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), count);
  if (threads == 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  // Small chunks from a shared counter: cheap to hand out, and a slow file does not hold up a whole slice.
  constexpr std::size_t kChunk = 8;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    while (true) {
      const std::size_t first = next.fetch_add(kChunk);
      if (first >= count) return;
      const std::size_t last = std::min(count, first + kChunk);
      for (std::size_t i = first; i < last; ++i) work(i);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
}

LanguageIndex::LanguageIndex(std::shared_ptr<const LanguageFrontend> frontend, const StdlibOptions& options)
    : frontend_(std::move(frontend)), options_(options) {}

const std::vector<std::string>& LanguageIndex::files() const {
  std::call_once(files_once_, [&] {
    for (const auto& file : workspace().files()) {
      if (frontend_->handles(file)) files_->push_back(file);
    }
    positions_.reserve(files_->size());
    for (std::size_t i = 0; i < files_->size(); ++i) positions_.emplace((*files_)[i], i);
  });
  return *files_;
}

std::optional<std::size_t> LanguageIndex::position(std::string_view file) const {
  files();
  auto found = positions_.find(file);
  if (found == positions_.end()) return std::nullopt;
  return found->second;
}

bool LanguageIndex::handles(std::string_view file) const {
  // The extension test first: checks over several languages ask every index about every file.
  return frontend_->handles(file) && position(file).has_value();
}

std::vector<std::string> LanguageIndex::files_in(const std::vector<std::string>& paths) const {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    if (position(path)) out.push_back(path);
  }
  return out;
}

void LanguageIndex::build_facts() const {
  const auto& all = files();
  const std::size_t count = all.size();
  graph::FactStore& store = options_.cache->store(frontend_->language(), frontend_->extractor_version());
  const std::int64_t trusted_before = now_ns() - kRacyWindowNs;
  store_ = &store;
  facts_.resize(count);
  records_.assign(count, graph::CachedFile::kNoRecord);
  std::vector<graph::CachedFile> cached(count);                 // files read this run
  std::vector<const graph::CachedFile*> hits(count, nullptr);  // files whose stamp matched: the store's entry
  std::vector<std::string> unreadable(count);
  std::atomic<std::uint64_t> stamp_hits{0}, content_hits{0}, extracted{0};
  const std::vector<graph::CachedFile>& stored = store.files();

  parallel_for(count, options_.jobs, [&](std::size_t i) {
    const std::string& path = all[i];
    const workspace::FileStamp stamp = workspace().file_stamp(path).value_or(workspace::FileStamp{});
    // Both lists are sorted: when no file came or went, the entry is at the same position (no search).
    const graph::CachedFile* hit = i < stored.size() && stored[i].path == path ? &stored[i] : store.find(path);
    if (hit && hit->stamp.mtime_ns >= 0 && hit->stamp == stamp) {
      // Still encoded unless they carry warnings, which every run reports.
      facts_[i] = hit->facts || hit->has_warnings ? store.facts_of(*hit) : nullptr;
      records_[i] = hit->record;
      hits[i] = hit;
      ++stamp_hits;
      return;
    }
    auto content = workspace().read(path);
    if (!content->error.empty()) {
      unreadable[i] = path + ": cannot read: " + content->error;
      auto empty = std::make_shared<graph::FileFacts>();
      empty->language = std::string(frontend_->language());
      facts_[i] = std::move(empty);
      return;  // not cached: the next run tries again
    }
    const graph::ContentHash hash = graph::content_hash(content->bytes);
    std::shared_ptr<const graph::FileFacts> facts = store.find_content(hash);
    if (facts) {
      ++content_hits;
    } else {
      auto fresh = std::make_shared<graph::FileFacts>(frontend_->extract(content->bytes));
      fresh->language = std::string(frontend_->language());
      // Validity is a property of the text, so the warning is cached with the facts and repeats on warm runs.
      if (!content->valid_utf8) fresh->warnings.insert(fresh->warnings.begin(), "not valid UTF-8");
      facts = std::move(fresh);
      ++extracted;
    }
    workspace::FileStamp kept = stamp;
    if (kept.mtime_ns >= trusted_before) kept.mtime_ns = -1;
    facts_[i] = facts;
    cached[i] = {path, kept, hash, std::move(facts)};
  });

  // Every file unchanged and none added or removed: the store already holds exactly this run's entries.
  if (stamp_hits.load() != count || stored.size() != count) {
    std::vector<graph::CachedFile> keep;
    keep.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (hits[i]) {
        keep.push_back(*hits[i]);
      } else if (unreadable[i].empty()) {
        keep.push_back(std::move(cached[i]));
      }
    }
    store.replace(std::move(keep));  // `stored` and `hits` point into the old entries: not used after this
  }
  options_.cache->add_stats({stamp_hits.load(), content_hits.load(), extracted.load()});

  for (std::size_t i = 0; i < count; ++i) {
    if (!unreadable[i].empty()) all_readable_ = false;
    if (!unreadable[i].empty()) warnings_.push_back(std::move(unreadable[i]));
    if (!facts_[i]) continue;  // still encoded: no warnings (the cache records that)
    for (const auto& warning : facts_[i]->warnings) warnings_.push_back(all[i] + ": " + warning);
  }
  built_.store(true);
}

const graph::FileFacts& LanguageIndex::facts_at(std::size_t i) const {
  // The store decodes each record once, thread-safely, and keeps it for the run.
  return facts_[i] ? *facts_[i] : *store_->record_facts(records_[i]);
}

const graph::FileFacts* LanguageIndex::facts(std::string_view file) const {
  std::call_once(facts_once_, [&] { build_facts(); });
  auto found = position(file);
  return found ? &facts_at(*found) : nullptr;
}

const Resolver& LanguageIndex::resolver() const {
  std::call_once(resolver_once_, [&] {
    std::call_once(facts_once_, [&] { build_facts(); });
    resolver_ = frontend_->prepare(*this);
  });
  return *resolver_;
}

std::optional<graph::EdgeFingerprint> LanguageIndex::edge_fingerprint() const {
  if (!options_.cache->enabled() || !all_readable_) return std::nullopt;
  const graph::FactStore& store = options_.cache->store(frontend_->language(), frontend_->extractor_version());
  const auto& all = files();
  if (store.files().size() != all.size()) return std::nullopt;
  std::optional<std::string> inputs = frontend_->resolution_inputs(*this);
  if (!inputs) return std::nullopt;
  // The bytes the fingerprint hashes: a format tag, the language, its extractor, the settings that shape edges,
  // the frontend's inputs, then every file with its content hash (facts are a function of the content).
  std::string bytes = "hie-edges-2\0" + std::string(frontend_->language()) + '\0' +
                      std::to_string(frontend_->extractor_version()) + '\0' +
                      (settings().ignore_type_only ? "drop-type-only" : "keep-type-only") + '\0' +
                      std::to_string(inputs->size()) + '\0' + *inputs;
  // Appended in place, the numbers as their 8 bytes: this runs over every file on every warm run.
  bytes.reserve(bytes.size() + all.size() * 48);
  auto append_number = [&bytes](std::uint64_t number) {
    bytes.append(reinterpret_cast<const char*>(&number), sizeof number);
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    const graph::CachedFile& file = store.files()[i];
    if (file.path != all[i]) return std::nullopt;
    bytes += '\0';
    bytes += file.path;
    bytes += '\0';
    append_number(file.hash.hash);
    append_number(file.hash.size);
  }
  return graph::edge_fingerprint(bytes);
}

void LanguageIndex::build_edges() const {
  const auto& all = files();
  std::call_once(facts_once_, [&] { build_facts(); });
  const std::optional<graph::EdgeFingerprint> fingerprint = edge_fingerprint();
  graph::FactStore& store = options_.cache->store(frontend_->language(), frontend_->extractor_version());
  if (fingerprint) {
    if (auto cached = store.resolved_edges(*fingerprint, files_, options_.jobs)) {
      edges_ = std::move(cached);
      return;
    }
  }
  const Resolver& resolver = this->resolver();
  auto lists = std::make_shared<graph::EdgeLists>();
  lists->lists.resize(all.size());
  // The resolver's edges refer to its own state and to the facts; the lists keep copies of those texts in `kept`,
  // and refer to this index's paths for `from` and for targets that are its files (all of them, in practice).
  auto kept = std::make_shared<graph::TextArena>();
  const graph::TextRef language = kept->keep(frontend_->language());
  const bool drop_type_only = settings().ignore_type_only;
  parallel_for(all.size(), options_.jobs, [&](std::size_t i) {
    auto edges = resolver.resolve(all[i], facts_at(i));
    std::erase_if(edges, [&](const graph::DependencyEdge& e) {
      return (e.to && *e.to == all[i]) || (drop_type_only && e.type_only);
    });
    // One block of the arena for the file's module and kind texts: one lock per file, not two per edge.
    std::size_t size = 0;
    for (const auto& edge : edges) size += edge.module.size() + edge.kind.size();
    char* text = size ? kept->allocate(size) : nullptr;
    auto copy = [&text](graph::TextRef from) {
      std::copy(from.view().begin(), from.view().end(), text);
      const std::string_view copied(text, from.size());
      text += from.size();
      return graph::TextRef::of(copied);
    };
    for (auto& edge : edges) {
      edge.from = all[i];
      edge.language = language;
      if (edge.to) {
        const auto target = position(*edge.to);
        edge.to = target ? graph::TextRef(all[*target]) : kept->keep(*edge.to);
      }
      edge.module = copy(edge.module);
      edge.kind = copy(edge.kind);
    }
    std::sort(edges.begin(), edges.end(), edge_line_less);
    lists->lists[i] = std::move(edges);
  });
  lists->owners = {files_, std::move(kept)};
  edges_ = lists;
  if (fingerprint) store.set_resolved_edges(*fingerprint, std::move(lists));
}

const std::vector<graph::DependencyEdge>& LanguageIndex::edges(std::string_view file) const {
  static const std::vector<graph::DependencyEdge> none;
  std::call_once(edges_once_, [&] { build_edges(); });
  auto found = position(file);
  return found ? edges_->lists[*found] : none;
}

std::vector<graph::DependencyEdge> LanguageIndex::edges_from(std::string_view file) const { return edges(file); }

std::vector<graph::DependencyEdge> LanguageIndex::all_edges() const {
  std::call_once(edges_once_, [&] { build_edges(); });
  std::vector<graph::DependencyEdge> out;
  for (const auto& list : edges_->lists) out.insert(out.end(), list.begin(), list.end());
  return out;  // files are sorted and each list is sorted by line: already in (from, line, ...) order
}

std::optional<std::vector<std::string>> LanguageIndex::module_files(std::string_view name, std::string* why) const {
  return resolver().module_files(name, why);
}

std::vector<std::string> LanguageIndex::warnings() const {
  if (!built_.load()) return {};
  std::call_once(facts_once_, [&] { build_facts(); });  // already built: only establishes the happens-before
  return warnings_;
}

}  // namespace hie::stdlib::common
