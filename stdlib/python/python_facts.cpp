// Fact extraction over the token stream: logical lines, the block each one is in (def, class, `if TYPE_CHECKING:`),
// import statements, declarations and calls.
#include "stdlib/python/python_facts.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>

#include "stdlib/python/python_tokenizer.h"

namespace hie::stdlib::python {
namespace {

using graph::FileFacts;
using graph::ImportFact;
using graph::SymbolFact;
using Tokens = std::span<const Token>;

bool is(const Token& token, std::string_view text) {
  return (token.kind == TokenKind::Op || token.kind == TokenKind::Name) && token.text == text;
}
bool is_identifier(const Token& token) { return token.kind == TokenKind::Name && !is_keyword(token.text); }
bool is_open(const Token& t) { return t.kind == TokenKind::Op && (t.text == "(" || t.text == "[" || t.text == "{"); }
bool is_close(const Token& t) { return t.kind == TokenKind::Op && (t.text == ")" || t.text == "]" || t.text == "}"); }

// The tokens of `tokens` at bracket depth 0 that satisfy `pred`, by index.
template <class Pred>
std::vector<std::size_t> top_level(Tokens tokens, Pred pred) {
  std::vector<std::size_t> found;
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_open(tokens[i])) {
      ++depth;
    } else if (is_close(tokens[i])) {
      if (depth > 0) --depth;
    } else if (depth == 0 && pred(tokens[i])) {
      found.push_back(i);
    }
  }
  return found;
}

// The colon that ends a compound statement's header, skipping the colons of lambdas written at depth 0.
std::optional<std::size_t> header_colon(Tokens line) {
  int lambdas = 0;
  for (std::size_t i : top_level(line, [](const Token& t) { return is(t, ":") || is(t, "lambda"); })) {
    if (is(line[i], "lambda")) {
      ++lambdas;
    } else if (lambdas > 0) {
      --lambdas;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

void append_atoms(std::string_view text, std::vector<std::string>& atoms, int depth) {
  for (const Token& token : tokenize(text).tokens) {
    if (token.kind == TokenKind::Newline || token.kind == TokenKind::Indent || token.kind == TokenKind::Dedent ||
        token.kind == TokenKind::EndOfFile) {
      continue;
    }
    const std::string_view prefix = string_prefix(token.text);
    const bool plain_string = token.kind == TokenKind::String && prefix.find_first_of("bBfFtT") == std::string::npos;
    if (plain_string && depth < 4) {
      append_atoms(string_body(token.text), atoms, depth + 1);  // a forward reference: "User"
    } else {
      atoms.emplace_back(token.text);
    }
  }
}

bool is_word(std::string_view atom) {
  const auto c = static_cast<unsigned char>(atom.front());
  return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string join_atoms(std::span<const std::string> atoms) {
  std::string text;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const std::string& atom = atoms[i];
    if (i > 0) {
      const std::string& previous = atoms[i - 1];
      if (atom == "|" || previous == "|" || previous == "," || (is_word(previous) && is_word(atom))) text += ' ';
    }
    text += atom;
  }
  return text;
}

std::string source_text(Tokens tokens) {
  if (tokens.empty()) return {};
  const char* begin = tokens.front().text.data();
  const char* end = tokens.back().text.data() + tokens.back().text.size();
  return normalize_annotation(std::string_view(begin, static_cast<std::size_t>(end - begin)));
}

std::vector<std::string_view> split_dots(std::string_view dotted) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = dotted.find('.', start);
    parts.push_back(dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

template <class T>
bool contains_run(std::span<const T> haystack, std::span<const T> needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool same = true;
    for (std::size_t j = 0; j < needle.size() && same; ++j) same = haystack[i + j] == needle[j];
    if (same) return true;
  }
  return false;
}

class Extractor {
 public:
  explicit Extractor(const TokenizedSource& source) : source_(source) {}

  FileFacts run() {
    facts_.language = "python";
    facts_.warnings = source_.warnings;
    const std::vector<Token>& tokens = source_.tokens;
    std::size_t i = 0;
    while (i < tokens.size() && tokens[i].kind != TokenKind::EndOfFile) {
      const Token& token = tokens[i];
      if (token.kind == TokenKind::Indent) {
        blocks_.push_back(pending_block_);
        docstring_owner_ = pending_owner_;
        pending_block_ = Block::Other;
        pending_owner_.reset();
        ++i;
      } else if (token.kind == TokenKind::Dedent) {
        if (blocks_.size() > 1) blocks_.pop_back();
        docstring_owner_.reset();
        ++i;
      } else if (token.kind == TokenKind::Newline) {
        ++i;
      } else {
        std::size_t end = i;
        while (end < tokens.size() && tokens[end].kind != TokenKind::Newline && tokens[end].kind != TokenKind::Indent &&
               tokens[end].kind != TokenKind::Dedent && tokens[end].kind != TokenKind::EndOfFile) {
          ++end;
        }
        logical_line(Tokens(tokens).subspan(i, end - i));
        i = end;
      }
    }
    // Code inside f-string replacement fields: calls only (no statement can be written there).
    const std::vector<Token>& fields = source_.fstring_tokens;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= fields.size(); ++k) {
      if (k == fields.size() || fields[k].kind == TokenKind::Newline) {
        record_calls(Tokens(fields).subspan(start, k - start), false);
        start = k + 1;
      }
    }
    std::stable_sort(facts_.symbols.begin(), facts_.symbols.end(),
                     [](const SymbolFact& a, const SymbolFact& b) { return a.line < b.line; });
    return std::move(facts_);
  }

 private:
  enum class Block { Module, Function, Class, TypeChecking, Other };

  bool in(Block kind) const { return std::find(blocks_.begin(), blocks_.end(), kind) != blocks_.end(); }
  // The innermost def or class around the current line.
  Block enclosing_scope() const {
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) {
      if (*it == Block::Function || *it == Block::Class) return *it;
    }
    return Block::Module;
  }

  static bool is_docstring(Tokens statement) {
    return !statement.empty() &&
           std::all_of(statement.begin(), statement.end(), [](const Token& t) { return t.kind == TokenKind::String; });
  }

  void logical_line(Tokens line) {
    if (docstring_owner_) {
      if (is_docstring(first_statement(line))) facts_.symbols[*docstring_owner_].documented = true;
      docstring_owner_.reset();
    }
    pending_block_ = Block::Other;
    pending_owner_.reset();

    std::size_t first = 0;
    if (is(line[0], "async") && line.size() > 1) first = 1;
    const std::string_view head = line[first].kind == TokenKind::Name ? line[first].text : std::string_view{};
    static constexpr std::array<std::string_view, 11> kHeaders = {"def", "class", "if",     "elif",    "else", "while",
                                                                  "for", "try",   "except", "finally", "with"};
    const bool keyword_header = std::find(kHeaders.begin(), kHeaders.end(), head) != kHeaders.end();
    const bool soft_header = (head == "match" || head == "case") && line.size() > 2 && is(line.back(), ":") &&
                             !is(line[first + 1], "=") && !is(line[first + 1], ".");
    const std::optional<std::size_t> header_end =
        keyword_header || soft_header ? header_colon(line) : std::optional<std::size_t>{};
    record_calls(line, soft_header);
    if (!header_end) {
      simple_statements(line);
      return;
    }
    const std::size_t colon = *header_end;

    Block block = Block::Other;
    std::optional<std::size_t> owner;
    if ((head == "def" || head == "class") && first + 1 < line.size() && line[first + 1].kind == TokenKind::Name) {
      SymbolFact symbol;
      symbol.name = std::string(line[first + 1].text);
      symbol.line = line[first].line;
      if (head == "class") {
        symbol.kind = kClass;
        block = Block::Class;
      } else {
        symbol.kind = enclosing_scope() == Block::Class ? kMethod : kFunction;
        symbol.detail = return_annotation(line.subspan(0, colon));
        block = Block::Function;
      }
      owner = facts_.symbols.size();
      facts_.symbols.push_back(std::move(symbol));
    } else if (head == "if" && is_type_checking(line.subspan(first + 1, colon - first - 1))) {
      block = Block::TypeChecking;
    }

    const Tokens body = line.subspan(colon + 1);
    if (body.empty()) {
      pending_block_ = block;
      pending_owner_ = owner;
      return;
    }
    // A body on the header's line: `def f(): return 1`, `if TYPE_CHECKING: import x`.
    if (owner && is_docstring(first_statement(body))) facts_.symbols[*owner].documented = true;
    blocks_.push_back(block);
    simple_statements(body);
    blocks_.pop_back();
  }

  static Tokens first_statement(Tokens line) {
    const auto semicolons = top_level(line, [](const Token& t) { return is(t, ";"); });
    return semicolons.empty() ? line : line.subspan(0, semicolons.front());
  }

  // `TYPE_CHECKING` or `<dotted module>.TYPE_CHECKING`.
  static bool is_type_checking(Tokens condition) {
    if (condition.empty() || condition.size() % 2 == 0 || condition.back().text != "TYPE_CHECKING") return false;
    for (std::size_t i = 0; i < condition.size(); ++i) {
      if (i % 2 == 0 ? !is_identifier(condition[i]) : !is(condition[i], ".")) return false;
    }
    return true;
  }

  static std::string return_annotation(Tokens header) {
    const auto arrows = top_level(header, [](const Token& t) { return is(t, "->"); });
    if (arrows.empty()) return {};
    return source_text(header.subspan(arrows.back() + 1));
  }

  void simple_statements(Tokens line) {
    std::size_t start = 0;
    const auto semicolons = top_level(line, [](const Token& t) { return is(t, ";"); });
    for (std::size_t k = 0; k <= semicolons.size(); ++k) {
      const std::size_t end = k < semicolons.size() ? semicolons[k] : line.size();
      const Tokens statement = line.subspan(start, end - start);
      if (!statement.empty() && is(statement[0], "import")) import_statement(statement.subspan(1));
      if (!statement.empty() && is(statement[0], "from")) from_statement(statement.subspan(1));
      start = end + 1;
    }
  }

  ImportFact new_fact(std::string kind, std::uint32_t line) const {
    ImportFact fact;
    fact.kind = std::move(kind);
    fact.line = line;
    fact.type_only = in(Block::TypeChecking);
    fact.in_function = in(Block::Function);
    return fact;
  }

  // A dotted name starting at `i`; advances `i` past it. Empty when there is none.
  static std::string dotted_name(Tokens tokens, std::size_t& i) {
    std::string name;
    while (i < tokens.size() && is_identifier(tokens[i])) {
      name += tokens[i].text;
      if (i + 1 < tokens.size() && is(tokens[i + 1], ".")) {
        name += '.';
        i += 2;
      } else {
        ++i;
        break;
      }
    }
    return name;
  }

  // `import a.b [as c], d`.
  void import_statement(Tokens rest) {
    std::size_t i = 0;
    while (i < rest.size()) {
      const std::uint32_t line = rest[i].line;
      std::string module = dotted_name(rest, i);
      if (module.empty() || module.back() == '.') return;  // not a valid import: nothing to record
      ImportFact fact = new_fact("import", line);
      fact.module = std::move(module);
      facts_.imports.push_back(std::move(fact));
      if (i < rest.size() && is(rest[i], "as")) i += 2;
      if (i < rest.size() && is(rest[i], ",")) {
        ++i;
      } else {
        return;
      }
    }
  }

  // `from [.]*P import n [as m], ...`, `from P import (n, m)`, `from P import *`.
  void from_statement(Tokens rest) {
    std::size_t i = 0;
    std::uint32_t level = 0;
    while (i < rest.size() && (is(rest[i], ".") || is(rest[i], "..."))) {
      level += static_cast<std::uint32_t>(rest[i].text.size());
      ++i;
    }
    std::string module = dotted_name(rest, i);
    if (!module.empty() && module.back() == '.') return;
    if (i >= rest.size() || !is(rest[i], "import") || (module.empty() && level == 0)) return;
    ++i;
    if (i < rest.size() && is(rest[i], "(")) ++i;
    while (i < rest.size()) {
      const Token& name = rest[i];
      if (!is(name, "*") && !is_identifier(name)) return;
      ImportFact fact = new_fact("from", name.line);
      fact.module = module;
      fact.name = std::string(name.text);
      fact.level = level;
      facts_.imports.push_back(std::move(fact));
      ++i;
      if (i < rest.size() && is(rest[i], "as")) i += 2;
      if (i < rest.size() && is(rest[i], ",")) {
        ++i;
      } else {
        return;
      }
    }
  }

  // Every `name(` / `a.b.name(` in `tokens`, except the names being declared (`def f(`, `class C(`) and keywords.
  void record_calls(Tokens tokens, bool soft_keyword_header) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!is(tokens[i + 1], "(") || !is_identifier(tokens[i])) continue;  // the cheap test first
      if (i > 0 && (is(tokens[i - 1], "def") || is(tokens[i - 1], "class"))) continue;
      if (i == 0 && soft_keyword_header) continue;  // `match (x):`
      std::size_t start = i;
      while (start >= 2 && is(tokens[start - 1], ".") && is_identifier(tokens[start - 2])) start -= 2;
      std::string callee;
      for (std::size_t k = start; k <= i; ++k) callee += tokens[k].text;
      facts_.symbols.push_back(SymbolFact{std::string(kCall), std::move(callee), "", tokens[i].line, false});
    }
  }

  const TokenizedSource& source_;
  FileFacts facts_;
  std::vector<Block> blocks_{Block::Module};
  Block pending_block_ = Block::Other;          // the block the next INDENT opens
  std::optional<std::size_t> pending_owner_;    // the def/class symbol whose body the next INDENT opens
  std::optional<std::size_t> docstring_owner_;  // the symbol whose first statement is being looked at
};

}  // namespace

graph::FileFacts extract_python_facts(std::string_view source) {
  const TokenizedSource tokens = tokenize(source);
  return Extractor(tokens).run();
}

std::vector<std::string> annotation_atoms(std::string_view annotation) {
  std::vector<std::string> atoms;
  append_atoms(annotation, atoms, 0);
  return atoms;
}

std::string normalize_annotation(std::string_view annotation) { return join_atoms(annotation_atoms(annotation)); }

bool annotation_mentions(std::string_view annotation, std::string_view type) {
  const std::vector<std::string> haystack = annotation_atoms(annotation);
  const std::vector<std::string> needle = annotation_atoms(type);
  return contains_run<std::string>(haystack, needle);
}

bool call_involves(std::string_view callee, std::string_view target) {
  const std::vector<std::string_view> haystack = split_dots(callee);
  const std::vector<std::string_view> needle = split_dots(target);
  return contains_run<std::string_view>(haystack, needle);
}

}  // namespace hie::stdlib::python
