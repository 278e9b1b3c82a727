// Google Benchmark: encoding, decoding and saving/loading the fact cache of 50,000 files with realistic facts.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "graph/fact_cache.h"

namespace {

using hie::graph::CachedFile;
using hie::graph::FactCache;
using hie::graph::FactStore;
using hie::graph::FileFacts;

std::vector<CachedFile> sample_files(std::size_t count) {
  std::vector<CachedFile> files;
  files.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto facts = std::make_shared<FileFacts>();
    facts->language = "python";
    for (std::uint32_t k = 0; k < 6; ++k) {
      facts->imports.push_back({"app.layer" + std::to_string(k) + ".p" + std::to_string(i % 97), "f" + std::to_string(k),
                                k + 3, "from", 0, false, false});
    }
    for (std::uint32_t k = 0; k < 8; ++k) facts->symbols.push_back({"function", "f" + std::to_string(k), "", 10 + k * 8, true});
    CachedFile file;
    char path[64];
    std::snprintf(path, sizeof path, "py/app/l%zu/p%05zu/m%02zu.py", i % 5, i / 20, i % 20);
    file.path = path;
    file.stamp = {3000, static_cast<std::int64_t>(i) * 1000, static_cast<std::int64_t>(i) * 1000, i + 1};
    file.hash = hie::graph::content_hash(file.path);
    file.facts = std::move(facts);
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(), [](const CachedFile& a, const CachedFile& b) { return a.path < b.path; });
  return files;
}

void BM_FactCacheEncode(benchmark::State& state) {
  FactStore store("python", 1);
  store.replace(sample_files(static_cast<std::size_t>(state.range(0))));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string encoded = store.encode();
    bytes = encoded.size();
    benchmark::DoNotOptimize(encoded);
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_FactCacheDecode(benchmark::State& state) {
  FactStore store("python", 1);
  store.replace(sample_files(static_cast<std::size_t>(state.range(0))));
  const std::string encoded = store.encode();
  for (auto _ : state) {
    FactStore loaded("python", 1);
    std::string why;
    if (!loaded.decode(encoded, &why)) state.SkipWithError(why.c_str());
    benchmark::DoNotOptimize(loaded.files().data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The full round trip through the disk: save (temp file + rename) then load in a new cache.
void BM_FactCacheSaveLoad(benchmark::State& state) {
  const auto root = std::filesystem::temp_directory_path() / ("hie-cache-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root);
  const auto files = sample_files(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    {
      FactCache cache(root, true);
      cache.store("python", 1).replace(files);
      cache.save();
    }
    FactCache cache(root, true);
    benchmark::DoNotOptimize(cache.store("python", 1).files().size());
    state.PauseTiming();
    std::filesystem::remove_all(root / ".hie-cache");
    state.ResumeTiming();
  }
  std::filesystem::remove_all(root);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_FactCacheEncode)->Arg(50'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactCacheDecode)->Arg(50'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactCacheSaveLoad)->Arg(50'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
