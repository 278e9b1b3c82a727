// The Rust LanguageFrontend: `.rs` files, facts from the Rust tokenizer, and the module-tree resolver.
#pragma once

#include "stdlib/common/language_frontend.h"

namespace hie::stdlib::rust {

class RustFrontend final : public common::LanguageFrontend {
 public:
  std::string_view language() const override { return "rust"; }
  bool handles(std::string_view path) const override { return path.ends_with(".rs"); }
  std::uint32_t extractor_version() const override { return 1; }
  graph::FileFacts extract(std::string_view text) const override;
  std::unique_ptr<common::Resolver> prepare(const common::LanguageIndex& index) const override;
  // Every Cargo.toml of the workspace: its path and its content (or that it cannot be read).
  std::optional<std::string> resolution_inputs(const common::LanguageIndex& index) const override;
  std::vector<std::string> symbol_kinds() const override {
    return {"function", "struct", "enum", "trait", "impl", "module", "const"};
  }
  std::string_view module_separator() const override { return "::"; }
  // `use`, `pub use`, `extern crate` and code paths name crates and modules (`mod x;` declares one: not an import).
  // `imports(scope, 'serde')` matches serde, serde::de::Deserialize, ...
  bool import_matches(const graph::ImportFact& fact, std::string_view module) const override;
};

}  // namespace hie::stdlib::rust
