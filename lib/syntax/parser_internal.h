// Private to the parser (parser*.cpp): the Parser class, whose members are split by idea over several files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.h"
#include "syntax/diagnostic.h"
#include "syntax/source_file.h"
#include "syntax/token.h"

namespace hie::syntax::parser_detail {

// Blocks nest at most this deep, and so do expressions; deeper input gets E031 instead of exhausting the stack
// (the parser is recursive descent, and the AST's destructors recurse too).
inline constexpr int kMaxNesting = 256;

// Where a body statement is, which decides what it may be.
struct BodyContext {
  Body* body = nullptr;
  bool in_pattern = false;    // inside a pattern at any depth: unbounded scopes and refs are allowed
  bool pattern_body = false;  // the pattern's own body: requirements are allowed there, bindings are not
};

// An open block, innermost last. The top level is an indentation block whose items are at column 0.
struct Frame {
  bool brace = false;
  std::uint32_t body_indent = 0;  // indentation blocks: the indentation of their items
};

using DocText = std::optional<std::string>;
// Parses one statement of a block. Must consume at least one token; handles its own errors and recovery.
using ItemParser = std::function<void(DocText doc)>;

bool is_name(TokenKind kind);  // an identifier, or a keyword that may be used as a name

class Parser {
 public:
  // Diagnostics from index `first_lexical` on are the lexer's for this file.
  Parser(const SourceFile& source, std::vector<Token> tokens, DiagnosticList& diagnostics, std::size_t first_lexical);
  File parse_file();

 private:
  // ---- parser_cursor.cpp: tokens, positions, messages, doc comments.
  const Token& cur() const { return tokens_[pos_]; }
  const Token& peek(std::size_t ahead = 1) const;
  TokenKind kind() const { return tokens_[pos_].kind; }
  bool at(TokenKind kind) const { return tokens_[pos_].kind == kind; }
  void advance();
  bool accept(TokenKind kind);
  Identifier take_identifier();  // the current token as an Identifier; advances
  // A name (identifier or name keyword), else E004 "expected {what}, found X".
  std::optional<Identifier> expect_name(std::string_view what);
  // The token `kind`, else E007 "expected {what}, found X".
  bool expect(TokenKind kind, std::string_view what);
  void error(std::string_view code, std::string message, Span span, std::optional<std::string> help = std::nullopt);
  void error_here(std::string_view code, std::string message, std::optional<std::string> help = std::nullopt);
  std::string found() const;  // ", found X" for the current token
  std::string slice(const Span& span) const;
  Span span_from(Position start) const { return Span{start, last_end_}; }
  bool at_statement_end() const;  // a newline, a '}' or the end of the file
  // Consumes the newline ending a statement ('}' and end of file end it too, unconsumed); else E008.
  bool end_statement(std::string_view expected = "a newline");
  // end_statement, and on failure skip the rest of the statement.
  void finish_statement(std::size_t statement_start, std::string_view expected = "a newline");
  bool has_open_brace(bool skip_innermost) const;
  void collect_docs();
  DocText take_doc();
  void keep_docs_up_to(std::uint32_t indent);

  // ---- parser_recovery.cpp: skipping what cannot be parsed.
  void recover(std::size_t statement_start);
  void skip_deeper_lines(std::uint32_t indent);
  std::optional<std::string> junk_help(const Token& token, bool top_level) const;

  // ---- parser_blocks.cpp: brace and indentation blocks.
  // At '{' or ':'. `owner` names the block in messages ("element 'api'"). Returns false after an error that
  // leaves the header unfinished (the caller recovers); `brace` tells which form was used.
  bool parse_block(const std::string& owner, std::uint32_t header_indent, const ItemParser& item, bool& brace);
  bool parse_brace_block(const std::string& owner, const ItemParser& item);
  bool parse_indent_block(std::uint32_t header_indent, const ItemParser& item);
  bool parse_indented_body(std::uint32_t header_indent, std::uint32_t colon_line, const ItemParser& item);
  // At the newline of a header without a block opener: parses a deeper-indented body after E007 (missing ':').
  bool parse_body_after_missing_colon(const std::string& header, std::uint32_t header_indent, const ItemParser& item);
  void run_indented_items(std::uint32_t body_indent, const ItemParser& item);
  bool matches_enclosing_level(std::uint32_t indent) const;
  void run_item(const ItemParser& item);

  // ---- parser.cpp: the file, imports and top-level dispatch.
  void parse_top_level_item(DocText doc);
  void report_late_import();
  std::optional<ImportDecl> parse_import();
  std::optional<PatternDecl> parse_pattern(DocText doc);

  // ---- parser_languages.cpp: language declarations and connection checks.
  std::optional<LanguageDecl> parse_language(DocText doc);
  std::optional<ConnectionCheckDecl> parse_connection_check(DocText doc);

  // ---- parser_declarations.cpp: body statements.
  void parse_body_item(const BodyContext& context, DocText doc);
  std::optional<ElementDecl> parse_element(DocText doc, bool in_pattern);
  std::optional<ScopeDecl> parse_scope(DocText doc, bool unbounded_allowed);
  std::optional<RefDecl> parse_ref(DocText doc, bool unbounded_allowed);
  std::optional<CheckDecl> parse_check(DocText doc);
  std::optional<UsesDecl> parse_uses();
  std::optional<BindingDecl> parse_binding();
  std::optional<std::vector<Identifier>> parse_path(std::string_view what);
  std::optional<Identifier> parse_optional_type();  // `: TYPE` after a name, when ':' is followed by a name
  bool starts_uses_statement() const;

  // ---- parser_requirements.cpp: requires / allows / forbids.
  std::optional<RequirementDecl> parse_requirement(DocText doc);
  bool parse_required_element(RequirementDecl& requirement, std::size_t statement_start);
  bool parse_connection_target(RequirementDecl& requirement);

  // ---- parser_expressions.cpp
  ExprPtr parse_expression();
  ExprPtr parse_expression_at(int depth);
  ExprPtr parse_primary(int depth);
  bool parse_expression_list(std::vector<ExprPtr>& out, const Token& open, int depth, std::string_view what);
  void report_unclosed(const Token& open);  // E027
  bool report_stray_closer();               // E028 when at ')' or ']'; false otherwise

  const SourceFile& source_;
  std::vector<Token> tokens_;
  DiagnosticList& diagnostics_;
  std::size_t pos_ = 0;
  Position last_end_;                          // end of the last consumed token that is not a newline or doc comment
  std::vector<Frame> frames_;                  // open blocks
  int block_depth_ = 0;                        // nesting of element/pattern/language/requirement blocks
  std::vector<std::size_t> pending_docs_;      // doc comment tokens seen since the last statement
  std::vector<std::uint32_t> lexical_errors_;  // sorted offsets of the lexer's errors
  std::uint32_t statement_start_ = 0;          // offset of the first token of the innermost statement
  bool seen_item_ = false;                     // an element, pattern or language was seen: imports are over
  File file_;
};

}  // namespace hie::syntax::parser_detail
