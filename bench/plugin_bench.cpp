// Process plugins (docs/plugins-process.md, "Speed"): the round trip of one call to a running plugin, and the cost
// of a cold start (start the process, library.initialize, first call), with testdata/plugins/well_behaved.py.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "library/value.h"
#include "plugin/jsonrpc/process_library.h"
#include "workspace/workspace.h"

namespace {

using hie::plugin::jsonrpc::ProcessLibrary;
using hie::plugin::jsonrpc::ProcessLibrarySpec;

ProcessLibrarySpec well_behaved_spec() {
  ProcessLibrarySpec spec;
  spec.name = "wb";
  spec.executable = "python3";
  spec.args = {std::string(HIE_SOURCE_DIR) + "/testdata/plugins/well_behaved.py"};
  spec.hie_version = "bench";
  return spec;
}

const hie::workspace::Workspace& bench_workspace() {
  static const hie::workspace::Workspace workspace =
      hie::workspace::Workspace::open(std::filesystem::path(HIE_SOURCE_DIR) / "testdata" / "plugins", {});
  return workspace;
}

// One library.check round trip to a process that is already running.
void BM_ProcessPluginCheckRoundTrip(benchmark::State& state) {
  ProcessLibrary library(well_behaved_spec());
  hie::library::CallContext ctx{bench_workspace()};
  if (!library.check("pass", {}, ctx).ok()) state.SkipWithError("the plugin does not start (python3 missing?)");
  for (auto _ : state) {
    auto outcome = library.check("pass", {}, ctx);
    benchmark::DoNotOptimize(outcome);
  }
}
BENCHMARK(BM_ProcessPluginCheckRoundTrip)->Unit(benchmark::kMicrosecond);

// A library.call with an argument of 100 strings: value encoding both ways on top of the round trip.
void BM_ProcessPluginCallWithList(benchmark::State& state) {
  ProcessLibrary library(well_behaved_spec());
  hie::library::CallContext ctx{bench_workspace()};
  std::vector<hie::library::Value> items;
  for (int i = 0; i < 100; ++i) items.push_back(hie::library::Value::string("item " + std::to_string(i)));
  std::vector<hie::library::Value> args{hie::library::Value::list(items)};
  if (!library.call("echo", args, ctx).ok()) state.SkipWithError("the plugin does not start (python3 missing?)");
  for (auto _ : state) {
    auto value = library.call("echo", args, ctx);
    benchmark::DoNotOptimize(value);
  }
}
BENCHMARK(BM_ProcessPluginCallWithList)->Unit(benchmark::kMicrosecond);

// Start-up: a new process, library.initialize and the first call, then the orderly shutdown (not timed).
void BM_ProcessPluginColdStart(benchmark::State& state) {
  hie::library::CallContext ctx{bench_workspace()};
  for (auto _ : state) {
    ProcessLibrary library(well_behaved_spec());
    auto outcome = library.check("pass", {}, ctx);
    if (!outcome.ok()) state.SkipWithError("the plugin does not start (python3 missing?)");
    state.PauseTiming();
    library.shutdown();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_ProcessPluginColdStart)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
