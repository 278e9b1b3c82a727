#!/usr/bin/env bash
# The same check as a WASM plugin and as a process plugin, through `hie check`: `max_lines(scope, limit)` from
# plugins/examples/c/fopen_reader.c (WASM, reads files with fopen under fs = "read") and from
# plugins/examples/python/file_stats_plugin.py (a Python process plugin). Prints the median wall time of 3 runs
# for each, and the time of a spec without plugin checks (the floor: walk, parse, files checks).
#
# usage: bench/plugin_compare.sh BUILD_DIR [FILES] [CHECKS]     (defaults: 200 files, 100 checks)
set -euo pipefail

build=$(cd "${1:?usage: bench/plugin_compare.sh BUILD_DIR [FILES] [CHECKS]}" && pwd)
files=${2:-200}
checks=${3:-100}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hie="$build/hie"
wasm="$build/plugins/examples/c/fopen_reader.wasm"
[[ -x "$hie" && -f "$wasm" ]] || { echo "build hie and the example plugins in $build first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < files; ++i)); do
  dir="$work/docs/d$((i % 10))"
  mkdir -p "$dir"
  for ((l = 0; l < 50; ++l)); do echo "line $l of file $i"; done > "$dir/f$i.md"
done
cat > "$work/hielements.toml" <<TOML
[libraries]
fopen_reader = { path = "$wasm", capabilities = { fs = "read" } }
file_stats = { executable = "python3", args = ["$root/plugins/examples/python/file_stats_plugin.py"] }
TOML

# One spec per library: CHECKS checks, each over one of the 10 folders (so every check reads 1/10 of the files).
write_spec() {  # $1 = library, $2 = file
  {
    echo "import files"
    [[ -n "$1" ]] && echo "import $1"
    for ((c = 0; c < checks; ++c)); do
      echo "element e$c {"
      echo "    scope src = files.folder_selector('docs/d$((c % 10))')"
      if [[ -n "$1" ]]; then echo "    check $1.max_lines(src, $((100 + c)))"; else echo "    check files.not_empty(src)"; fi
      echo "}"
    done
  } > "$2"
}
write_spec "" "$work/floor.hie"
write_spec fopen_reader "$work/wasm.hie"
write_spec file_stats "$work/process.hie"

median_of_3() {  # runs `hie check SPEC` three times, prints the median wall time in ms
  local times=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$hie" check --no-cache -q -w "$work" "$work/$1" >/dev/null 2>&1 || { echo "hie check $1 failed" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

floor=$(median_of_3 floor.hie)
wasm_ms=$(median_of_3 wasm.hie)
process_ms=$(median_of_3 process.hie)
echo "workspace: $files files of 50 lines; $checks checks, each over $((files / 10)) files"
printf '| %-42s | %8s | %14s |\n' "spec" "wall ms" "per check (ms)"
printf '| %-42s | %8s | %14s |\n' "files.not_empty only (floor)" "$floor" "-"
printf '| %-42s | %8s | %14s |\n' "fopen_reader.max_lines (WASM, in-process)" "$wasm_ms" \
  "$(awk -v a="$wasm_ms" -v f="$floor" -v n="$checks" 'BEGIN { printf "%.2f", (a - f) / n }')"
printf '| %-42s | %8s | %14s |\n' "file_stats.max_lines (Python process)" "$process_ms" \
  "$(awk -v a="$process_ms" -v f="$floor" -v n="$checks" 'BEGIN { printf "%.2f", (a - f) / n }')"
