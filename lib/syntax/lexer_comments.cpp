// Comments: '#' line comments, '##' doc comments and the '###' block / heading rules of LANGUAGE.md §1.
//
// A comment starts with a run of N '#':
// - N = 1: ignored to the end of the line.
// - N = 2 or N >= 4: a doc-comment line. It is a DocComment token only when it is the first token on its line
//   and outside ( ) and [ ]; anywhere else (after a statement, inside a call) it is ignored like '#'. Its value
//   drops all leading '#'s and one following space. (N >= 4 covers banners such as "##########", which the
//   older tool also lexed as doc comments.)
// - N = 3, in this order:
//   1. "### text ###" on one line is a block comment; lexing resumes right after the closing "###".
//   2. "###" followed only by whitespace opens a block comment closed by the next "###" anywhere later; lexing
//      resumes right after it, on the closing line. Its line breaks end the logical line the opener was on
//      (so tokens before the opener get their Newline), and produce nothing else.
//   3. Otherwise "### Title" is a doc-comment line like "## Title": it never swallows code up to a later
//      "###" (the older tool's bug). A bare "###" that nothing closes is decided the same way: a doc-comment
//      line with empty text, rather than a comment that silently swallows the rest of the file.
// Comment bodies must be valid UTF-8 like everything else (E020).
#include <cstdint>

#include "syntax/lexer_internal.h"
#include "syntax/utf8.h"

namespace hie::syntax::lexer_detail {
namespace {

constexpr std::string_view kBlockMarker = "###";

bool only_spaces(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

void Lexer::lex_comment() {
  const std::size_t begin = pos_;
  const Position start = positions_.at(begin);
  const std::size_t end = line_end(begin);
  std::size_t hashes = 0;
  while (begin + hashes < end && text_[begin + hashes] == '#') ++hashes;

  if (hashes == 1) {
    check_utf8(begin, end);
    pos_ = end;
    return;
  }
  if (hashes == 3) {
    const std::size_t after = begin + kBlockMarker.size();
    const std::string_view rest = text_.substr(after, end - after);
    if (const std::size_t close = rest.find(kBlockMarker); close != std::string_view::npos) {
      check_utf8(after, after + close);
      pos_ = after + close + kBlockMarker.size();
      return;
    }
    // The search for the closer can fail (and cost a scan to the end of the file) only once per file: any later
    // opener is itself a "###" after this one.
    if (only_spaces(rest) && end < text_.size()) {
      if (const std::size_t closer = text_.find(kBlockMarker, end); closer != std::string_view::npos) {
        skip_block_comment(end, closer);
        return;
      }
    }
  }
  lex_doc_comment_line(begin, begin + hashes, start);
}

void Lexer::skip_block_comment(std::size_t opener_line_end, std::size_t closer) {
  if (newline_due_ && bracket_depth_ == 0) {
    const std::size_t terminator = text_[opener_line_end] == '\r' ? 2 : 1;
    emit(TokenKind::Newline, opener_line_end, opener_line_end + terminator, positions_.at(opener_line_end));
    newline_due_ = false;
  }
  check_utf8(opener_line_end, closer);
  pos_ = closer + kBlockMarker.size();
}

void Lexer::lex_doc_comment_line(std::size_t begin, std::size_t text_begin, Position start) {
  const std::size_t end = line_end(begin);
  check_utf8(text_begin, end);
  pos_ = end;
  if (!at_first_token_of_line(start) || bracket_depth_ > 0) return;

  std::size_t value_begin = text_begin;
  if (value_begin < end && text_[value_begin] == ' ') ++value_begin;
  std::size_t value_end = end;
  // A "\r" right before the end can only be a lone "\r" at the very end of the file ("\r\n" is excluded already).
  if (value_end > value_begin && text_[value_end - 1] == '\r') --value_end;
  std::string value;
  value.reserve(value_end - value_begin);
  for (std::size_t i = value_begin; i < value_end;) {
    const DecodedChar decoded = decode_utf8(text_, i);
    if (decoded.length == 0) {
      append_utf8(value, kReplacementCharacter);  // already reported by check_utf8
      ++i;
    } else {
      value.append(text_.substr(i, decoded.length));
      i += decoded.length;
    }
  }
  Token& token = emit(TokenKind::DocComment, begin, end, start);
  token.value = std::move(value);
}

}  // namespace hie::syntax::lexer_detail
