#include "stdlib/rust/rust_syntax.h"

#include <algorithm>

namespace hie::stdlib::rust {
namespace {

// Segments of the path starting at `i` (`a::b::c`), advancing `i` past it.
std::vector<std::string> read_path(const std::vector<Token>& tokens, std::size_t& i, std::size_t end) {
  std::vector<std::string> segments;
  while (i < end && tokens[i].kind == TokenKind::Ident) {
    segments.emplace_back(ident_name(tokens[i]));
    ++i;
    if (i + 1 < end && tokens[i].is_punct("::") && tokens[i + 1].kind == TokenKind::Ident) {
      ++i;
    } else {
      break;
    }
  }
  return segments;
}

std::string join(const std::vector<std::string>& segments) {
  std::string out;
  for (const auto& segment : segments) {
    if (!out.empty()) out += "::";
    out += segment;
  }
  return out;
}

// `derive(A, b::C)` with `(` at `open`: the derived paths.
void read_derive_list(const std::vector<Token>& tokens, std::size_t open, std::size_t close, Attribute& out) {
  std::size_t i = open + 1;
  while (i < close) {
    std::size_t before = i;
    std::vector<std::string> path = read_path(tokens, i, close);
    if (!path.empty()) out.derives.push_back(join(path));
    if (i == before) ++i;
  }
}

class UseTreeReader {
 public:
  UseTreeReader(const std::vector<Token>& tokens, std::vector<UseLeaf>& out) : t_(tokens), out_(out) {}

  std::size_t tree(std::size_t i, std::vector<std::string> path) {
    if (i < t_.size() && t_[i].is_punct("::")) {
      if (path.empty()) path.emplace_back("");
      ++i;
    }
    while (i < t_.size()) {
      const Token& token = t_[i];
      if (token.is_punct("{")) return group(i + 1, path);
      if (token.is_punct("*")) {
        out_.push_back(UseLeaf{path, "*", token.line});
        return i + 1;
      }
      if (token.kind != TokenKind::Ident) return i;
      path.emplace_back(ident_name(token));
      const std::uint32_t line = token.line;
      ++i;
      if (i < t_.size() && t_[i].is_punct("::")) {
        ++i;
        continue;
      }
      std::string bound = path.back();
      if (bound == "self" && path.size() > 1) {
        path.pop_back();
        bound = path.back();
      }
      if (i + 1 < t_.size() && t_[i].is_ident("as") && t_[i + 1].kind == TokenKind::Ident) {
        bound = std::string(ident_name(t_[i + 1]));
        i += 2;
      }
      out_.push_back(UseLeaf{std::move(path), std::move(bound), line});
      return i;
    }
    return i;
  }

 private:
  std::size_t group(std::size_t i, const std::vector<std::string>& path) {
    while (i < t_.size() && !t_[i].is_punct("}")) {
      const std::size_t before = i;
      i = tree(i, path);
      if (i < t_.size() && t_[i].is_punct(",")) ++i;
      if (i == before) ++i;  // a token a use tree cannot hold: skip it rather than loop
      if (i < t_.size() && t_[i].is_punct(";")) return i;
    }
    return i < t_.size() ? i + 1 : i;
  }

  const std::vector<Token>& t_;
  std::vector<UseLeaf>& out_;
};

}  // namespace

std::size_t matching_close(const std::vector<Token>& tokens, std::size_t open) {
  const std::string_view o = tokens[open].text;
  const std::string_view c = o == "<" ? ">" : o == "(" ? ")" : o == "[" ? "]" : "}";
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::Punct) continue;
    if (tokens[i].text == o) ++depth;
    if (tokens[i].text == c && --depth == 0) return i;
    // A `;` or a brace cannot be inside generics: an unbalanced `<` (a comparison) ends there.
    if (o == "<" && (tokens[i].text == ";" || tokens[i].text == "{")) return tokens.size();
  }
  return tokens.size();
}

std::size_t read_attribute(const std::vector<Token>& tokens, std::size_t hash, Attribute& out, bool& inner) {
  std::size_t open = hash + 1;
  inner = false;
  if (open < tokens.size() && tokens[open].is_punct("!")) {
    inner = true;
    ++open;
  }
  if (open >= tokens.size() || !tokens[open].is_punct("[")) return hash + 1;
  const std::size_t close = matching_close(tokens, open);
  std::size_t i = open + 1;
  const std::vector<std::string> path = read_path(tokens, i, close);
  if (!path.empty()) {
    const std::string& first = path.front();
    if (path.back() == "test") out.test = true;
    if (first == "doc" && path.size() == 1) out.doc = true;
    if (first == "path" && path.size() == 1 && i + 1 < close && tokens[i].is_punct("=") &&
        tokens[i + 1].kind == TokenKind::Literal) {
      out.path = literal_value(tokens[i + 1].text);
    }
    if (first == "cfg" && path.size() == 1) {
      bool has_test = false;
      bool negated = false;
      for (std::size_t k = i; k < close; ++k) {
        if (tokens[k].is_ident("test")) has_test = true;
        if (tokens[k].is_ident("not")) negated = true;
      }
      out.cfg_test = has_test && !negated;
    }
  }
  for (std::size_t k = open + 1; k + 1 < close; ++k) {
    if (tokens[k].is_ident("derive") && tokens[k + 1].is_punct("(")) {
      read_derive_list(tokens, k + 1, std::min(matching_close(tokens, k + 1), close), out);
    }
  }
  return close < tokens.size() ? close + 1 : close;
}

std::size_t read_use_tree(const std::vector<Token>& tokens, std::size_t start, std::vector<UseLeaf>& out) {
  std::size_t i = UseTreeReader(tokens, out).tree(start, {});
  while (i < tokens.size() && !tokens[i].is_punct(";") && !tokens[i].is_punct("}")) ++i;
  return i;
}

TypeName type_name(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  while (i < end && (tokens[i].kind == TokenKind::Lifetime || tokens[i].is_punct("&") || tokens[i].is_punct("*") ||
                     tokens[i].is_punct("!") || tokens[i].is_punct("?") || tokens[i].is_ident("mut") ||
                     tokens[i].is_ident("dyn") || tokens[i].is_ident("const") || tokens[i].is_ident("unsafe"))) {
    ++i;
  }
  if (i >= end) return {};
  if (tokens[i].is_punct("(") || tokens[i].is_punct("[")) {
    const std::size_t close = std::min(matching_close(tokens, i), end - 1);
    std::string text;
    for (std::size_t k = i; k <= close; ++k) {
      if (!text.empty() && (tokens[k - 1].is_punct(",") || tokens[k - 1].is_punct(";"))) text += ' ';
      text += tokens[k].text;
    }
    return {text, text};
  }
  if (tokens[i].is_punct("::")) ++i;
  std::vector<std::string> path = read_path(tokens, i, end);
  if (path.empty()) return {};
  return {path.back(), join(path)};
}

std::string literal_value(std::string_view literal) {
  std::size_t begin = 0;
  while (begin < literal.size() && (literal[begin] == 'b' || literal[begin] == 'c' || literal[begin] == 'r')) ++begin;
  std::size_t hashes = 0;
  while (begin < literal.size() && literal[begin] == '#') {
    ++begin;
    ++hashes;
  }
  if (begin >= literal.size() || (literal[begin] != '"' && literal[begin] != '\'')) return std::string(literal);
  const char quote = literal[begin];
  std::size_t end = literal.rfind(quote);
  if (end == std::string_view::npos || end <= begin) return std::string(literal.substr(begin + 1));
  return std::string(literal.substr(begin + 1, end - begin - 1));
}

}  // namespace hie::stdlib::rust
