// Shared helpers of the WASM host tests: a scratch workspace, WAT compiled with wat2wasm, a loaded library.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "library/library.h"
#include "library/library_entry.h"
#include "plugin/wasm/wasm_library.h"
#include "workspace/workspace.h"

namespace hie::plugin::wasm::test_support {

// (ptr << 32) | len, as the ABI packs results.
inline std::string packed(std::uint64_t ptr, std::uint64_t len) { return std::to_string((ptr << 32) | len); }

// A WAT string literal for `text` (escapes quotes and backslashes).
inline std::string wat_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A module following ABI v1 with a bump allocator: `imports` go first, `body` holds library_* exports and data.
// Fixed data: 16 = {"Pass":null} (13 bytes).
inline std::string abi_module(const std::string& body, const std::string& imports = "",
                              const std::string& memory = "(memory (export \"memory\") 1)") {
  return "(module\n" + imports + "\n" + memory + R"(
  (global $bump (mut i32) (i32.const 1024))
  (func (export "hie_abi_version") (result i32) (i32.const 1))
  (func (export "alloc") (param $n i32) (result i32) (local $p i32)
    (if (i32.gt_u (i32.add (global.get $bump) (local.get $n)) (i32.const 60000))
      (then (global.set $bump (i32.const 1024))))
    (local.set $p (global.get $bump))
    (global.set $bump (i32.add (global.get $bump) (local.get $n)))
    (local.get $p))
  (func (export "dealloc") (param i32 i32))
  (data (i32.const 16) "{\"Pass\":null}")
)" + body + "\n)\n";
}

class WasmScratch {
 public:
  WasmScratch() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("hie-wasm-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_ / "ws");
    std::filesystem::create_directories(root_ / "modules");
  }
  ~WasmScratch() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  std::filesystem::path workspace() const { return root_ / "ws"; }
  std::filesystem::path outside() const { return root_; }

  void write(const std::filesystem::path& path, const std::string& content) const {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }
  // Compiles `wat` with wat2wasm (a required build dependency); returns the .wasm path or an empty path.
  std::filesystem::path compile(const std::string& wat) {
    std::string stem = "m" + std::to_string(counter_++);
    std::filesystem::path source = root_ / "modules" / (stem + ".wat");
    std::filesystem::path output = root_ / "modules" / (stem + ".wasm");
    write(source, wat);
    std::string command = "wat2wasm '" + source.string() + "' -o '" + output.string() + "' 2>'" +
                          (root_ / "modules" / (stem + ".err")).string() + "'";
    if (std::system(command.c_str()) != 0) return {};
    return output;
  }
  std::string compile_errors() const {
    std::ifstream in(root_ / "modules" / ("m" + std::to_string(counter_ - 1) + ".err"));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

 private:
  std::filesystem::path root_;
  int counter_ = 0;
};

// Captures what the host logs and warns, thread-safely.
struct LogSink {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::function<void(std::string_view)> fn() {
    return [this](std::string_view line) {
      std::lock_guard lock(mutex);
      lines.emplace_back(line);
    };
  }
  bool contains(const std::string& needle) {
    std::lock_guard lock(mutex);
    for (const auto& l : lines) {
      if (l.find(needle) != std::string::npos) return true;
    }
    return false;
  }
};

}  // namespace hie::plugin::wasm::test_support
