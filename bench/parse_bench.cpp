// Micro-benchmarks of the front end on a generated 10,000-line spec: lexing alone, and lexing + parsing.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>

#include "spec_generator.h"
#include "syntax/diagnostic.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"
#include "syntax/source_file.h"

namespace {

constexpr std::uint32_t kLines = 10'000;

const hie::syntax::SourceFile& bench_source() {
  static const hie::syntax::SourceFile source("bench.hie", hie::bench::generate_spec(kLines));
  return source;
}

void set_counters(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bench_source().text().size()));
  state.counters["lines/s"] = benchmark::Counter(kLines, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Lex(benchmark::State& state) {
  const auto& source = bench_source();
  for (auto _ : state) {
    hie::syntax::DiagnosticList diagnostics;
    auto tokens = hie::syntax::lex(source, diagnostics);
    benchmark::DoNotOptimize(tokens.data());
  }
  set_counters(state);
}

void BM_LexAndParse(benchmark::State& state) {
  const auto& source = bench_source();
  for (auto _ : state) {
    hie::syntax::DiagnosticList diagnostics;
    auto file = hie::syntax::parse(source, diagnostics);
    benchmark::DoNotOptimize(file.elements.data());
  }
  set_counters(state);
}

}  // namespace

BENCHMARK(BM_Lex)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LexAndParse)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  // Timing error recovery would measure something else: the generated spec must parse cleanly. This also makes the
  // ctest smoke run fail when the generator and the parser disagree.
  hie::syntax::DiagnosticList diagnostics;
  hie::syntax::parse(bench_source(), diagnostics);
  if (!diagnostics.empty()) {
    for (const auto& d : diagnostics.items()) {
      std::fprintf(stderr, "hie_bench: generated spec: %s:%u:%u: %s[%s]: %s\n", d.file.c_str(), d.span.start.line,
                   d.span.start.column, hie::syntax::severity_name(d.severity), d.code.c_str(), d.message.c_str());
    }
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
