#include "workspace_generator.h"

#include <fmt/format.h>

#include <fstream>
#include <random>
#include <vector>

namespace hie::bench {
namespace fs = std::filesystem;
namespace {

// Layers from top to bottom: a module imports mostly from its own package and from layers below it.
const std::vector<std::string> kLayers = {"api", "service", "domain", "infra", "util"};
const std::vector<std::string> kExternal = {"os", "sys", "json", "typing", "dataclasses", "logging", "requests",
                                            "collections", "itertools", "functools"};

class Writer {
 public:
  Writer(fs::path root, GeneratedWorkspace& out) : root_(std::move(root)), out_(out) {}
  void write(const std::string& rel, const std::string& text) {
    const fs::path path = root_ / rel;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    ++out_.files;
    out_.bytes += text.size();
  }

 private:
  fs::path root_;
  GeneratedWorkspace& out_;
};

struct PyModule {
  std::size_t layer;
  std::size_t package;
  std::size_t index;
  std::string dotted() const {
    return fmt::format("app.{}.p{}.m{}", kLayers[layer], package, index);
  }
  std::string path() const { return fmt::format("py/app/{}/p{}/m{}.py", kLayers[layer], package, index); }
};

std::string python_file(const PyModule& self, const std::vector<std::vector<std::vector<PyModule>>>& modules,
                        std::mt19937& random) {
  std::string text = fmt::format("\"\"\"Module {} of the generated workspace.\n\nimport fake.in.docstring\n\"\"\"\n",
                                 self.dotted());
  text += "from __future__ import annotations\n\n";
  auto pick = [&](std::size_t layer) -> const PyModule& {
    const auto& packages = modules[layer];
    const auto& package = packages[random() % packages.size()];
    return package[random() % package.size()];
  };
  const int imports = 3 + static_cast<int>(random() % 6);
  for (int i = 0; i < imports; ++i) {
    const unsigned roll = random() % 100;
    if (roll < 25) {
      text += fmt::format("import {}\n", kExternal[random() % kExternal.size()]);
    } else if (roll < 55) {
      // Same package: these make most of the cycles.
      const auto& package = modules[self.layer][self.package];
      const PyModule& other = package[random() % package.size()];
      if (other.index != self.index) text += fmt::format("from . import m{}\n", other.index);
    } else if (roll < 98 || self.layer == 0) {
      const std::size_t below = self.layer + 1 + random() % (kLayers.size() - self.layer);
      const PyModule& other = pick(std::min(below, kLayers.size() - 1));
      text += fmt::format("from {} import f{}\n", other.dotted(), other.index % 5);
    } else {
      // A rare upward import: a layering violation.
      const PyModule& other = pick(random() % self.layer);
      text += fmt::format("from {} import f0\n", other.dotted());
    }
  }
  text += "\nif TYPE_CHECKING:\n    from app.util.p0.m0 import f0\n\n";
  const int functions = 4 + static_cast<int>(random() % 6);
  for (int f = 0; f < functions; ++f) {
    text += fmt::format(
        "\n\ndef f{}(value: int, name: str = \"import os\") -> dict:\n"
        "    \"\"\"Compute something for {}.\"\"\"\n"
        "    # a comment: import not_an_import\n"
        "    result = {{\"value\": value * {}, \"name\": name}}\n"
        "    for i in range({}):\n"
        "        result[str(i)] = i * value\n"
        "    return result\n",
        f, self.dotted(), f + 1, f + 3);
  }
  text += fmt::format(
      "\n\nclass Model{}:\n    \"\"\"A generated class.\"\"\"\n\n    def __init__(self, x):\n        self.x = x\n\n"
      "    def run(self):\n        import json\n        return json.dumps({{'x': self.x}})\n",
      self.index);
  return text;
}

std::string rust_file(std::size_t crate, std::size_t module, std::size_t modules, std::size_t crates,
                      std::mt19937& random) {
  std::string text = fmt::format("//! Module m{} of crate c{} (generated).\n\n", module, crate);
  const int uses = 2 + static_cast<int>(random() % 5);
  for (int i = 0; i < uses; ++i) {
    const unsigned roll = random() % 100;
    if (roll < 20) {
      text += "use std::collections::HashMap;\n";
    } else if (roll < 80) {
      const std::size_t other = random() % modules;
      if (other != module) text += fmt::format("use crate::m{}::Item{};\n", other, other);
    } else if (crate + 1 < crates) {
      const std::size_t other_crate = crate + 1 + random() % (crates - crate - 1);
      text += fmt::format("use c{}::m{}::Item{};\n", other_crate, random() % modules, random() % modules);
    }
  }
  text += fmt::format("\n/// Item {}.\n#[derive(Debug, Clone)]\npub struct Item{} {{\n    pub value: u64,\n}}\n\n",
                      module, module);
  const int functions = 3 + static_cast<int>(random() % 5);
  for (int f = 0; f < functions; ++f) {
    text += fmt::format(
        "/// Function {}.\npub fn f{}(x: u64) -> u64 {{\n    // use crate::not_a_use;\n    let s = \"use fake::path;\";\n"
        "    let _ = s.len();\n    (0..x).map(|i| i * {}).sum()\n}}\n\n",
        f, f, f + 1);
  }
  text += fmt::format("impl Item{} {{\n    pub fn new(value: u64) -> Self {{\n        Self {{ value }}\n    }}\n}}\n",
                      module);
  text += "\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn works() {\n        assert_eq!(super::f0(0), 0);\n    }\n}\n";
  return text;
}

}  // namespace

GeneratedWorkspace generate_workspace(const fs::path& root, const WorkspaceShape& shape) {
  GeneratedWorkspace out;
  Writer writer(root, out);
  std::mt19937 random(shape.seed);

  // Python: 70% of the files, 20 modules per package.
  const std::size_t python_files = shape.files * 7 / 10;
  constexpr std::size_t kPerPackage = 20;
  const std::size_t packages_per_layer = std::max<std::size_t>(1, python_files / kPerPackage / kLayers.size());
  std::vector<std::vector<std::vector<PyModule>>> modules(kLayers.size());
  for (std::size_t layer = 0; layer < kLayers.size(); ++layer) {
    modules[layer].resize(packages_per_layer);
    for (std::size_t package = 0; package < packages_per_layer; ++package) {
      for (std::size_t index = 0; index < kPerPackage; ++index) modules[layer][package].push_back({layer, package, index});
    }
  }
  writer.write("py/app/__init__.py", "");
  for (std::size_t layer = 0; layer < kLayers.size(); ++layer) {
    writer.write(fmt::format("py/app/{}/__init__.py", kLayers[layer]), "");
    for (std::size_t package = 0; package < packages_per_layer; ++package) {
      writer.write(fmt::format("py/app/{}/p{}/__init__.py", kLayers[layer], package), "");
      for (const auto& module : modules[layer][package]) writer.write(module.path(), python_file(module, modules, random));
    }
  }

  // Rust: 30% of the files, crates of 50 modules.
  const std::size_t rust_files = shape.files - python_files;
  constexpr std::size_t kPerCrate = 50;
  const std::size_t crates = std::max<std::size_t>(1, rust_files / kPerCrate);
  for (std::size_t crate = 0; crate < crates; ++crate) {
    std::string manifest = fmt::format("[package]\nname = \"c{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n", crate);
    writer.write(fmt::format("rs/c{}/Cargo.toml", crate), manifest);
    std::string lib = fmt::format("//! Crate c{}.\n\n", crate);
    for (std::size_t module = 0; module < kPerCrate; ++module) lib += fmt::format("pub mod m{};\n", module);
    writer.write(fmt::format("rs/c{}/src/lib.rs", crate), lib);
    for (std::size_t module = 0; module < kPerCrate; ++module) {
      writer.write(fmt::format("rs/c{}/src/m{}.rs", crate, module), rust_file(crate, module, kPerCrate, crates, random));
    }
  }

  // The spec: one element per Python package (a handful of checks each, and connection rules through a pattern),
  // per layer (layers, cycles), and per Rust crate, until `rules` rules.
  std::string spec = "import files\nimport python\nimport rust\nimport arch\n\n";
  spec += "pattern bounded:\n    forbids connection to app.api.*\n\n";
  spec += "element app:\n";
  std::uint64_t rules = 0;
  for (std::size_t layer = 0; layer < kLayers.size(); ++layer) {
    spec += fmt::format("    element {}:\n        scope src<python> = files.folder_selector('py/app/{}')\n",
                        kLayers[layer], kLayers[layer]);
  }
  std::string layers;
  for (const auto& layer : kLayers) {
    layers += (layers.empty() ? "" : ", ") + fmt::format("files.folder_selector('py/app/{}')", layer);
  }
  spec += "    check python.layers([" + layers + "])\n";
  spec += "    check arch.no_cycles(files.folder_selector('py/app/util'))\n";
  rules += 2;
  std::size_t package = 0;
  // Python packages take four fifths of the rules, Rust crates the rest.
  while (rules + 8 <= shape.rules * 4 / 5 && package < packages_per_layer * kLayers.size()) {
    const std::size_t layer = package % kLayers.size();
    const std::size_t index = package / kLayers.size();
    if (index >= packages_per_layer) break;
    const std::string dir = fmt::format("py/app/{}/p{}", kLayers[layer], index);
    spec += fmt::format("element pkg_{}_{} implements bounded:\n", kLayers[layer], index);
    spec += fmt::format("    scope src<python> = files.folder_selector('{}')\n", dir);
    spec += "    check python.no_cycles(src)\n";
    spec += "    check python.no_import(src, 'requests')\n";
    spec += "    check python.function_exists(src, 'f0')\n";
    spec += "    check python.class_exists(src, 'Model1')\n";
    spec += fmt::format("    check python.depends_on(src, files.folder_selector('py/app/{}'))\n",
                        kLayers[std::min(layer + 1, kLayers.size() - 1)]);
    spec += "    check python.no_dependency(src, files.folder_selector('py/app/api'))\n";
    spec += "    check files.not_empty(src)\n";
    rules += 8;  // 7 checks + the inherited connection rule
    ++package;
  }
  std::size_t crate = 0;
  while (rules + 3 <= shape.rules && crate < crates) {
    spec += fmt::format("element crate_{}:\n    scope src<rust> = files.folder_selector('rs/c{}/src')\n", crate, crate);
    spec += "    check rust.no_cycles(src)\n    check rust.struct_exists(src, 'Item1')\n";
    spec += "    check arch.no_dependency(src, files.folder_selector('py'))\n";
    rules += 3;
    ++crate;
  }
  writer.write("arch.hie", spec);
  writer.write("hielements.toml", "[check]\nspecs = [\"arch.hie\"]\n");
  out.rules = rules;
  return out;
}

}  // namespace hie::bench
