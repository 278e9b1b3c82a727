// The code catalogue: sorted, unique, well-formed, case-insensitive lookup, and documented in docs/diagnostics.md.
#include "syntax/diagnostic_codes.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hie::syntax {
namespace {

std::string read_docs() {
  // tests/syntax/this_file.cpp -> docs/diagnostics.md
  std::filesystem::path docs =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "docs" / "diagnostics.md";
  std::ifstream in(docs);
  EXPECT_TRUE(in.good()) << "cannot read " << docs;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DiagnosticCodes, SortedUniqueAndWellFormed) {
  auto codes = diagnostic_codes();
  ASSERT_FALSE(codes.empty());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto& info = codes[i];
    SCOPED_TRACE(std::string(info.code));
    ASSERT_EQ(info.code.size(), 4u);
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(info.code[0])));
    for (std::size_t j = 1; j < 4; ++j) EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(info.code[j])));
    EXPECT_FALSE(info.summary.empty());
    EXPECT_FALSE(info.explanation.empty());
    if (i > 0) {
      EXPECT_LT(codes[i - 1].code, info.code) << "codes must be sorted and unique";
    }
  }
}

TEST(DiagnosticCodes, LookupIsCaseInsensitive) {
  for (const auto& info : diagnostic_codes()) {
    EXPECT_EQ(find_diagnostic_code(info.code), &info);
    std::string lower(info.code);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(find_diagnostic_code(lower), &info) << lower;
  }
  EXPECT_EQ(find_diagnostic_code("E999"), nullptr);
  EXPECT_EQ(find_diagnostic_code(""), nullptr);
  EXPECT_EQ(find_diagnostic_code("E02"), nullptr);
  EXPECT_EQ(find_diagnostic_code("E0266"), nullptr);
}

TEST(DiagnosticCodes, EveryCodeIsDocumented) {
  std::string docs = read_docs();
  for (const auto& info : diagnostic_codes()) {
    // Each code has a table row "| `E026` | <summary> |".
    std::string row = "| `" + std::string(info.code) + "` | " + std::string(info.summary) + " |";
    EXPECT_NE(docs.find(row), std::string::npos) << "docs/diagnostics.md lacks the row: " << row;
  }
}

}  // namespace
}  // namespace hie::syntax
