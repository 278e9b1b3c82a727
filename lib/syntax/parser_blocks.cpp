// Blocks: `{ ... }` (free layout) and `:` + deeper indentation (Python rules), mixed and nested both ways.
// The lexer never produces INDENT/DEDENT: it gives each token its line's indentation, and only here, where the
// parser knows which kind of block it is in, does indentation mean anything.
#include <fmt/format.h>

#include "syntax/parser_internal.h"

namespace hie::syntax::parser_detail {

bool Parser::parse_block(const std::string& owner, std::uint32_t header_indent, const ItemParser& item, bool& brace) {
  brace = at(TokenKind::LBrace);
  if (block_depth_ >= kMaxNesting) {
    error_here("E031", fmt::format("blocks nested too deeply (more than {} levels)", kMaxNesting),
               "move deeply nested elements to the top level or into patterns");
    return false;  // the caller's recovery skips the whole block
  }
  ++block_depth_;
  const bool ok = brace ? parse_brace_block(owner, item) : parse_indent_block(header_indent, item);
  --block_depth_;
  return ok;
}

bool Parser::parse_brace_block(const std::string& owner, const ItemParser& item) {
  const Span open = cur().span;
  advance();
  frames_.push_back(Frame{true, 0});
  for (;;) {
    collect_docs();
    statement_start_ = cur().span.start.offset;
    if (accept(TokenKind::RBrace)) break;
    if (at(TokenKind::Eof)) {
      // Only the outermost unclosed '{' is reported: everything after it was parsed inside it, so the inner
      // ones are consequences of the same mistake.
      if (!has_open_brace(/*skip_innermost=*/true)) {
        error("E026", fmt::format("unclosed '{{' of {}", owner), open,
              "add the matching '}'; everything after this '{' was read as part of this block");
      }
      break;
    }
    run_item(item);
  }
  pending_docs_.clear();
  frames_.pop_back();
  return true;
}

bool Parser::parse_indent_block(std::uint32_t header_indent, const ItemParser& item) {
  const std::uint32_t colon_line = cur().span.start.line;
  advance();  // ':'
  if (!at(TokenKind::Newline) && !at(TokenKind::Eof)) {
    error_here("E007", "expected a newline after ':' (an indented block starts on the next line)" + found(),
               "to write a body on the same line, use braces: `{ ... }`");
    return false;
  }
  accept(TokenKind::Newline);
  return parse_indented_body(header_indent, colon_line, item);
}

// After a header line that ends without ':' or '{': in an indentation block, lines indented deeper than the
// header are the body the author meant. Report the missing ':' once and parse them as the body, instead of
// one error per line. Inside braces layout is free, so there the header simply has no body.
bool Parser::parse_body_after_missing_colon(const std::string& header, std::uint32_t header_indent,
                                            const ItemParser& item) {
  if (!at(TokenKind::Newline) || frames_.empty() || frames_.back().brace) return false;
  std::size_t index = pos_;
  while (tokens_[index].kind == TokenKind::Newline || tokens_[index].kind == TokenKind::DocComment) ++index;
  const Token& next = tokens_[index];
  if (next.kind == TokenKind::Eof || next.kind == TokenKind::RBrace || next.indent <= header_indent) return false;
  error_here("E007", fmt::format("expected ':' at the end of '{}' to open the indented block below it", header),
             "a header opens an indented block only when its line ends with ':'");
  advance();
  if (block_depth_ >= kMaxNesting) {
    skip_deeper_lines(header_indent);
    return true;
  }
  ++block_depth_;
  parse_indented_body(header_indent, /*colon_line=*/0, item);  // a deeper line follows: never E030 here
  --block_depth_;
  return true;
}

bool Parser::parse_indented_body(std::uint32_t header_indent, std::uint32_t colon_line, const ItemParser& item) {
  // The first line of the body decides its indentation. Doc comments never do; a body holding only doc
  // comments (indented deeper than the header) is an empty body, as the older tool accepted.
  std::size_t index = pos_;
  bool documented = false;
  while (tokens_[index].kind == TokenKind::Newline || tokens_[index].kind == TokenKind::DocComment) {
    if (tokens_[index].kind == TokenKind::DocComment && tokens_[index].indent > header_indent) documented = true;
    ++index;
  }
  const Token& first = tokens_[index];
  if (first.kind == TokenKind::Eof || first.kind == TokenKind::RBrace || first.indent <= header_indent) {
    if (!documented) {
      error("E030",
            fmt::format("expected an indented block after ':' on line {}, found {}", colon_line, describe(first)),
            first.span, "indent the body deeper than the header, or write `{ }` for an empty block");
    }
    return true;
  }
  frames_.push_back(Frame{false, first.indent});
  run_indented_items(first.indent, item);
  frames_.pop_back();
  return true;
}

// The items of an indentation block (or of the top level, at indentation 0). A line indented less than the
// items ends the block when it matches an enclosing level; a line matching no level is E025 and is parsed as
// part of this block (the likeliest intent). Consecutive lines with the same wrong indentation are one mistake.
void Parser::run_indented_items(std::uint32_t body_indent, const ItemParser& item) {
  std::optional<std::uint32_t> reported_indent;
  for (;;) {
    collect_docs();
    statement_start_ = cur().span.start.offset;
    const Token& token = cur();
    if (token.kind == TokenKind::Eof) break;
    if (token.kind == TokenKind::RBrace) {
      if (has_open_brace(/*skip_innermost=*/false)) return;  // the enclosing brace block closes this one too
      error_here("E028", "unmatched '}'", "remove it, or add the '{' it was meant to close");
      while (at(TokenKind::RBrace)) advance();  // a run of them is one mistake
      continue;
    }
    if (token.first_on_line) {
      if (token.indent < body_indent && matches_enclosing_level(token.indent)) {
        keep_docs_up_to(token.indent);
        return;
      }
      if (token.indent != body_indent) {
        if (reported_indent != token.indent) {
          error_here("E025",
                     fmt::format("inconsistent indentation: this line is indented by {} but the items of this "
                                 "block are indented by {}",
                                 token.indent, body_indent),
                     token.indent > body_indent
                         ? std::optional<std::string>("indent a block only after a header that ends with ':'")
                         : std::optional<std::string>("align the line with the block it belongs to"));
          reported_indent = token.indent;
        }
      } else {
        reported_indent.reset();
      }
    }
    run_item(item);
  }
  pending_docs_.clear();
}

// Whether a line at `indent` belongs to an enclosing block: it matches the items' indentation of an enclosing
// indentation block, or a brace block encloses this one before any level is passed (inside braces layout is free).
bool Parser::matches_enclosing_level(std::uint32_t indent) const {
  for (std::size_t i = frames_.size() - 1; i-- > 0;) {
    if (frames_[i].brace) return true;
    if (frames_[i].body_indent == indent) return true;
    if (frames_[i].body_indent < indent) return false;
  }
  return false;
}

void Parser::run_item(const ItemParser& item) {
  const std::size_t before = pos_;
  item(take_doc());
  if (pos_ == before) advance();  // every statement parser consumes a token; this keeps a bug from looping
}

}  // namespace hie::syntax::parser_detail
