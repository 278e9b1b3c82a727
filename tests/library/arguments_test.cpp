#include "library/arguments.h"

#include <gtest/gtest.h>

namespace hie::library {
namespace {

FunctionDoc exists_doc() {
  return {"exists", FunctionKind::Check, "", {{"scope", "scope", "", false}, {"name", "string", "", false}}, "", {}};
}

FunctionDoc union_doc() {
  return {"union", FunctionKind::Selector,
          "",      {{"a", "scope", "", false}, {"b", "scope", "", false}, {"others", "scope", "", true}},
          "scope", {}};
}

const std::vector<LegacyArgumentError> kExistsLegacy = {
    {0, "E110", "exists requires a scope as first argument"},
    {1, "E111", "exists requires a filename as second argument"},
};

Value scope() { return Value::scope({"Folder", "src", {}, std::nullopt, true}); }

TEST(Arguments, TypeAccepts) {
  EXPECT_TRUE(type_accepts("scope", Value::Kind::Scope));
  EXPECT_FALSE(type_accepts("scope", Value::Kind::String));
  EXPECT_TRUE(type_accepts("Scope", Value::Kind::Scope));  // the older catalogue's spelling
  EXPECT_TRUE(type_accepts("integer", Value::Kind::Int));
  EXPECT_FALSE(type_accepts("integer", Value::Kind::Float));
  EXPECT_TRUE(type_accepts("number", Value::Kind::Int));
  EXPECT_TRUE(type_accepts("number", Value::Kind::Float));
  EXPECT_FALSE(type_accepts("number", Value::Kind::String));
  EXPECT_TRUE(type_accepts("boolean", Value::Kind::Bool));
  EXPECT_TRUE(type_accepts("list", Value::Kind::List));
  EXPECT_TRUE(type_accepts("string", Value::Kind::String));
  EXPECT_TRUE(type_accepts("any", Value::Kind::Null));
  EXPECT_TRUE(type_accepts("Token", Value::Kind::Scope));  // a plugin's own label
}

TEST(Arguments, Signatures) {
  EXPECT_EQ(format_signature("files", exists_doc()), "files.exists(scope, name: string)");
  EXPECT_EQ(format_signature("files", union_doc()), "files.union(a: scope, b: scope, others: scope...)");
  EXPECT_EQ(format_call_types("files", "exists", std::vector<Value>{Value::string("."), Value::integer(1)}),
            "files.exists(string, integer)");
  EXPECT_EQ(format_call_types("files", "exists", {}), "files.exists()");
}

TEST(Arguments, MatchFindsTheFirstDeparture) {
  using K = ArgumentMismatch::Kind;
  const FunctionDoc doc = exists_doc();
  EXPECT_FALSE(match_arguments(doc, std::vector<Value>{scope(), Value::string("x")}).has_value());
  auto missing = match_arguments(doc, std::vector<Value>{scope()});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->kind, K::Missing);
  EXPECT_EQ(missing->position, 1u);
  auto wrong = match_arguments(doc, std::vector<Value>{Value::string("."), Value::string("x")});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->kind, K::WrongType);
  EXPECT_EQ(wrong->position, 0u);
  auto extra = match_arguments(doc, std::vector<Value>{scope(), Value::string("x"), Value::integer(3)});
  ASSERT_TRUE(extra);
  EXPECT_EQ(extra->kind, K::Extra);
  EXPECT_EQ(extra->position, 2u);
}

TEST(Arguments, VariadicTakesZeroOrMoreFurtherArguments) {
  const FunctionDoc doc = union_doc();
  EXPECT_FALSE(match_arguments(doc, std::vector<Value>{scope(), scope()}).has_value());
  EXPECT_FALSE(match_arguments(doc, std::vector<Value>{scope(), scope(), scope(), scope()}).has_value());
  EXPECT_TRUE(match_arguments(doc, std::vector<Value>{scope()}).has_value());
  auto wrong = match_arguments(doc, std::vector<Value>{scope(), scope(), scope(), Value::integer(1)});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->kind, ArgumentMismatch::Kind::WrongType);
  EXPECT_EQ(wrong->position, 3u);
}

TEST(Arguments, LegacyErrorsKeepTheOlderCodeAndTextAndShowTheSignature) {
  auto error = check_arguments("files", exists_doc(), std::vector<Value>{Value::string("."), Value::string("x")},
                               "E103", kExistsLegacy);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "E110");
  EXPECT_EQ(error->message,
            "exists requires a scope as first argument (expected files.exists(scope, name: string), got "
            "files.exists(string, string))");
  auto missing = check_arguments("files", exists_doc(), std::vector<Value>{scope()}, "E103", kExistsLegacy);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, "E111");
  EXPECT_EQ(missing->message.rfind("exists requires a filename as second argument (expected", 0), 0u);
}

TEST(Arguments, GenericErrorsWhenNoLegacyApplies) {
  auto extra =
      check_arguments("files", exists_doc(), std::vector<Value>{scope(), Value::string("x"), Value::string("y")},
                      "E103", kExistsLegacy);
  ASSERT_TRUE(extra);
  EXPECT_EQ(extra->code, "E103");
  EXPECT_EQ(extra->message,
            "wrong arguments: expected files.exists(scope, name: string), got files.exists(scope, string, string)");
  auto no_legacy = check_arguments("files", exists_doc(), std::vector<Value>{}, "E103");
  ASSERT_TRUE(no_legacy);
  EXPECT_EQ(no_legacy->code, "E103");
  EXPECT_FALSE(check_arguments("files", exists_doc(), std::vector<Value>{scope(), Value::string("x")}, "E103"));
}

TEST(Arguments, AlternativeSignatures) {
  const FunctionDoc by_name{"function_exists", FunctionKind::Check, "", {{"name", "string", "", false}}, "", {}};
  const FunctionDoc scoped{"function_exists",
                           FunctionKind::Check,
                           "",
                           {{"scope", "scope", "", false}, {"name", "string", "", false}},
                           "",
                           {}};
  const FunctionDoc* both[] = {&by_name, &scoped};
  EXPECT_FALSE(check_arguments("rust", both, std::vector<Value>{Value::string("parse")}, "E312"));
  EXPECT_FALSE(check_arguments("rust", both, std::vector<Value>{scope(), Value::string("parse")}, "E312"));
  auto error = check_arguments("rust", both, std::vector<Value>{Value::integer(1)}, "E312");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "E312");
  EXPECT_EQ(error->message,
            "wrong arguments: expected rust.function_exists(name: string) or rust.function_exists(scope, name: "
            "string), got rust.function_exists(integer)");
}

}  // namespace
}  // namespace hie::library
