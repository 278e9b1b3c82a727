#include "session.h"

#include <algorithm>
#include <system_error>

#include "stdlib/files/register.h"

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

}  // namespace

std::optional<Session> open_session(const GlobalOptions& globals, const std::string& workspace_option,
                                    const std::vector<std::string>& specs) {
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
  session.workspace = std::make_unique<workspace::Workspace>(
      workspace::Workspace::open(session.root, config.workspace_options()));
  print_verbose(globals, 1, "indexed " + plural(session.workspace->files().size(), "file"));
  stdlib::register_builtin_files(session.registry);
  return session;
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
