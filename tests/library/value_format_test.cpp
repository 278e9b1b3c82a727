#include "library/value_format.h"

#include <gtest/gtest.h>

#include <limits>

namespace hie::library {
namespace {

TEST(ValueFormat, JsonOfScalarsAndLists) {
  EXPECT_EQ(value_to_json(Value()).dump(), "null");
  EXPECT_EQ(value_to_json(Value::boolean(true)).dump(), "true");
  EXPECT_EQ(value_to_json(Value::integer(-3)).dump(), "-3");
  EXPECT_EQ(value_to_json(Value::floating(1.5)).dump(), "1.5");
  EXPECT_EQ(value_to_json(Value::floating(std::numeric_limits<double>::quiet_NaN())).dump(), "null");
  EXPECT_EQ(value_to_json(Value::string("a\"b")).dump(), "\"a\\\"b\"");
  EXPECT_EQ(value_to_json(Value::list({Value::integer(1), Value::list({})})).dump(), "[1,[]]");
}

TEST(ValueFormat, JsonOfScopesKeepsKeyOrder) {
  const Value scope = Value::scope({"Folder", "src", {"src/b.py", "src/a.py"}, std::nullopt, true});
  EXPECT_EQ(value_to_json(scope).dump(),
            R"({"kind":"Folder","arg":"src","paths":["src/a.py","src/b.py"],"language":null,"resolved":true})");
  const Value typed = Value::scope({"module", "a.b", {}, "python", false});
  EXPECT_EQ(value_to_json(typed).dump(),
            R"({"kind":"module","arg":"a.b","paths":[],"language":"python","resolved":false})");
}

TEST(ValueFormat, SpecSyntaxForMessages) {
  EXPECT_EQ(format_value(Value()), "null");
  EXPECT_EQ(format_value(Value::boolean(false)), "false");
  EXPECT_EQ(format_value(Value::integer(42)), "42");
  EXPECT_EQ(format_value(Value::floating(1.5)), "1.5");
  EXPECT_EQ(format_value(Value::floating(10.0)), "10");
  EXPECT_EQ(format_value(Value::string("it's")), "'it\\'s'");
  EXPECT_EQ(format_value(Value::list({Value::integer(1), Value::string("a")})), "[1, 'a']");
  EXPECT_EQ(format_value(Value::scope({"Glob", "**/*.rs", {}, std::nullopt, true})), "Glob('**/*.rs')");
  EXPECT_EQ(format_value(Value::scope({"Union", "", {}, std::nullopt, true})), "Union");
}

TEST(ValueFormat, QuoteEscapesBackslashesAndQuotes) {
  EXPECT_EQ(quote("plain"), "'plain'");
  EXPECT_EQ(quote("a\\b'c"), "'a\\\\b\\'c'");
}

}  // namespace
}  // namespace hie::library
