#include "library/arguments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hie::library {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string expected_text(std::string_view library, std::span<const FunctionDoc* const> signatures) {
  std::string text;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    if (i > 0) text += " or ";
    text += format_signature(library, *signatures[i]);
  }
  return text;
}

}  // namespace

bool type_accepts(std::string_view type, Value::Kind kind) {
  using K = Value::Kind;
  if (equals_ignoring_case(type, "any")) return true;
  if (equals_ignoring_case(type, "scope")) return kind == K::Scope;
  if (equals_ignoring_case(type, "string")) return kind == K::String;
  if (equals_ignoring_case(type, "integer")) return kind == K::Int;
  if (equals_ignoring_case(type, "number")) return kind == K::Int || kind == K::Float;
  if (equals_ignoring_case(type, "float")) return kind == K::Int || kind == K::Float;
  if (equals_ignoring_case(type, "boolean")) return kind == K::Bool;
  if (equals_ignoring_case(type, "list")) return kind == K::List;
  return true;
}

std::string format_signature(std::string_view library, const FunctionDoc& function) {
  std::string text = fmt::format("{}.{}(", library, function.name);
  for (std::size_t i = 0; i < function.params.size(); ++i) {
    const ParamDoc& param = function.params[i];
    if (i > 0) text += ", ";
    if (param.name == param.type) {
      text += param.name;
    } else {
      text += fmt::format("{}: {}", param.name, param.type);
    }
    if (param.variadic) text += "...";
  }
  return text + ")";
}

std::string format_call_types(std::string_view library, std::string_view function, std::span<const Value> args) {
  std::string text = fmt::format("{}.{}(", library, function);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) text += ", ";
    text += args[i].type_name();
  }
  return text + ")";
}

std::optional<ArgumentMismatch> match_arguments(const FunctionDoc& function, std::span<const Value> args) {
  const auto& params = function.params;
  const bool variadic = !params.empty() && params.back().variadic;
  const std::size_t required = variadic ? params.size() - 1 : params.size();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const ParamDoc* param = nullptr;
    if (i < required) {
      param = &params[i];
    } else if (variadic) {
      param = &params.back();
    } else {
      return ArgumentMismatch{ArgumentMismatch::Kind::Extra, i};
    }
    if (!type_accepts(param->type, args[i].kind())) return ArgumentMismatch{ArgumentMismatch::Kind::WrongType, i};
  }
  if (args.size() < required) return ArgumentMismatch{ArgumentMismatch::Kind::Missing, args.size()};
  return std::nullopt;
}

std::optional<LibraryError> check_arguments(std::string_view library, std::span<const FunctionDoc* const> signatures,
                                            std::span<const Value> args, std::string_view code,
                                            std::span<const LegacyArgumentError> legacy) {
  if (signatures.empty()) return std::nullopt;
  std::optional<ArgumentMismatch> first_mismatch;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    auto mismatch = match_arguments(*signatures[i], args);
    if (!mismatch) return std::nullopt;
    if (i == 0) first_mismatch = mismatch;
  }
  const std::string expected = expected_text(library, signatures);
  const std::string got = format_call_types(library, signatures.front()->name, args);
  if (first_mismatch->kind != ArgumentMismatch::Kind::Extra) {
    for (const auto& entry : legacy) {
      if (entry.position == first_mismatch->position) {
        return LibraryError{entry.code, fmt::format("{} (expected {}, got {})", entry.message, expected, got)};
      }
    }
  }
  return LibraryError{std::string(code), fmt::format("wrong arguments: expected {}, got {}", expected, got)};
}

std::optional<LibraryError> check_arguments(std::string_view library, const FunctionDoc& function,
                                            std::span<const Value> args, std::string_view code,
                                            std::span<const LegacyArgumentError> legacy) {
  const FunctionDoc* signatures[] = {&function};
  return check_arguments(library, std::span<const FunctionDoc* const>(signatures), args, code, legacy);
}

}  // namespace hie::library
