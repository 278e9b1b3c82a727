// `hie parse FILE`: the syntax tree as JSON on stdout (the older tool's shape), or the syntax errors and exit 2.
#include <unistd.h>

#include <memory>

#include "commands.h"
#include "report/ast_json.h"
#include "report/diagnostics_human.h"
#include "syntax/parser.h"

namespace hie::cli {
namespace {

int run_parse(const std::string& path, const GlobalOptions& globals) {
  std::optional<std::vector<syntax::SourceFile>> sources = read_spec_files({path}, globals);
  if (!sources) return kExitInvalid;
  const syntax::SourceFile& source = sources->front();

  syntax::DiagnosticList diagnostics;
  syntax::File file = syntax::parse(source, diagnostics);
  diagnostics.sort_by_position();

  report::HumanOptions style{use_color(globals, STDERR_FILENO)};
  report::SourceLookup lookup = report::lookup_sources(*sources);
  if (diagnostics.has_errors()) {
    syntax::DiagnosticList shown;
    for (const auto& diagnostic : diagnostics.items()) {
      if (!globals.quiet || diagnostic.severity == syntax::Severity::Error) shown.add(diagnostic);
    }
    write_stderr(report::render_human(shown, lookup, style));
    print_error(globals,
                "could not parse '" + path + "' due to " + plural(diagnostics.error_count(), "previous error"));
    return kExitInvalid;
  }
  if (!globals.quiet) write_stderr(report::render_human(diagnostics, lookup, style));
  print_verbose(globals, 1,
                "parsed '" + path + "': " + plural(file.imports.size(), "import") + ", " +
                    plural(file.languages.size(), "language") + ", " + plural(file.patterns.size(), "pattern") + ", " +
                    plural(file.elements.size(), "top-level element"));
  return write_output(globals, "", report::render_ast_json(file)) ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_parse_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand("parse", "Print the syntax tree of a spec file as JSON");
  auto path = std::make_shared<std::string>();
  app->add_option("FILE", *path, "The .hie file to parse")->required()->type_name("");
  app->footer(
      "Prints {imports, languages, templates, elements, span} as pretty JSON on stdout, in the older Hielements\n"
      "tool's shape (patterns are listed under \"templates\"). A file with syntax errors prints the errors on\n"
      "stderr and exits with code 2.\n"
      "\n"
      "Example:\n"
      "  hie parse architecture.hie > tree.json");
  return {app, [path, &globals] { return run_parse(*path, globals); }};
}

}  // namespace hie::cli
