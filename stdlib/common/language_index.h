// The index of one language in one workspace: its files, their facts (in parallel, through the fact cache), and
// their resolved edges. Built lazily, once per run; it is the language's graph::DependencyProvider, so the same
// edges feed the language library, `arch`, connection rules and `hie deps`.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/dependency_graph.h"
#include "graph/fact_cache.h"
#include "graph/file_facts.h"
#include "stdlib/common/language_frontend.h"
#include "stdlib/common/stdlib_options.h"

namespace hie::stdlib::common {

class LanguageIndex final : public graph::DependencyProvider {
 public:
  // The workspace and cache `options` point to must outlive the index. Nothing is read until first use.
  LanguageIndex(std::shared_ptr<const LanguageFrontend> frontend, const StdlibOptions& options);

  // graph::DependencyProvider. handles(): a file of the workspace that the frontend recognizes.
  std::string_view language() const override { return frontend_->language(); }
  bool handles(std::string_view file) const override;
  std::vector<graph::DependencyEdge> edges_from(std::string_view file) const override;
  const std::vector<graph::DependencyEdge>* stored_edges(std::string_view file) const override { return &edges(file); }

  const LanguageFrontend& frontend() const { return *frontend_; }
  const workspace::Workspace& workspace() const { return *options_.workspace; }
  const LanguageSettings& settings() const { return options_.settings(frontend_->language()); }

  // The language's files, sorted (cheap: no file is read).
  const std::vector<std::string>& files() const;
  // The language's files among `paths` (a scope's paths), sorted.
  std::vector<std::string> files_in(const std::vector<std::string>& paths) const;

  // The facts of a file of the language (null for another file). First call extracts every file's facts.
  const graph::FileFacts* facts(std::string_view file) const;
  // The outgoing edges of a file, sorted by (line, to, module); empty for another file. First call resolves all
  // (or, when nothing they depend on changed since the cache was written, loads them from the fact cache).
  const std::vector<graph::DependencyEdge>& edges(std::string_view file) const;
  // Every edge of the language, sorted by (from, line, to, module).
  std::vector<graph::DependencyEdge> all_edges() const;
  // Resolver::module_files of this workspace (prepares the resolver; the edges are not needed).
  std::optional<std::vector<std::string>> module_files(std::string_view name, std::string* why) const;

  // Unreadable and non-UTF-8 files and extractor warnings, "path: message", in file order. Empty when the facts
  // were never needed in this run (nothing was read, so there is nothing to warn about).
  std::vector<std::string> warnings() const;

 private:
  void build_facts() const;
  void build_edges() const;
  const Resolver& resolver() const;
  // The fingerprint of everything the edges are resolved from, or nullopt when they cannot be cached (cache off,
  // a file unreadable, a frontend without resolution inputs).
  std::optional<graph::EdgeFingerprint> edge_fingerprint() const;
  std::optional<std::size_t> position(std::string_view file) const;

  std::shared_ptr<const LanguageFrontend> frontend_;
  StdlibOptions options_;

  mutable std::once_flag files_once_;
  // Filled once by files(); shared with the edge lists, whose `from` and `to` refer to these paths.
  const std::shared_ptr<std::vector<std::string>> files_ = std::make_shared<std::vector<std::string>>();
  // files_[i] -> i: handles() and edges() are asked for every file of workspace-wide scopes, many times per run.
  mutable std::unordered_map<std::string_view, std::size_t> positions_;
  // The facts of files_[i] at facts_at(i); facts_[i] is null while they are still encoded in the fact cache,
  // where records_[i] numbers them (a warm run decodes only the files a check looks into).
  const graph::FileFacts& facts_at(std::size_t i) const;
  mutable std::once_flag facts_once_;
  mutable const graph::FactStore* store_ = nullptr;
  mutable std::vector<std::shared_ptr<const graph::FileFacts>> facts_;  // parallel to files_
  mutable std::vector<std::uint32_t> records_;                         // parallel to files_
  mutable std::vector<std::string> warnings_;
  mutable bool all_readable_ = true;
  mutable std::atomic<bool> built_{false};
  mutable std::once_flag edges_once_;
  mutable std::once_flag resolver_once_;
  mutable std::unique_ptr<Resolver> resolver_;
  mutable std::shared_ptr<const graph::EdgeLists> edges_;  // lists parallel to files_
};

// Runs `work(i)` for i in [0, count) on `jobs` threads (the calling thread is one of them); returns when all ran.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

}  // namespace hie::stdlib::common
