// libFuzzer entry point: any bytes must go through SourceFile, the lexer and the parser without a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "syntax/diagnostic.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace {

using hie::syntax::DiagnosticList;
using hie::syntax::Position;
using hie::syntax::SourceFile;
using hie::syntax::Span;

// Invariants the rest of hie relies on. A violation is a bug, so it must stop the fuzzer like a crash would.
void require(bool condition) {
  if (!condition) __builtin_trap();
}

void require_valid_span(const SourceFile& source, const Span& span) {
  const auto size = static_cast<std::uint32_t>(source.text().size());
  require(span.start.offset <= span.end.offset);
  require(span.end.offset <= size);
  require(span.start.line >= 1 && span.end.line <= source.line_count());
  require(span.start.column >= 1 && span.end.column >= 1);
}

void check_positions(const SourceFile& source, const std::uint8_t* data, std::size_t size) {
  const auto text_size = static_cast<std::uint32_t>(source.text().size());
  // Offsets taken from the input itself, so the fuzzer steers them; some lie past the end on purpose.
  for (std::size_t i = 0; i + 1 < size && i < 64; i += 2) {
    const std::uint32_t offset = (static_cast<std::uint32_t>(data[i]) << 8 | data[i + 1]) % (text_size + 16);
    const Position position = source.position_at(offset);
    require(position.offset == (offset < text_size ? offset : text_size));
    require(position.line >= 1 && position.line <= source.line_count());
    require(position.column >= 1);
    require(position.column - 1 <= source.line_text(position.line).size() + 1);
    require_valid_span(source, source.span_of(offset / 2, offset));
  }
  require(source.line_text(0).empty());
  require(source.line_text(source.line_count() + 1).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SourceFile source("fuzz.hie", std::string(reinterpret_cast<const char*>(data), size));

  DiagnosticList lex_diagnostics;
  const std::vector<hie::syntax::Token> tokens = hie::syntax::lex(source, lex_diagnostics);
  require(!tokens.empty() && tokens.back().kind == hie::syntax::TokenKind::Eof);
  for (const auto& token : tokens) require_valid_span(source, token.span);
  for (const auto& diagnostic : lex_diagnostics.items()) require_valid_span(source, diagnostic.span);

  DiagnosticList parse_diagnostics;
  const hie::syntax::File file = hie::syntax::parse(source, parse_diagnostics);
  for (const auto& diagnostic : parse_diagnostics.items()) {
    require_valid_span(source, diagnostic.span);
    require(!diagnostic.code.empty() && !diagnostic.message.empty());
  }
  static_cast<void>(file);  // only the absence of crashes and hangs matters here
  // parse() lexes too, so a lexical error always surfaces as a parse error: bad input never parses cleanly.
  require(!lex_diagnostics.has_errors() || parse_diagnostics.has_errors());

  check_positions(source, data, size);
  return 0;
}
