// The parser's entry point and the top level of a file: imports, then elements, patterns and languages.
#include "syntax/parser.h"

#include <fmt/format.h>

#include "syntax/lexer.h"
#include "syntax/parser_internal.h"

namespace hie::syntax {

File parse(const SourceFile& source, DiagnosticList& diagnostics) {
  // Lexical diagnostics go to the same list: a file with a lexical error never parses cleanly.
  const std::size_t first_lexical = diagnostics.size();
  std::vector<Token> tokens = lex(source, diagnostics);
  parser_detail::Parser parser(source, std::move(tokens), diagnostics, first_lexical);
  return parser.parse_file();
}

namespace parser_detail {

File Parser::parse_file() {
  file_.path = source_.path();
  frames_.push_back(Frame{false, 0});
  run_indented_items(0, [this](DocText doc) { parse_top_level_item(std::move(doc)); });
  frames_.pop_back();
  const auto size = static_cast<std::uint32_t>(source_.text().size());
  file_.span = source_.span_of(0, size);
  return std::move(file_);
}

void Parser::parse_top_level_item(DocText doc) {
  const std::size_t start = pos_;
  switch (kind()) {
    case TokenKind::KwImport:
    case TokenKind::KwFrom:
      if (seen_item_) {
        report_late_import();
        recover(start);
      } else if (auto import = parse_import()) {
        file_.imports.push_back(std::move(*import));
      }
      return;
    case TokenKind::KwElement:
      seen_item_ = true;
      if (auto element = parse_element(std::move(doc), /*in_pattern=*/false)) {
        file_.elements.push_back(std::move(*element));
      }
      return;
    case TokenKind::KwPattern:
    case TokenKind::KwTemplate:
      seen_item_ = true;
      if (auto pattern = parse_pattern(std::move(doc))) file_.patterns.push_back(std::move(*pattern));
      return;
    case TokenKind::KwLanguage:
      seen_item_ = true;
      if (auto language = parse_language(std::move(doc))) file_.languages.push_back(std::move(*language));
      return;
    default:
      // One diagnostic for the whole statement, however many tokens it has.
      if (report_stray_closer()) {
        recover(start);
        return;
      }
      error_here("E001", "expected 'element', 'pattern' or 'language' at the top level" + found(),
                 junk_help(cur(), /*top_level=*/true));
      recover(start);
      return;
  }
}

// One diagnostic spanning the whole import line.
void Parser::report_late_import() {
  std::size_t last = pos_;
  for (std::size_t i = pos_; tokens_[i].kind != TokenKind::Newline && tokens_[i].kind != TokenKind::Eof; ++i) {
    last = i;
  }
  error("E029", "imports must come before the first element, pattern or language",
        Span{cur().span.start, tokens_[last].span.end}, "move the import to the top of the file");
}

std::optional<ImportDecl> Parser::parse_import() {
  const std::size_t start = pos_;
  const Position start_position = cur().span.start;
  ImportDecl import;
  import.is_from = at(TokenKind::KwFrom);
  const std::string_view keyword = import.is_from ? "from" : "import";
  advance();
  if (at(TokenKind::String)) {
    import.path_is_string = true;
    import.string_path = cur().value;
    import.string_span = cur().span;
    advance();
  } else if (is_name(kind())) {
    auto path = parse_path("a name after '.'");
    if (!path) {
      recover(start);
      return std::nullopt;
    }
    import.path = std::move(*path);
  } else {
    error_here("E004", fmt::format("expected a library name or a quoted file path after '{}'{}", keyword, found()));
    recover(start);
    return std::nullopt;
  }
  if (import.is_from) {
    if (!expect(TokenKind::KwImport, "'import' after the library of a 'from' import")) {
      recover(start);
      return std::nullopt;
    }
    do {
      auto name = expect_name("a name to import");
      if (!name) {
        recover(start);
        return std::nullopt;
      }
      import.names.push_back(std::move(*name));
    } while (accept(TokenKind::Comma));
  } else if (accept(TokenKind::KwAs)) {
    import.alias = expect_name("a name after 'as'");
    if (!import.alias) {
      recover(start);
      return std::nullopt;
    }
  }
  import.span = span_from(start_position);
  finish_statement(start, import.is_from ? "',' or a newline" : (import.alias ? "a newline" : "'as' or a newline"));
  return import;
}

std::optional<PatternDecl> Parser::parse_pattern(DocText doc) {
  const std::size_t start = pos_;
  const Token& keyword = cur();
  PatternDecl pattern;
  pattern.doc = std::move(doc);
  pattern.legacy_template_keyword = keyword.kind == TokenKind::KwTemplate;
  const std::string keyword_text = keyword.text;
  const std::uint32_t header_indent = keyword.indent;
  const Position start_position = keyword.span.start;
  advance();
  auto name = expect_name(fmt::format("a name after '{}'", keyword_text));
  if (!name) {
    recover(start);
    return std::nullopt;
  }
  pattern.name = std::move(*name);
  const BodyContext context{&pattern.body, /*in_pattern=*/true, /*pattern_body=*/true};
  const ItemParser item = [&](DocText item_doc) { parse_body_item(context, std::move(item_doc)); };
  if (parse_body_after_missing_colon(slice(span_from(start_position)), header_indent, item)) {
    pattern.span = span_from(start_position);
    return pattern;
  }
  if (!at(TokenKind::LBrace) && !at(TokenKind::Colon)) {
    error_here("E007", fmt::format("expected '{{' or ':' to open the body of {} '{}'{}", keyword_text,
                                   pattern.name.name, found()));
    recover(start);
    return std::nullopt;
  }
  bool brace = false;
  if (!parse_block(fmt::format("{} '{}'", keyword_text, pattern.name.name), header_indent, item, brace)) {
    recover(start);
    return std::nullopt;
  }
  pattern.brace_block = brace;
  pattern.span = span_from(start_position);
  if (brace) finish_statement(start);
  return pattern;
}

}  // namespace parser_detail
}  // namespace hie::syntax
