#!/usr/bin/env bash
# Builds the lexer/parser fuzz target with clang (libFuzzer + ASan + UBSan) and runs it for N seconds (default 60).
# Fails on any crash, sanitizer report, leak or timeout; the reproducer is left in build-fuzz/artifacts/.
set -euo pipefail

usage() {
  echo "usage: scripts/fuzz.sh [--seconds N]" >&2
  exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage; seconds="$2"; shift ;;
    -h|--help) usage ;;
    *) echo "fuzz: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done

"$root/scripts/setup.sh"

build_dir="$root/build-fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DHIE_FUZZ=ON -DHIE_BUILD_TESTS=OFF -DHIE_BUILD_BENCH=OFF >/dev/null
ninja -C "$build_dir" -j"$(nproc)" hie_parser_fuzz

# libFuzzer adds what it finds to the corpus directory: work on a copy so the repository's seeds stay as written.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$build_dir/artifacts"
cp "$root"/tests/fuzz/corpus/* "$work/corpus/"

echo "fuzz: running hie_parser_fuzz for ${seconds}s" >&2
status=0
ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
  "$build_dir/tests/fuzz/hie_parser_fuzz" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -dict="$root/tests/fuzz/hie.dict" \
    -artifact_prefix="$build_dir/artifacts/" \
    -print_final_stats=1 \
    "$work/corpus" || status=$?

if [[ $status -ne 0 ]]; then
  echo "fuzz: FAILED (exit $status); reproducer(s) in $build_dir/artifacts/:" >&2
  ls -1 "$build_dir/artifacts/" >&2
  echo "fuzz: replay one with: $build_dir/tests/fuzz/hie_parser_fuzz FILE" >&2
  exit 1
fi
echo "fuzz: no crash, leak or timeout in ${seconds}s" >&2
