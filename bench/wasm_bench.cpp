// WASM plugin host: load time and per-call overhead of a trivial module (figures in docs/plugins-wasm.md).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "library/library.h"
#include "library/library_entry.h"
#include "plugin/wasm/wasm_library.h"
#include "workspace/workspace.h"

namespace {

namespace fs = std::filesystem;
using namespace hie;

// A minimal ABI v1 module: library_check answers {"Pass":null}.
constexpr const char* kTrivialWat = R"((module
  (memory (export "memory") 1)
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
  (func (export "library_check") (param i32 i32 i32 i32 i32 i32) (result i64) (i64.const 68719476749))))";

struct Fixture {
  fs::path dir;
  fs::path wasm;
  Fixture() {
    dir = fs::temp_directory_path() / ("hie-wasm-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir / "ws");
    std::ofstream(dir / "m.wat") << kTrivialWat;
    wasm = dir / "m.wasm";
    std::string cmd = "wat2wasm '" + (dir / "m.wat").string() + "' -o '" + wasm.string() + "'";
    if (std::system(cmd.c_str()) != 0) wasm.clear();
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  library::LibraryEntry entry() const {
    library::LibraryEntry e;
    e.name = "trivial";
    e.kind = library::LibraryKind::Wasm;
    e.path = wasm;
    return e;
  }
  plugin::wasm::WasmHostOptions options() const {
    plugin::wasm::WasmHostOptions o;
    o.workspace_root = dir / "ws";
    return o;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_WasmLoad(benchmark::State& state) {
  Fixture& f = fixture();
  if (f.wasm.empty()) {
    state.SkipWithError("wat2wasm failed");
    return;
  }
  for (auto _ : state) {
    auto lib = plugin::wasm::load_wasm_library(f.entry(), f.options());
    if (!lib.ok()) state.SkipWithError(lib.error().message.c_str());
    benchmark::DoNotOptimize(lib);
  }
}
BENCHMARK(BM_WasmLoad)->Unit(benchmark::kMicrosecond);

void BM_WasmCheckCall(benchmark::State& state) {
  Fixture& f = fixture();
  if (f.wasm.empty()) {
    state.SkipWithError("wat2wasm failed");
    return;
  }
  auto lib = plugin::wasm::load_wasm_library(f.entry(), f.options());
  if (!lib.ok()) {
    state.SkipWithError(lib.error().message.c_str());
    return;
  }
  workspace::Workspace ws = workspace::Workspace::open(f.dir / "ws", {});
  library::CallContext ctx{ws};
  std::vector<library::Value> args = {library::Value::string("src"), library::Value::integer(3)};
  for (auto _ : state) {
    auto outcome = lib.value()->check("no_cycles", args, ctx);
    if (!outcome.ok()) state.SkipWithError(outcome.error().message.c_str());
    benchmark::DoNotOptimize(outcome);
  }
}
BENCHMARK(BM_WasmCheckCall)->Unit(benchmark::kMicrosecond);

}  // namespace
