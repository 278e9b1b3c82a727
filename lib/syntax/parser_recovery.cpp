// Error recovery: after a mistake, skip to the end of the statement so that the next one parses normally
// (one mistake, one diagnostic), and helpful hints for tokens that cannot start a statement.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {
namespace {

// Levenshtein distance, capped: only "is it a likely typo" matters.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word, bool top_level) {
  static constexpr std::array<std::string_view, 6> kTopLevel = {"element",  "pattern", "template",
                                                                "language", "import",  "from"};
  static constexpr std::array<std::string_view, 9> kBody = {"element",  "scope",  "ref",     "check",           "uses",
                                                            "requires", "allows", "forbids", "connection_point"};
  if (word.size() < 3 || word.size() > 20) return std::nullopt;
  const auto try_words = [&](auto const& words) -> std::optional<std::string> {
    for (std::string_view candidate : words) {
      if (edit_distance(word, candidate) <= (candidate.size() > 4 ? 2u : 1u)) {
        return fmt::format("did you mean '{}'?", candidate);
      }
    }
    return std::nullopt;
  };
  return top_level ? try_words(kTopLevel) : try_words(kBody);
}

}  // namespace

// Skips the rest of the statement that starts at token `statement_start`: up to and including the newline at
// brace depth 0 (so a broken header's `{ ... }` body is skipped whole), or up to a '}' closing the enclosing
// block, or the end of the file. Lines after it that are indented deeper than the statement's line are its
// indented body and are skipped too, so they do not cascade into more errors.
void Parser::recover(std::size_t statement_start) {
  const std::uint32_t indent = tokens_[statement_start].indent;
  int depth = 0;
  while (!at(TokenKind::Eof)) {
    const TokenKind k = kind();
    if (k == TokenKind::LBrace) {
      ++depth;
    } else if (k == TokenKind::RBrace) {
      if (depth == 0) return;
      --depth;
    } else if (k == TokenKind::Newline && depth == 0) {
      // Inside braces layout is free, so deeper lines are only skipped there when a ':' announced a body.
      const bool opened_block = pos_ > 0 && tokens_[pos_ - 1].kind == TokenKind::Colon;
      advance();
      if (opened_block || frames_.empty() || !frames_.back().brace) skip_deeper_lines(indent);
      return;
    }
    advance();
  }
}

void Parser::skip_deeper_lines(std::uint32_t indent) {
  int depth = 0;
  while (!at(TokenKind::Eof)) {
    const Token& token = cur();
    if (depth == 0 && token.first_on_line && token.indent <= indent) return;
    if (token.kind == TokenKind::LBrace) {
      ++depth;
    } else if (token.kind == TokenKind::RBrace) {
      if (depth == 0) return;
      --depth;
    }
    advance();
  }
}

std::optional<std::string> Parser::junk_help(const Token& token, bool top_level) const {
  switch (token.kind) {
    case TokenKind::Identifier:
      if (auto typo = did_you_mean(token.text, top_level)) return typo;
      if (top_level && peek().kind == TokenKind::Dot) {
        return "a pattern binding (`pattern.member = ...`) goes inside the element that implements the pattern";
      }
      if (!top_level && peek().kind == TokenKind::Equals) {
        return fmt::format(
            "declare a scope with `scope {0} = ...`; a pattern binding needs a dotted path such as "
            "`pattern.element.{0} = ...`",
            token.text);
      }
      return std::nullopt;
    case TokenKind::LBrace: return "a '{' opens a block only on the same line as its header (`element name {`)";
    case TokenKind::KwScope:
    case TokenKind::KwRef:
    case TokenKind::KwConnectionPoint:
    case TokenKind::KwCheck:
    case TokenKind::KwUses:
    case TokenKind::KwBinds:
    case TokenKind::KwImplements:
      if (top_level) {
        return fmt::format("'{}' statements belong inside an element or pattern body", keyword_spelling(token.kind));
      }
      return std::nullopt;
    case TokenKind::KwRequires:
    case TokenKind::KwAllows:
    case TokenKind::KwForbids:
    case TokenKind::KwDescendant: return "requirements go inside a pattern: `pattern name { requires ... }`";
    case TokenKind::KwPattern:
    case TokenKind::KwTemplate:
    case TokenKind::KwLanguage:
      if (!top_level) return "patterns and languages are declared at the top level of the file";
      return std::nullopt;
    case TokenKind::KwImport:
    case TokenKind::KwFrom:
      if (!top_level) return "imports go at the top of the file, before the first element";
      return std::nullopt;
    case TokenKind::KwConnectionCheck:
      return "a 'connection_check' goes inside a language block: `language python { connection_check ... }`";
    default: return std::nullopt;
  }
}

}  // namespace hie::syntax::parser_detail
