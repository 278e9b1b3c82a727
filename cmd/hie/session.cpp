#include "session.h"

#include <algorithm>
#include <system_error>

#include <thread>

#include "report/diagnostics_human.h"
#include "stdlib/arch/register.h"
#include "stdlib/files/register.h"
#include "stdlib/python/register.h"
#include "stdlib/rust/register.h"

namespace hie::cli {
namespace {

namespace fs = std::filesystem;

// `path` relative to the current directory when it lies below it (shorter, stable names in diagnostics), else as is.
std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return path.generic_string();
  fs::path relative = path.lexically_normal().lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

// The language libraries, `arch` over their union, and the dependency graph connection rules read.
void register_language_libraries(Session& session, const SessionOptions& options) {
  const library::Config& config = session.config;
  session.fact_cache = std::make_unique<graph::FactCache>(session.root, !options.no_cache);
  stdlib::common::StdlibOptions stdlib;
  stdlib.workspace = session.workspace.get();
  stdlib.cache = session.fact_cache.get();
  const int jobs = options.jobs >= 0 ? options.jobs : config.check.jobs;
  stdlib.jobs = jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  for (const auto& [language, section] : config.languages) {
    stdlib.languages[language] = {section.roots, section.type_only_imports == "ignore"};
  }
  session.languages.push_back(stdlib::register_python(session.registry, stdlib));
  session.languages.push_back(stdlib::register_rust(session.registry, stdlib));
  for (const auto& index : session.languages) session.graph.add_provider(index);
  stdlib::register_arch(session.registry, session.languages);
}

}  // namespace

std::optional<Session> open_session(const GlobalOptions& globals, const std::string& workspace_option,
                                    const std::vector<std::string>& specs, const SessionOptions& options) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path spec_dir;
  if (!specs.empty()) spec_dir = fs::absolute(fs::path(specs.front()), ec).parent_path();
  fs::path start = !workspace_option.empty() ? fs::absolute(workspace_option, ec)
                   : !spec_dir.empty()       ? spec_dir
                                             : cwd;
  std::optional<fs::path> found = library::find_config(start);

  Session session;
  if (!workspace_option.empty()) {
    session.root = fs::absolute(workspace_option, ec).lexically_normal();
    // `-w .` normalizes to "dir/": drop the empty last component so that the root prints as "dir".
    if (!session.root.has_filename() && session.root.has_parent_path()) session.root = session.root.parent_path();
  } else if (found) {
    session.root = found->parent_path();
  } else {
    session.root = !spec_dir.empty() ? spec_dir : cwd;
  }
  if (!fs::is_directory(session.root, ec)) {
    print_error(globals, "workspace '" + display_path(session.root) + "' is not a directory",
                "pass an existing directory with -w/--workspace");
    return std::nullopt;
  }
  print_verbose(globals, 1, "workspace root: '" + session.root.generic_string() + "'");

  std::optional<fs::path> config_file;
  if (!globals.config.empty()) {
    config_file = fs::path(globals.config);
  } else if (found) {
    config_file = fs::path(display_path(*found));
  }
  if (config_file) {
    print_verbose(globals, 1, "configuration: '" + config_file->generic_string() + "'");
    session.config = library::load_config(*config_file, session.config_diagnostics);
  }
  if (session.config_diagnostics.has_errors()) return session;

  library::Config& config = session.config;
  workspace::WorkspaceOptions walk = config.workspace_options();
  const int jobs = options.jobs >= 0 ? options.jobs : config.check.jobs;
  walk.jobs = jobs > 0 ? static_cast<unsigned>(jobs) : 0;
  session.workspace = std::make_unique<workspace::Workspace>(workspace::Workspace::open(session.root, walk));
  print_verbose(globals, 1, "indexed " + plural(session.workspace->files().size(), "file"));
  stdlib::register_builtin_files(session.registry);
  register_language_libraries(session, options);
  register_plugins(session, globals, options.plugins);  // after every built-in (E061)
  return session;
}

void finish_session(const GlobalOptions& globals, Session& session) {
  if (!session.fact_cache) return;
  for (const auto& note : session.fact_cache->notes()) print_verbose(globals, 1, note);
  const std::vector<std::string> problems = session.fact_cache->save();
  const graph::FactCacheStats stats = session.fact_cache->stats();
  print_verbose(globals, 1,
                "fact cache: " + std::to_string(stats.stamp_hits) + " unchanged, " +
                    std::to_string(stats.content_hits) + " read and reused, " + std::to_string(stats.extracted) +
                    " extracted" + (session.fact_cache->enabled() ? "" : " (--no-cache)"));
  if (globals.quiet) return;
  for (const auto& index : session.languages) {
    for (const auto& warning : index->warnings()) {
      write_stderr("warning: " + std::string(index->language()) + ": " + report::printable_text(warning) + "\n");
    }
  }
  for (const auto& problem : problems) write_stderr("warning: " + report::printable_text(problem) + "\n");
}

void keep_until_exit(Session& session) {
  struct Kept {
    std::vector<std::shared_ptr<const stdlib::common::LanguageIndex>> languages;
    std::vector<std::unique_ptr<graph::FactCache>> fact_caches;
  };
  // Reachable from a static, so leak checkers (the sanitizer builds) do not report it.
  static Kept* const kept = new Kept;
  for (auto& index : session.languages) kept->languages.push_back(std::move(index));
  session.languages.clear();
  kept->fact_caches.push_back(std::move(session.fact_cache));
  // The workspace stays with the session (reports still read it): a fraction of the cost of the facts.
}

std::vector<std::string> discover_specs(const Session& session, const std::vector<std::string>& specs) {
  if (!specs.empty()) return specs;
  std::vector<std::string> out;
  if (!session.config.check.specs.empty()) {
    fs::path base = session.config.directory();
    for (const auto& spec : session.config.check.specs) out.push_back(display_path(base / spec));
    return out;
  }
  std::error_code ec;
  for (fs::directory_iterator it(session.root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".hie" && it->is_regular_file(ec)) out.push_back(display_path(it->path()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace hie::cli
