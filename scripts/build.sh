#!/usr/bin/env bash
# Configures (CMake + Ninja, RelWithDebInfo) and builds hie: `build/` by default, `build-asan/` with --sanitize.
set -euo pipefail

usage() {
  echo "usage: scripts/build.sh [--sanitize] [--build-dir DIR]" >&2
  exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sanitize=OFF
build_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sanitize) sanitize=ON ;;
    --build-dir) [[ $# -ge 2 ]] || usage; build_dir="$2"; shift ;;
    -h|--help) usage ;;
    *) echo "build: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done
if [[ -z "$build_dir" ]]; then
  if [[ "$sanitize" == ON ]]; then build_dir="$root/build-asan"; else build_dir="$root/build"; fi
fi

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIE_SANITIZE="$sanitize" >/dev/null
ninja -C "$build_dir" -j"$(nproc)"
