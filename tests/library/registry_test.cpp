#include "library/registry.h"

#include <gtest/gtest.h>

namespace hie::library {
namespace {

class NamedLibrary final : public Library {
 public:
  NamedLibrary(std::string name, int tag) : name_(std::move(name)), tag_(tag) {}
  std::string_view name() const override { return name_; }
  Result<Value> call(std::string_view, std::span<const Value>, CallContext&) override { return Value::integer(tag_); }
  Result<CheckOutcome> check(std::string_view, std::span<const Value>, CallContext&) override {
    return CheckOutcome::pass();
  }
  Result<LibraryDoc> describe(CallContext&) override { return LibraryDoc{name_, "", "0.1.0", {}, true}; }
  int tag() const { return tag_; }

 private:
  std::string name_;
  int tag_;
};

int tag_of(const LibraryRegistry& registry, std::string_view name) {
  return static_cast<NamedLibrary*>(registry.find(name))->tag();
}

TEST(LibraryRegistry, FindsLibrariesByName) {
  LibraryRegistry registry;
  registry.add(std::make_unique<NamedLibrary>("files", 1));
  registry.add(std::make_unique<NamedLibrary>("python", 2));
  EXPECT_EQ(tag_of(registry, "files"), 1);
  EXPECT_EQ(tag_of(registry, "python"), 2);
  EXPECT_EQ(registry.find("rust"), nullptr);
  EXPECT_TRUE(registry.contains("files"));
  EXPECT_FALSE(registry.contains("rust"));
  EXPECT_EQ(registry.failure("files"), nullptr);
}

TEST(LibraryRegistry, AddingAgainReplaces) {
  LibraryRegistry registry;
  registry.add(std::make_unique<NamedLibrary>("files", 1));
  registry.add(std::make_unique<NamedLibrary>("files", 2));
  EXPECT_EQ(tag_of(registry, "files"), 2);
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"files"}));
}

TEST(LibraryRegistry, FailedLibrariesAreKnownButNotFound) {
  LibraryRegistry registry;
  registry.add_failed("broken", {"E512", "cannot infer the library type"});
  EXPECT_TRUE(registry.contains("broken"));
  EXPECT_EQ(registry.find("broken"), nullptr);
  ASSERT_NE(registry.failure("broken"), nullptr);
  EXPECT_EQ(registry.failure("broken")->code, "E512");
  // A later successful load of the same name replaces the failure, and the other way round.
  registry.add(std::make_unique<NamedLibrary>("broken", 3));
  EXPECT_EQ(registry.failure("broken"), nullptr);
  EXPECT_EQ(tag_of(registry, "broken"), 3);
  registry.add_failed("broken", {"E500", "gone"});
  EXPECT_EQ(registry.find("broken"), nullptr);
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"broken"}));
}

TEST(LibraryRegistry, NamesAreSortedAcrossLoadedAndFailed) {
  LibraryRegistry registry;
  registry.add(std::make_unique<NamedLibrary>("rust", 1));
  registry.add_failed("docker", {"E500", "x"});
  registry.add(std::make_unique<NamedLibrary>("files", 2));
  registry.add_failed("zeta", {"E500", "x"});
  registry.add(std::make_unique<NamedLibrary>("arch", 3));
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"arch", "docker", "files", "rust", "zeta"}));
}

}  // namespace
}  // namespace hie::library
