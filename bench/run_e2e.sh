#!/usr/bin/env bash
# End-to-end speed of `hie check` on a generated workspace (docs/performance.md):
#   bench/run_e2e.sh [BUILD_DIR] [FILES] [RULES]
# Generates FILES source files (Python and Rust) and a spec of about RULES rules in a temporary directory, then
# reports the floor (list + read every file once, hie_read_floor), a cold run (no .hie-cache/), a warm run (cache
# present, nothing changed), a run with --no-cache, and each run's peak memory. Every figure is the median of
# RUNS runs (default 3), measured twice: with the page cache warm (the files were just read: reading costs only
# the copy), and, when /proc/sys/vm/drop_caches is writable (root), with the page cache dropped before each run
# (every byte comes from storage, as after a reboot or on a fresh machine). DROP_CACHES=0 skips the second set.
# Use an optimized build (-DCMAKE_BUILD_TYPE=RelWithDebInfo).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
files=${2:-50000}
rules=${3:-500}
runs=${RUNS:-3}
hie="$build/hie"
for tool in "$hie" "$build/bench/hie_gen_workspace" "$build/bench/hie_read_floor"; do
  [[ -x $tool ]] || { echo "missing $tool: build hie, hie_gen_workspace and hie_read_floor in $build" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/hie-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "generating: $("$build/bench/hie_gen_workspace" "$work/ws" "$files" "$rules")"
# Stamps of files modified in the last 2 s are not trusted by the cache (racy-git rule): let the tree settle, and
# write it out, so that no run is measured while the kernel is still writing the generated files back.
sync
sleep 3
"$build/bench/hie_read_floor" "$work/ws" >/dev/null  # warm the page cache: every figure is measured warm

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_run LABEL PREPARE COMMAND...: median wall seconds and max peak RSS (KiB) over $runs runs.
time_run() {
  local label=$1 prepare=$2; shift 2
  local times=() peak=0
  for ((i = 0; i < runs; i++)); do
    eval "$prepare"
    local start end rss
    start=$(now)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || true
    end=$(now)
    rss=$(tail -1 "$work/rss")
    ((rss > peak)) && peak=$rss
    times+=("$(echo "$end - $start" | bc -l)")
  done
  local t
  t=$(printf '%s\n' "${times[@]}" | median)
  printf '%-28s %8.3f s   peak %6d MiB\n' "$label" "$t" $((peak / 1024))
  echo "$t" >"$work/last"
}

# measure_all TITLE PREPARE: the four runs, each after PREPARE; prints the ratios to the floor.
measure_all() {
  local title=$1 prepare=$2
  echo "$title"
  time_run "floor (read every file)" "$prepare" "$build/bench/hie_read_floor" "$work/ws"
  local floor cold warm
  floor=$(cat "$work/last")
  time_run "hie check, cold (no cache)" "rm -rf .hie-cache; $prepare" "$hie" check -q
  cold=$(cat "$work/last")
  "$hie" check -q >/dev/null 2>&1 || true  # leave a cache behind
  time_run "hie check, warm (cache)" "$prepare" "$hie" check -q
  warm=$(cat "$work/last")
  time_run "hie check --no-cache" "$prepare" "$hie" check -q --no-cache
  printf 'cold / floor = %.2f (target <= 2)   warm / floor = %.2f (target <= 0.5)\n' \
    "$(echo "$cold / $floor" | bc -l)" "$(echo "$warm / $floor" | bc -l)"
}

cd "$work/ws"
measure_all "page cache warm:" ":"
"$hie" -v check -q 2>&1 >/dev/null | grep 'fact cache' || true
"$hie" check -f json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print("results:", d["summary"])' || true
if [[ ${DROP_CACHES:-1} != 0 ]]; then
  if [[ -w /proc/sys/vm/drop_caches ]]; then
    measure_all "page cache dropped before each run:" "sync; echo 3 >/proc/sys/vm/drop_caches"
  else
    echo "page cache dropped: skipped (/proc/sys/vm/drop_caches is not writable; run as root)"
  fi
fi
