#include "stdlib/rust/rust_facts.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "stdlib/rust/rust_paths.h"
#include "stdlib/rust/rust_syntax.h"
#include "stdlib/rust/rust_tokenizer.h"

namespace hie::stdlib::rust {
namespace {

using graph::FileFacts;
using graph::ImportFact;
using graph::SymbolFact;

// What precedes an item: its outer docs and attributes (reset by any token that is not part of an item head).
struct Pending {
  bool doc = false;
  std::uint32_t doc_line = 0;
  bool is_pub = false;
  std::vector<std::string> derives;
  std::uint32_t derive_line = 0;
  bool test = false;
  bool cfg_test = false;
  std::optional<std::string> path;
};

// The block a `{` opened: an inline module, an impl, a trait, or anything else.
struct Frame {
  enum class Kind { Module, Impl, Trait, Other } kind = Kind::Other;
  std::string name;  // module name, impl type, trait name
};

class Extractor {
 public:
  explicit Extractor(std::string_view source) : tokenized_(tokenize(source)), t_(tokenized_.tokens) {}

  FileFacts run() {
    facts_.language = "rust";
    facts_.warnings = tokenized_.warnings;
    while (i_ < t_.size()) step();
    flush_orphan_doc();
    normalize_imports(raw_, declared_modules_, facts_.imports);
    return std::move(facts_);
  }

 private:
  const Token* peek(std::size_t ahead = 1) const { return i_ + ahead < t_.size() ? &t_[i_ + ahead] : nullptr; }
  bool peek_ident(std::size_t ahead = 1) const { return peek(ahead) && peek(ahead)->kind == TokenKind::Ident; }
  bool peek_punct(std::string_view p, std::size_t ahead = 1) const { return peek(ahead) && peek(ahead)->is_punct(p); }

  // The inline modules around the current token (kept up to date as module blocks open and close).
  const std::vector<std::string>& module_path() const { return scope_; }

  void add_symbol(std::string kind, std::string name, std::string detail, std::uint32_t line) {
    facts_.symbols.push_back(SymbolFact{std::move(kind), std::move(name), std::move(detail), line, false});
  }

  // An item named `name` (kind `kind`) is declared at `line`: attach the pending docs, derives and test markers.
  void declare(std::string kind, std::string name, std::string detail, std::uint32_t line) {
    if (pending_.is_pub && (kind == "struct" || kind == "enum" || kind == "trait" || kind == "union")) detail = "pub";
    if (pending_.doc) add_symbol("doc", name, "outer", pending_.doc_line);
    for (const auto& derive : pending_.derives) add_symbol("derive", derive, name, pending_.derive_line);
    if (pending_.test && kind == "function") add_symbol("test", name, "test", line);
    if (pending_.cfg_test) add_symbol("test", name, "cfg_test", line);
    facts_.symbols.push_back(SymbolFact{std::move(kind), std::move(name), std::move(detail), line, pending_.doc});
    pending_ = Pending{};
  }

  void flush_orphan_doc() {
    if (!pending_.doc && !pending_.is_pub && pending_.derives.empty() && !pending_.test && !pending_.cfg_test &&
        !pending_.path) {
      return;  // nothing pending: the common case, on almost every token
    }
    // Docs on fields, variants or statements still document something.
    if (pending_.doc) add_symbol("doc", "", "outer", pending_.doc_line);
    pending_ = Pending{};
  }

  void step() {
    const Token& token = t_[i_];
    switch (token.kind) {
      case TokenKind::OuterDoc:
        if (!pending_.doc) pending_.doc_line = token.line;
        pending_.doc = true;
        ++i_;
        return;
      case TokenKind::InnerDoc:
        add_symbol("doc", "", "inner", token.line);
        ++i_;
        return;
      case TokenKind::Ident:
        return ident();
      case TokenKind::Punct:
        return punct();
      default:
        flush_orphan_doc();
        prev_ = i_++;
        return;
    }
  }

  void punct() {
    const Token& token = t_[i_];
    if (token.is_punct("#") && (peek_punct("[") || (peek_punct("!") && peek_punct("[", 2)))) {
      Attribute attribute;
      bool inner = false;
      const std::size_t line = token.line;
      const std::size_t end = read_attribute(t_, i_, attribute, inner);
      scan_paths(i_, end);
      if (inner) {
        if (attribute.doc) add_symbol("doc", "", "inner", static_cast<std::uint32_t>(line));
      } else {
        if (attribute.doc && !pending_.doc) {
          pending_.doc = true;
          pending_.doc_line = static_cast<std::uint32_t>(line);
        }
        if (!attribute.derives.empty() && pending_.derives.empty()) pending_.derive_line = static_cast<std::uint32_t>(line);
        for (auto& derive : attribute.derives) pending_.derives.push_back(std::move(derive));
        pending_.test = pending_.test || attribute.test;
        pending_.cfg_test = pending_.cfg_test || attribute.cfg_test;
        if (attribute.path) pending_.path = attribute.path;
      }
      prev_ = end - 1;
      i_ = end;
      return;
    }
    flush_orphan_doc();
    if (token.is_punct("{")) {
      if (next_frame_ && next_frame_->first == i_) {
        frames_.push_back(next_frame_->second);
        next_frame_.reset();
        if (frames_.back().kind == Frame::Kind::Module) scope_.push_back(frames_.back().name);
      } else {
        frames_.push_back(Frame{});
      }
    } else if (token.is_punct("}")) {
      if (!frames_.empty()) {
        if (frames_.back().kind == Frame::Kind::Module) scope_.pop_back();
        frames_.pop_back();
      }
    }
    prev_ = i_++;
  }

  bool prev_is(std::string_view punct) const { return prev_ < t_.size() && t_[prev_].is_punct(punct); }
  bool at_item_start() const {
    if (prev_ >= t_.size()) return true;
    const Token& p = t_[prev_];
    return p.is_punct(";") || p.is_punct("}") || p.is_punct("{") || p.is_punct("]") || p.is_ident("unsafe") ||
           p.is_ident("default") || p.is_ident("pub") || p.is_punct(")");
  }

  // The index of the first `{` or `;` from `from`, or t_.size().
  std::size_t body_start(std::size_t from) const {
    for (std::size_t k = from; k < t_.size(); ++k) {
      if (t_[k].is_punct("{") || t_[k].is_punct(";")) return k;
    }
    return t_.size();
  }

  void open_frame_at(std::size_t index, Frame::Kind kind, std::string name) {
    if (index < t_.size() && t_[index].is_punct("{")) next_frame_ = {index, Frame{kind, std::move(name)}};
  }

  void ident() {
    const Token& token = t_[i_];
    const std::string_view word = token.text;
    if (word == "pub") {
      pending_.is_pub = true;
      prev_ = i_++;
      if (i_ < t_.size() && t_[i_].is_punct("(")) {  // pub(crate), pub(in a::b)
        i_ = std::min(matching_close(t_, i_) + 1, t_.size());
        prev_ = i_ - 1;
      }
      return;
    }
    if (word == "async" || word == "unsafe" || word == "default" || word == "auto" ||
        (word == "const" && (peek_ident() && (peek()->is_ident("fn") || peek()->is_ident("unsafe") ||
                                              peek()->is_ident("async") || peek()->is_ident("extern"))))) {
      prev_ = i_++;
      return;
    }
    if (word == "extern") {
      if (peek() && peek()->is_ident("crate")) return extern_crate();
      prev_ = i_++;
      if (i_ < t_.size() && t_[i_].kind == TokenKind::Literal) prev_ = i_++;  // extern "C"
      return;
    }
    if (word == "use") return use_statement();
    if (word == "mod" && peek_ident()) return module();
    if (word == "fn" && peek_ident()) return named_item("function", method_owner());
    if ((word == "struct" || word == "enum" || word == "trait") && peek_ident()) {
      const std::string kind(word);
      if (kind == "trait") open_frame_at(body_start(i_ + 2), Frame::Kind::Trait, std::string(ident_name(*peek())));
      return named_item(kind, "");
    }
    if (word == "union" && peek_ident() && (peek_punct("{", 2) || peek_punct("<", 2))) return named_item("union", "");
    if (word == "type" && peek_ident()) return named_item("type", "");
    if ((word == "const" || word == "static") && !prev_is("*") && !prev_is("<") && !prev_is(",")) {
      std::size_t ahead = 1;
      if (word == "static" && peek() && peek()->is_ident("mut")) ahead = 2;
      if (peek_ident(ahead) && peek_punct(":", ahead + 1) && peek(ahead)->text != "_") {
        const std::string detail = word == "static" ? "static" : "";
        i_ += ahead - 1;
        return named_item("const", detail);
      }
    }
    if (word == "macro_rules" && peek_punct("!") && peek_ident(2)) {
      ++i_;
      return named_item("macro", "");
    }
    if (word == "impl" && at_item_start()) return impl_item();
    flush_orphan_doc();
    if (peek_punct("::") && !prev_is("::") && !prev_is("$")) return code_path();
    note_type_use(token);
    prev_ = i_++;
  }

  // A capitalized identifier used in code (a type, trait or variant), once per file: what pipeline_connects and
  // type_compatible look for.
  void note_type_use(const Token& token) {
    const std::string_view name = ident_name(token);
    if (name.empty() || name[0] < 'A' || name[0] > 'Z' || name == "Self") return;
    if (used_types_.find(name) != used_types_.end()) return;
    used_types_.emplace(name);
    add_symbol("type_use", std::string(name), "", token.line);
  }

  // The impl type or trait name when a `fn` is directly inside an impl or trait block.
  std::string method_owner() const {
    if (frames_.empty()) return "";
    const Frame& top = frames_.back();
    return top.kind == Frame::Kind::Impl || top.kind == Frame::Kind::Trait ? top.name : "";
  }

  // `<keyword> Name`: i_ is on the keyword.
  void named_item(const std::string& kind, const std::string& detail) {
    const Token& name = t_[i_ + 1];
    declare(kind, std::string(ident_name(name)), detail, name.line);
    prev_ = i_ + 1;
    i_ += 2;
  }

  void module() {
    const Token& name_token = t_[i_ + 1];
    const std::string name(ident_name(name_token));
    const bool inline_module = peek_punct("{", 2);
    const bool file_module = peek_punct(";", 2);
    if (!inline_module && !file_module) {
      prev_ = i_++;
      return;
    }
    const std::vector<std::string>& scope = module_path();
    declared_modules_.insert(join_path(scope, name));
    if (file_module) {
      std::vector<std::string> child = scope;
      child.push_back(name);
      raw_.push_back(RawImport{"mod", child, pending_.path.value_or(""), name_token.line, scope});
    } else {
      open_frame_at(i_ + 2, Frame::Kind::Module, name);
    }
    declare("module", name, inline_module ? "inline" : "file", name_token.line);
    prev_ = i_ + 1;
    i_ += 2;
  }

  void extern_crate() {
    // extern crate name [as alias];
    std::size_t k = i_ + 2;
    if (k < t_.size() && t_[k].kind == TokenKind::Ident) {
      std::string name(ident_name(t_[k]));
      std::string bound = name;
      if (k + 2 < t_.size() && t_[k + 1].is_ident("as") && t_[k + 2].kind == TokenKind::Ident) {
        bound = std::string(ident_name(t_[k + 2]));
      }
      raw_.push_back(RawImport{"extern_crate", {name}, bound, t_[k].line, module_path()});
    }
    pending_ = Pending{};
    while (k < t_.size() && !t_[k].is_punct(";")) ++k;
    prev_ = std::min(k, t_.size() - 1);
    i_ = k + 1;
  }

  void use_statement() {
    std::vector<UseLeaf> leaves;
    const std::size_t end = read_use_tree(t_, i_ + 1, leaves);
    const std::string kind = pending_.is_pub ? "pub_use" : "use";
    const std::vector<std::string>& scope = module_path();
    for (auto& leaf : leaves) {
      if (!leaf.path.empty()) note_type_use(Token{TokenKind::Ident, leaf.path.back(), leaf.line});
      raw_.push_back(RawImport{kind, std::move(leaf.path), std::move(leaf.bound), leaf.line, scope});
    }
    flush_orphan_doc();
    prev_ = std::min(end, t_.size() - 1);
    i_ = end < t_.size() && t_[end].is_punct(";") ? end + 1 : end;
  }

  // impl<G> [!]Trait<..> for Type<..> where .. { — or impl<G> Type<..> {
  void impl_item() {
    const std::uint32_t line = t_[i_].line;
    std::size_t k = i_ + 1;
    if (k < t_.size() && t_[k].is_punct("<")) k = std::min(matching_close(t_, k) + 1, t_.size());
    const std::size_t body = body_start(k);
    std::size_t head_end = body;
    std::size_t for_at = t_.size();
    int angle = 0;
    for (std::size_t m = k; m < body; ++m) {
      if (t_[m].is_punct("<")) ++angle;
      if (t_[m].is_punct(">")) --angle;
      if (angle == 0 && t_[m].is_ident("where")) {
        head_end = m;
        break;
      }
      if (angle == 0 && t_[m].is_ident("for") && !(m + 1 < t_.size() && t_[m + 1].is_punct("<")) &&
          for_at == t_.size()) {
        for_at = m;
      }
    }
    TypeName type;
    std::string trait;
    if (for_at < head_end) {
      trait = type_name(t_, k, for_at).full;
      type = type_name(t_, for_at + 1, head_end);
    } else {
      type = type_name(t_, k, head_end);
    }
    scan_paths(k, head_end);
    if (!type.name.empty()) {
      open_frame_at(body, Frame::Kind::Impl, type.name);
      declare("impl", type.name, trait, line);
    }
    pending_ = Pending{};
    prev_ = head_end > 0 ? head_end - 1 : 0;
    i_ = head_end;
  }

  // Module paths used in code between [from, to) (attributes, impl headers), without moving i_.
  void scan_paths(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k + 1 < to; ++k) {
      if (t_[k].kind == TokenKind::Ident && t_[k + 1].is_punct("::") && (k == 0 || (!t_[k - 1].is_punct("::") &&
                                                                                    !t_[k - 1].is_punct("$")))) {
        k = record_path(k) - 1;
      }
    }
  }

  void code_path() {
    const std::size_t end = record_path(i_);
    prev_ = end - 1;
    i_ = end;
  }

  // Records the path starting at `k` when it may name a module; returns the index past it.
  std::size_t record_path(std::size_t k) {
    std::vector<std::string> segments;
    const std::uint32_t line = t_[k].line;
    while (k < t_.size() && t_[k].kind == TokenKind::Ident) {
      note_type_use(t_[k]);
      segments.emplace_back(ident_name(t_[k]));
      ++k;
      if (k + 1 < t_.size() && t_[k].is_punct("::") && t_[k + 1].kind == TokenKind::Ident) {
        ++k;
      } else {
        break;
      }
    }
    if (segments.size() >= 2) {
      std::string bound = segments.back();
      raw_.push_back(RawImport{"path", std::move(segments), std::move(bound), line, module_path()});
    }
    return k;
  }

  Tokenized tokenized_;
  const std::vector<Token>& t_;
  std::size_t i_ = 0;
  std::size_t prev_ = static_cast<std::size_t>(-1);  // the previous code token, or -1 at the start
  Pending pending_;
  std::vector<Frame> frames_;
  std::vector<std::string> scope_;  // names of the Module frames, outermost first
  std::optional<std::pair<std::size_t, Frame>> next_frame_;  // the `{` that opens a module/impl/trait block
  std::set<std::string> declared_modules_;
  std::set<std::string, std::less<>> used_types_;
  std::vector<RawImport> raw_;
  FileFacts facts_;
};

}  // namespace

FileFacts extract_rust_facts(std::string_view source) { return Extractor(source).run(); }

}  // namespace hie::stdlib::rust
