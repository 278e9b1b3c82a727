#include "library/value.h"

#include <gtest/gtest.h>

namespace hie::library {
namespace {

TEST(Value, FactoriesAndKinds) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_EQ(Value::boolean(true).kind(), Value::Kind::Bool);
  EXPECT_TRUE(Value::boolean(true).as_bool());
  EXPECT_EQ(Value::integer(-7).as_int(), -7);
  EXPECT_DOUBLE_EQ(Value::floating(1.5).as_float(), 1.5);
  EXPECT_EQ(Value::string("x").as_string(), "x");
  EXPECT_EQ(Value::list({Value::integer(1), Value::string("a")}).as_list().size(), 2u);
  EXPECT_TRUE(Value::integer(1).is_number());
  EXPECT_TRUE(Value::floating(1).is_number());
  EXPECT_FALSE(Value::string("1").is_number());
  EXPECT_DOUBLE_EQ(Value::integer(3).as_number(), 3.0);
  EXPECT_TRUE(Value::scope({}).is_scope());
}

TEST(Value, TypeNamesAreTheSignatureNames) {
  EXPECT_STREQ(Value().type_name(), "null");
  EXPECT_STREQ(Value::boolean(false).type_name(), "boolean");
  EXPECT_STREQ(Value::integer(1).type_name(), "integer");
  EXPECT_STREQ(Value::floating(1).type_name(), "float");
  EXPECT_STREQ(Value::string("").type_name(), "string");
  EXPECT_STREQ(Value::list({}).type_name(), "list");
  EXPECT_STREQ(Value::scope({}).type_name(), "scope");
}

TEST(Value, ScopesSortAndDeduplicatePaths) {
  ScopeData data{"Folder", "src", {"src/b.py", "src/a.py", "src/b.py", "src/a/x.py"}, std::nullopt, true};
  const Value scope = Value::scope(data);
  EXPECT_EQ(scope.as_scope().paths, (std::vector<std::string>{"src/a.py", "src/a/x.py", "src/b.py"}));
  EXPECT_EQ(scope.as_scope().kind, "Folder");
  EXPECT_EQ(scope.as_scope().arg, "src");
}

TEST(Value, CopiesShareListsAndScopes) {
  const Value scope = Value::scope({"Glob", "**", {"a"}, std::nullopt, true});
  const Value copy = scope;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(&copy.as_scope(), &scope.as_scope());
}

TEST(Value, EqualityComparesContents) {
  EXPECT_EQ(Value(), Value());
  EXPECT_EQ(Value::integer(1), Value::integer(1));
  EXPECT_NE(Value::integer(1), Value::floating(1));  // different kinds
  EXPECT_NE(Value::string("a"), Value::string("b"));
  EXPECT_EQ(Value::list({Value::integer(1)}), Value::list({Value::integer(1)}));
  EXPECT_NE(Value::list({Value::integer(1)}), Value::list({Value::integer(2)}));
  const ScopeData a{"File", "x", {"x"}, std::nullopt, true};
  ScopeData b = a;
  EXPECT_EQ(Value::scope(a), Value::scope(b));
  b.language = "python";
  EXPECT_NE(Value::scope(a), Value::scope(b));
  b = a;
  b.arg = "./x";
  EXPECT_NE(Value::scope(a), Value::scope(b));
}

TEST(Value, NormalizeScopePaths) {
  std::vector<std::string> paths = {"b", "a", "b", "a.txt", "a/x"};
  normalize_scope_paths(paths);
  EXPECT_EQ(paths, (std::vector<std::string>{"a", "a.txt", "a/x", "b"}));
}

}  // namespace
}  // namespace hie::library
