#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite with ctest (`build/`, or `build-asan/` with --sanitize).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sanitize=()
build_dir="$root/build"
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=(--sanitize); build_dir="$root/build-asan" ;;
    *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
  esac
done

"$root/scripts/setup.sh"
"$root/scripts/build.sh" "${sanitize[@]}" --build-dir "$build_dir"
if [[ ${#sanitize[@]} -gt 0 ]]; then
  # Any sanitizer report, leaks included, makes the process exit non-zero, so the test that caused it fails.
  export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
fi
# ctest exits non-zero when any test fails and ends with its "N% tests passed, M tests failed out of T" line.
ctest --test-dir "$build_dir" --output-on-failure -j2
