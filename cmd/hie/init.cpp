// `hie init NAME [-d DIR]`: start a spec (NAME.hie), a hielements.toml and a short guide; never overwrites.
#include <filesystem>
#include <memory>
#include <system_error>

#include "commands.h"

namespace hie::cli {
namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string name;
  std::string directory = ".";
};

// An identifier of the language ([A-Za-z_][A-Za-z0-9_]*): the name becomes the element's name, so anything else
// would generate a spec that does not parse (the older tool accepted `9lives` and non-ASCII letters).
bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name.front())) return false;
  for (char c : name) {
    if (!letter(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string spec_text(const std::string& name) {
  return "# The architecture of " + name +
         ", checked by hie: run `hie check` here. HIE_GUIDE.md is a quick reference.\n"
         "\n"
         "import files\n"
         "\n"
         "## The " + name + " project.\n"
         "element " + name + " {\n"
         "    scope root = files.folder_selector('.')\n"
         "    check files.exists(root, '" + name + ".hie')\n"
         "}\n";
}

std::string config_text(const std::string& name) {
  return "# hie's configuration for this workspace. Every key is optional; unknown keys are an error.\n"
         "\n"
         "[check]\n"
         "specs = [\"" + name + ".hie\"]   # the specs `hie check` loads when none is named\n"
         "# jobs = 0                  # worker threads; 0 = one per core\n"
         "# timeout = 30              # seconds per plugin call\n"
         "\n"
         "[workspace]\n"
         "# exclude = [\"build/**\"]    # never indexed (.git/ never is)\n"
         "# gitignore = true          # honour .gitignore files\n";
}

constexpr const char* kGuide =
    "# hie quick reference\n"
    "\n"
    "## Commands\n"
    "\n"
    "- `hie check` evaluates every check of the specs and prints PASS/FAIL per check (exit 1 when one fails).\n"
    "- `hie validate SPEC` finds mistakes in a spec without running anything.\n"
    "- `hie eval EXPR` evaluates one expression, e.g. `hie eval \"files.folder_selector('src')\"`.\n"
    "- `hie explain CODE` explains a diagnostic code such as E050.\n"
    "\n"
    "## Syntax\n"
    "\n"
    "```\n"
    "import files\n"
    "\n"
    "## A doc comment describes the next element.\n"
    "element shop {\n"
    "    scope src = files.folder_selector('src')      # the files this element owns\n"
    "    check files.exists(src, 'main.py')            # a rule they follow\n"
    "\n"
    "    element api {                                 # elements nest like the code\n"
    "        scope src = files.folder_selector('src/api')\n"
    "        check files.no_files_matching(src, '*.tmp')\n"
    "    }\n"
    "}\n"
    "```\n"
    "\n"
    "## The `files` library\n"
    "\n"
    "Selectors: `files.file_selector(path)`, `files.folder_selector(path)`, `files.glob_selector(pattern)`.\n"
    "Checks: `files.exists(scope, name)`, `files.contains(scope, text)`, `files.no_files_matching(scope, glob)`,\n"
    "`files.max_size(scope, bytes)`. Run `hie doc` for the complete list.\n";

// Writes `text` to `path` unless it exists. Returns false (after printing an error) when writing failed.
bool write_new(const fs::path& path, const std::string& text, bool& created, const GlobalOptions& globals) {
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (!globals.quiet) write_stderr("info: '" + path.generic_string() + "' already exists, skipping\n");
    created = false;
    return true;
  }
  created = write_output(globals, path.string(), text);
  return created;
}

int run_init(const InitOptions& options, const GlobalOptions& globals) {
  if (!valid_name(options.name)) {
    print_error(globals, "invalid project name '" + options.name + "'",
                "the name becomes an element name: letters, digits and '_', not starting with a digit");
    return kExitInvalid;
  }
  fs::path dir(options.directory);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    print_error(globals, "cannot create directory '" + dir.generic_string() + "': " + ec.message());
    return kExitInvalid;
  }
  fs::path spec = dir / (options.name + ".hie");
  if (fs::exists(spec, ec)) {
    print_error(globals, "'" + spec.generic_string() + "' already exists",
                "hie init never overwrites; choose another name or directory");
    return kExitInvalid;
  }
  bool spec_created = false;
  bool config_created = false;
  bool guide_created = false;
  if (!write_new(spec, spec_text(options.name), spec_created, globals)) return kExitInvalid;
  if (!write_new(dir / "hielements.toml", config_text(options.name), config_created, globals)) return kExitInvalid;
  if (!write_new(dir / "HIE_GUIDE.md", kGuide, guide_created, globals)) return kExitInvalid;
  if (globals.quiet) return kExitOk;

  std::string out = "Created a hie project '" + options.name + "':\n";
  if (spec_created) out += "  " + spec.generic_string() + "\n";
  if (config_created) out += "  " + (dir / "hielements.toml").generic_string() + "\n";
  if (guide_created) out += "  " + (dir / "HIE_GUIDE.md").generic_string() + "\n";
  out += "\nNext steps:\n";
  out += "  1. describe your code base in " + spec.generic_string() + " (HIE_GUIDE.md shows the syntax)\n";
  out += "  2. run 'hie check' in " + dir.generic_string() + "\n";
  return write_output(globals, "", out) ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_init_command(CLI::App& root, const GlobalOptions& globals) {
  CLI::App* app = root.add_subcommand("init", "Create NAME.hie, hielements.toml and a short guide; never overwrites");
  auto options = std::make_shared<InitOptions>();
  app->add_option("NAME", options->name, "The project's name (an identifier: it names the top element)")
      ->type_name("")
      ->required();
  app->add_option("-d,--directory", options->directory, "Where to create the files (default: .)")->type_name("DIR");
  app->footer(
      "An existing NAME.hie is an error (exit 2); an existing hielements.toml or HIE_GUIDE.md is kept.\n"
      "\n"
      "Examples:\n"
      "  hie init shop\n"
      "  hie init shop -d path/to/repo");
  return {app, [options, &globals] { return run_init(*options, globals); }};
}

}  // namespace hie::cli
