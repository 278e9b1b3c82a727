#include "stdlib/rust/rust_frontend.h"

#include "stdlib/common/language_index.h"
#include "stdlib/rust/rust_facts.h"
#include "stdlib/rust/rust_resolver.h"

namespace hie::stdlib::rust {

graph::FileFacts RustFrontend::extract(std::string_view text) const { return extract_rust_facts(text); }

std::unique_ptr<common::Resolver> RustFrontend::prepare(const common::LanguageIndex& index) const {
  const workspace::Workspace& workspace = index.workspace();
  auto read = [&workspace](const std::string& path) -> std::optional<std::string> {
    auto content = workspace.read(path);
    if (!content || !content->error.empty()) return std::nullopt;
    return content->bytes;
  };
  auto facts = [&index](const std::string& path) { return index.facts(path); };
  return std::make_unique<RustResolver>(RustModuleTree(workspace.files(), index.files(), read, facts));
}

std::optional<std::string> RustFrontend::resolution_inputs(const common::LanguageIndex& index) const {
  // The module tree reads the manifests (RustModuleTree::discover_crates); everything else it uses is a Rust file.
  std::string inputs = "manifests";
  for (const std::string& file : index.workspace().files()) {
    if (file != "Cargo.toml" && !file.ends_with("/Cargo.toml")) continue;
    auto content = index.workspace().read(file);
    inputs += '\0' + file + '\0';
    if (!content || !content->error.empty()) {
      inputs += "unreadable";
      continue;
    }
    inputs += std::to_string(content->bytes.size()) + '\0' + content->bytes;
  }
  return inputs;
}

bool RustFrontend::import_matches(const graph::ImportFact& fact, std::string_view module) const {
  if (fact.kind == "mod" || module.empty()) return false;
  const std::string_view written = fact.module;
  if (written == module) return true;
  return written.size() > module.size() + 2 && written.starts_with(module) && written.substr(module.size(), 2) == "::";
}

}  // namespace hie::stdlib::rust
