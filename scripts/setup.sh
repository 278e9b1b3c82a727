#!/usr/bin/env bash
# Installs the Debian 12 packages hie needs to build, test, fuzz and benchmark. A fast no-op when all are present.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config
  wabt libcli11-dev nlohmann-json3-dev libtoml11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang lld wasi-libc libclang-rt-14-dev-wasm32 libclang-rt-14-dev
  python3 python3-jsonschema git ca-certificates
)

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run this, then try again:" >&2
  echo "sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Quiet but not silent: apt's errors still reach the terminal.
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done" >&2
