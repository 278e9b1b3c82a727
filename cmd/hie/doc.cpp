// `hie doc [--library a,b] [--format markdown|json] [-o FILE]`: document every library of the workspace, the
// built-ins and the configured plugins (which describe themselves: a process plugin is started to answer).
#include <algorithm>
#include <memory>
#include <set>

#include "commands.h"
#include "library/library.h"
#include "report/library_doc_json.h"
#include "report/library_doc_markdown.h"
#include "sema/did_you_mean.h"
#include "session.h"
#include "spec_loading.h"

namespace hie::cli {
namespace {

struct DocOptions {
  std::vector<std::string> libraries;  // --library a,b (split on commas by CLI11)
  std::string format = "markdown";
  std::string output;
  std::string workspace;
};

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

int run_doc(const DocOptions& options, const GlobalOptions& globals) {
  std::optional<Session> session = open_session(globals, options.workspace, {});
  if (!session) return kExitInvalid;
  if (!session->config_diagnostics.empty()) {
    write_stderr(render_diagnostics(session->config_diagnostics, {}, globals, use_color(globals, 2)));
  }
  if (session->config_diagnostics.has_errors()) return kExitInvalid;
  print_library_diagnostics(*session, globals);

  const std::vector<std::string> available = session->registry.names();
  std::vector<std::string> selected;
  if (options.libraries.empty()) {
    selected = available;
  } else {
    std::set<std::string> wanted;
    for (const auto& raw : options.libraries) {
      std::string name = trim(raw);
      if (name.empty()) continue;
      if (!session->registry.contains(name)) {
        std::string help = sema::did_you_mean_help(name, available).value_or("");
        std::string list;
        for (const auto& known : available) list += (list.empty() ? "" : ", ") + known;
        print_error(globals, "unknown library '" + name + "'",
                    (help.empty() ? std::string() : help + "; ") + "the libraries of this workspace are " + list);
        return kExitInvalid;
      }
      wanted.insert(name);
    }
    selected.assign(wanted.begin(), wanted.end());  // sorted, each once
  }

  library::CallContext context{*session->workspace, &session->registry};
  std::vector<report::DocumentedLibrary> documented;
  bool any_error = false;
  for (const auto& name : selected) {
    report::DocumentedLibrary entry;
    entry.name = name;
    auto kind = session->library_kinds.find(name);
    entry.kind = kind == session->library_kinds.end() ? "built-in" : kind->second;
    if (const library::LibraryError* failure = session->registry.failure(name)) {
      entry.error = *failure;
    } else if (library::Library* library = session->registry.find(name)) {
      auto described = library->describe(context);
      if (described.ok()) {
        entry.doc = std::move(described).value();
        entry.doc->name = name;  // specs use the registry name, whatever a plugin calls itself
      } else {
        entry.error = described.error();
      }
    }
    if (entry.error) {
      any_error = true;
      print_verbose(globals, 1, "library '" + name + "' could not be documented: " + entry.error->message);
    }
    documented.push_back(std::move(entry));
  }

  std::string text = options.format == "json" ? report::render_library_doc_json(documented)
                                               : report::render_library_doc_markdown(documented);
  if (!write_output(globals, options.output, text)) return kExitInvalid;
  if (!options.output.empty() && !globals.quiet) {
    write_stderr("Documentation of " + std::to_string(documented.size()) +
                 (documented.size() == 1 ? " library" : " libraries") + " written to '" + options.output + "'\n");
  }
  if (session->library_config_invalid) return kExitInvalid;
  return any_error ? kExitFailed : kExitOk;
}

}  // namespace

Command add_doc_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand(
      "doc", "Document every library of the workspace: the built-ins and the plugins of hielements.toml");
  auto options = std::make_shared<DocOptions>();
  app->add_option("-l,--library", options->libraries, "Only these libraries (comma-separated names)")
      ->type_name("NAMES")
      ->delimiter(',');
  app->add_option("-f,--format", options->format, "Output format: markdown or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"markdown", "json"}));
  app->add_option("-o,--output", options->output, "Write the documentation to FILE instead of stdout")
      ->type_name("FILE");
  app->add_option("-w,--workspace", options->workspace,
                  "Workspace root (default: the directory of the nearest hielements.toml, else the current one)")
      ->type_name("DIR");
  app->footer(
      "Libraries are sorted by name; each lists its selectors and checks with their parameters. Process plugins\n"
      "are started to describe themselves. A library that cannot be documented (a bad configuration entry, a\n"
      "plugin that does not start) is listed with its error.\n"
      "Exit code 0 when every library was documented, 1 when one was listed with an error, 2 when the command\n"
      "line or the configuration is invalid (an unknown --library name, a bad [libraries] entry).\n"
      "\n"
      "Examples:\n"
      "  hie doc -o LIBRARIES.md\n"
      "  hie doc --library files,file_stats --format json");
  return {app, [options, &globals] { return run_doc(*options, globals); }};
}

}  // namespace hie::cli
