// A generator of large synthetic workspaces for benchmarks: Python packages and Rust crates with a realistic import
// structure (layers, packages, mostly downward imports, a few upward ones and cycles, external packages), plus a
// spec of about `rules` checks and connection rules over them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace hie::bench {

struct WorkspaceShape {
  std::uint32_t files = 50'000;  // source files in total (about 70% Python, 30% Rust)
  std::uint32_t rules = 500;     // checks and connection rules in the generated spec
  std::uint32_t seed = 1;
};

struct GeneratedWorkspace {
  std::uint64_t files = 0;  // files written (sources, Cargo.toml, __init__.py, spec, config)
  std::uint64_t bytes = 0;
  std::uint64_t rules = 0;  // checks and connection rules in the spec
};

// Writes the workspace into `root` (created; must be empty or absent): `py/app/<layer>/<package>/*.py`,
// `rs/<crate>/{Cargo.toml,src/...}`, `arch.hie` and `hielements.toml`. Deterministic for a given shape.
GeneratedWorkspace generate_workspace(const std::filesystem::path& root, const WorkspaceShape& shape);

}  // namespace hie::bench
