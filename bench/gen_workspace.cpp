// `hie_gen_workspace DIR [FILES] [RULES]`: writes a synthetic benchmark workspace (bench/workspace_generator.h).
#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "workspace_generator.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    fmt::print(stderr, "usage: hie_gen_workspace DIR [FILES=50000] [RULES=500]\n");
    return 2;
  }
  hie::bench::WorkspaceShape shape;
  if (argc > 2) shape.files = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
  if (argc > 3) shape.rules = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10));
  const auto generated = hie::bench::generate_workspace(argv[1], shape);
  fmt::print("{} files, {} bytes, {} rules\n", generated.files, generated.bytes, generated.rules);
  return 0;
}
