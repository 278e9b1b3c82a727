#!/usr/bin/env bash
# Sets up, builds, and checks the repository against its own architecture description, hielements.hie.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$root"
exec ./build/hie check hielements.hie "$@"
