// Measures `hie check` with 200 rust checks on a generated ~800-file Rust workspace against the cost the older tool
// paid: walking the workspace and reading every Rust file once per check (done here for real, 200 times).
//
// Usage: hie_rust_checks_bench [path/to/hie] [work-dir]   (defaults: the hie built next to it, a temp dir)
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kCrates = 4;
constexpr int kModulesPerCrate = 10;
constexpr int kFilesPerModule = 20;  // 4 x 10 x 20 = 800 module files (+ lib.rs and mod.rs files)
constexpr int kChecks = 200;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

std::string crate_name(int c) { return "crate_" + std::to_string(c); }
std::string module_name(int m) { return "module_" + std::to_string(m); }
std::string file_name(int f) { return "item_" + std::to_string(f); }

// A realistic file: imports, documented items, an impl, comments and strings that mention other modules, a test.
std::string rust_file(int c, int m, int f) {
  std::ostringstream out;
  out << "//! Item " << f << " of " << module_name(m) << ".\n";
  out << "use std::collections::HashMap;\n";
  if (m > 0) out << "use crate::" << module_name(m - 1) << "::" << file_name(f) << "::Record" << f << ";\n";
  if (c > 0) out << "use " << crate_name(c - 1) << "::" << module_name(m) << "::" << file_name(f) << ";\n";
  out << "\n/// A record.\n#[derive(Debug, Clone, Default)]\npub struct Record" << f << " {\n    pub id: u64,\n"
      << "    pub names: HashMap<String, String>,\n}\n\n";
  out << "// Mentions crate::" << module_name(m + 1) << " only in a comment: no dependency.\n";
  out << "pub enum State" << f << " {\n    Idle,\n    Busy(u32),\n}\n\n";
  out << "impl Record" << f << " {\n";
  for (int k = 0; k < 6; ++k) {
    out << "    /// Step " << k << ".\n    pub fn step_" << k << "(&mut self, input: &str) -> usize {\n"
        << "        let text = \"fn fake_" << k << "() { crate::nowhere::x() }\";\n"
        << "        self.id += input.len() as u64 + text.len() as u64;\n        self.id as usize\n    }\n";
  }
  out << "}\n\n";
  out << "pub fn handle_" << c << "_" << m << "_" << f << "(r: &Record" << f << ") -> u64 {\n    r.id * 2\n}\n\n";
  out << "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn works() {\n"
      << "        assert_eq!(handle_" << c << "_" << m << "_" << f << "(&Record" << f << "::default()), 0);\n"
      << "    }\n}\n";
  return out.str();
}

void generate_workspace(const fs::path& root) {
  std::ostringstream members;
  for (int c = 0; c < kCrates; ++c) {
    const fs::path dir = root / "crates" / crate_name(c);
    std::ostringstream manifest;
    manifest << "[package]\nname = \"" << crate_name(c) << "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    write(dir / "Cargo.toml", manifest.str());
    std::ostringstream lib;
    lib << "//! Crate " << c << ".\n";
    for (int m = 0; m < kModulesPerCrate; ++m) {
      lib << "pub mod " << module_name(m) << ";\n";
      std::ostringstream mod;
      for (int f = 0; f < kFilesPerModule; ++f) {
        mod << "pub mod " << file_name(f) << ";\n";
        write(dir / "src" / module_name(m) / (file_name(f) + ".rs"), rust_file(c, m, f));
      }
      write(dir / "src" / module_name(m) / "mod.rs", mod.str());
    }
    write(dir / "src" / "lib.rs", lib.str());
    members << (c ? ", " : "") << "\"crates/" << crate_name(c) << "\"";
  }
  write(root / "Cargo.toml", "[workspace]\nmembers = [" + members.str() + "]\n");
}

// 200 checks over 40 elements (one per module): existence, dependencies, tests, derives, uses.
void generate_spec(const fs::path& path) {
  std::ostringstream out;
  out << "import files\nimport rust\n\nelement system {\n";
  int checks = 0;
  for (int c = 0; c < kCrates && checks < kChecks; ++c) {
    for (int m = 0; m < kModulesPerCrate && checks < kChecks; ++m) {
      const std::string module = crate_name(c) + "::" + module_name(m);
      out << "    element " << crate_name(c) << "_" << module_name(m) << " {\n";
      out << "        scope module = rust.module_selector('" << module << "')\n";
      out << "        check rust.function_exists(module, 'handle_" << c << "_" << m << "_3')\n";
      out << "        check rust.struct_exists(module, 'Record7')\n";
      out << "        check rust.has_tests(module)\n";
      out << "        check rust.has_derive(module, 'Clone')\n";
      if (m > 0) {
        out << "        check rust.depends_on(module, rust.module_selector('" << crate_name(c) << "::"
            << module_name(m - 1) << "'))\n";
      } else {
        out << "        check rust.no_dependency(module, rust.module_selector('" << crate_name(c) << "::"
            << module_name(m + 1) << "'))\n";
      }
      out << "    }\n";
      checks += 5;
    }
  }
  out << "}\n";
  write(path, out.str());
}

int run_hie(const std::string& hie, const fs::path& root, const std::string& extra) {
  const std::string command =
      "'" + hie + "' check -q -w '" + root.string() + "' " + extra + " '" + (root / "bench.hie").string() + "' >/dev/null";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What the older tool did per check: walk the tree (pruning target/.git/...) and read every .rs file.
std::size_t walk_and_read(const fs::path& root) {
  std::size_t bytes = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "target" || name == ".git" || name == "node_modules" || name == ".hie-cache")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".rs") {
      std::ifstream in(it->path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      bytes += text.size();
    }
  }
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string hie = argc > 1 ? argv[1] : (fs::path(argv[0]).parent_path().parent_path() / "hie").string();
  const fs::path root = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "hie_rust_checks_bench";
  if (!fs::exists(hie)) {
    std::cerr << "hie binary not found: " << hie << " (pass it as the first argument)\n";
    return 2;
  }
  fs::remove_all(root);
  generate_workspace(root);
  generate_spec(root / "bench.hie");
  std::size_t rust_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) rust_files += entry.path().extension() == ".rs";

  walk_and_read(root);  // warm the page cache for both sides
  // hie: cold = no fact cache (tokenizes every file); warm = with the fact cache filled by a previous run. The
  // best of three runs each, so that other processes on the machine disturb the figure less.
  int cold_status = 0;
  int warm_status = 0;
  double cold = 1e9;
  double warm = 1e9;
  run_hie(hie, root, "");  // fills the fact cache
  for (int run = 0; run < 3; ++run) {
    auto start = Clock::now();
    cold_status |= run_hie(hie, root, "--no-cache");
    cold = std::min(cold, seconds_since(start));
    start = Clock::now();
    warm_status |= run_hie(hie, root, "");
    warm = std::min(warm, seconds_since(start));
  }

  auto start = Clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < kChecks; ++i) bytes += walk_and_read(root);
  const double rewalk = seconds_since(start);

  std::printf("workspace: %zu Rust files, %d checks (hie exit codes %d/%d; 0 = all passed)\n", rust_files, kChecks,
              cold_status, warm_status);
  std::printf("hie check, no fact cache: %8.3f s (best of 3)\n", cold);
  std::printf("hie check, fact cache:    %8.3f s (best of 3)\n", warm);
  std::printf("%d x (walk + read every .rs file): %8.3f s (%zu MB read)\n", kChecks, rewalk, bytes >> 20);
  std::printf("speed-up: %.1fx without the fact cache, %.1fx with it\n", rewalk / cold, rewalk / warm);
  return cold_status == 0 && warm_status == 0 ? 0 : 1;
}
