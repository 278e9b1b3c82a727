// Python import resolution, case by case (STDLIB.md, dependency graph).
#include "stdlib/python/python_resolver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hie::stdlib::python {
namespace {

using graph::ImportFact;

class PythonResolverTest : public ::testing::Test {
 protected:
  std::vector<std::string> files = {
      "app/__init__.py",  "app/core/__init__.py", "app/core/models.py",
      "app/core/util.py", "app/api.py",           "main.py",
      "ns/deep/mod.py",   "src/lib/__init__.py",  "src/lib/helpers.py",
      "extra/plug.py",    "both/__init__.py",     "both.py",
      "stubs/only.pyi",   "__init__.py",
  };
  std::vector<std::string> directories = {"app",     "app/core", "both",    "extra", "ns",
                                          "ns/deep", "src",      "src/lib", "stubs"};
  PythonResolver resolver{files, directories, python_source_roots({"extra", "missing"}, directories)};

  static std::optional<std::string> as_string(std::optional<std::string_view> path) {
    return path ? std::optional<std::string>(*path) : std::nullopt;
  }
  std::optional<std::string> imp(std::string file, std::string module) {
    ImportFact fact;
    fact.kind = "import";
    fact.module = std::move(module);
    return as_string(resolver.resolve_import(file, fact));
  }
  std::optional<std::string> from(std::string file, std::uint32_t level, std::string module, std::string name) {
    ImportFact fact;
    fact.kind = "from";
    fact.level = level;
    fact.module = std::move(module);
    fact.name = std::move(name);
    return as_string(resolver.resolve_import(file, fact));
  }
};

TEST_F(PythonResolverTest, SourceRoots) {
  EXPECT_EQ(python_source_roots({"extra", "missing", "src", ""}, directories),
            (std::vector<std::string>{"", "src", "extra"}));
  EXPECT_EQ(python_source_roots({}, {"lib"}), (std::vector<std::string>{""}));
}

TEST_F(PythonResolverTest, ImportLongestExistingPrefix) {
  EXPECT_EQ(imp("main.py", "app.core.models"), "app/core/models.py");
  EXPECT_EQ(imp("main.py", "app.core"), "app/core/__init__.py");
  EXPECT_EQ(imp("main.py", "app.core.models.Thing"), "app/core/models.py");  // not a module: its prefix
  EXPECT_EQ(imp("main.py", "app.nothing.here"), "app/__init__.py");
  EXPECT_EQ(imp("main.py", "requests"), std::nullopt);  // external
  EXPECT_EQ(imp("main.py", "os.path"), std::nullopt);
}

TEST_F(PythonResolverTest, SourceRootsSrcAndConfigured) {
  EXPECT_EQ(imp("main.py", "lib.helpers"), "src/lib/helpers.py");
  EXPECT_EQ(imp("main.py", "lib"), "src/lib/__init__.py");
  EXPECT_EQ(imp("main.py", "plug"), "extra/plug.py");
  EXPECT_EQ(imp("main.py", "ns.deep.mod"), "ns/deep/mod.py");  // namespace packages: no __init__ needed
  EXPECT_EQ(imp("main.py", "ns.deep"), std::nullopt);          // a namespace package has no file
}

TEST_F(PythonResolverTest, PackageBeforeModuleAndStubs) {
  EXPECT_EQ(imp("main.py", "both"), "both/__init__.py");
  EXPECT_EQ(imp("main.py", "stubs.only"), "stubs/only.pyi");
}

TEST_F(PythonResolverTest, FromImportSubmoduleOrPackage) {
  EXPECT_EQ(from("main.py", 0, "app.core", "models"), "app/core/models.py");   // P.n is a module
  EXPECT_EQ(from("main.py", 0, "app.core", "Model"), "app/core/__init__.py");  // a name of P
  EXPECT_EQ(from("main.py", 0, "app.core.models", "Model"), "app/core/models.py");
  EXPECT_EQ(from("main.py", 0, "app.core.gone", "x"), "app/core/__init__.py");  // longest existing prefix
  EXPECT_EQ(from("main.py", 0, "app", "*"), "app/__init__.py");
  EXPECT_EQ(from("main.py", 0, "flask", "Flask"), std::nullopt);
}

TEST_F(PythonResolverTest, RelativeImports) {
  EXPECT_EQ(from("app/core/models.py", 1, "", "util"), "app/core/util.py");
  EXPECT_EQ(from("app/core/models.py", 1, "util", "helper"), "app/core/util.py");
  EXPECT_EQ(from("app/core/models.py", 1, "", "something"), "app/core/__init__.py");
  EXPECT_EQ(from("app/core/models.py", 2, "", "api"), "app/api.py");
  EXPECT_EQ(from("app/core/models.py", 2, "api", "x"), "app/api.py");
  EXPECT_EQ(from("app/core/__init__.py", 1, "", "models"), "app/core/models.py");  // __init__: its own package
  EXPECT_EQ(from("app/core/models.py", 3, "", "main"), "main.py");
  EXPECT_EQ(from("app/core/models.py", 4, "", "x"), std::nullopt);  // beyond the top-level package
  EXPECT_EQ(from("ns/deep/mod.py", 1, "", "x"), std::nullopt);      // namespace package: no file
  EXPECT_EQ(from("src/lib/helpers.py", 1, "", "x"), "src/lib/__init__.py");
  // A missing module below the anchor falls back to the anchor package, never above it.
  EXPECT_EQ(from("app/core/models.py", 1, "gone.deeper", "x"), "app/core/__init__.py");
}

TEST_F(PythonResolverTest, EdgesOnePerNameAndNoSelfEdge) {
  graph::FileFacts facts;
  facts.imports.push_back({"app.core", "models", 3, "from", 0, false, false});
  facts.imports.push_back({"app.core", "Model", 3, "from", 0, false, false});
  facts.imports.push_back({"", "x", 4, "from", 1, true, false});  // resolves to app/core/__init__.py itself
  facts.imports.push_back({"requests", "", 5, "import", 0, false, true});
  facts.imports.push_back({"", "util", 6, "from", 1, true, false});
  const auto edges = resolver.resolve("app/core/__init__.py", facts);
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0].to, "app/core/models.py");
  EXPECT_EQ(edges[0].module, "app.core");
  EXPECT_EQ(edges[0].line, 3u);
  EXPECT_EQ(edges[1].to, std::nullopt);
  EXPECT_EQ(edges[1].module, "requests");
  EXPECT_EQ(edges[2].to, "app/core/util.py");
  EXPECT_EQ(edges[2].module, ".");
  EXPECT_TRUE(edges[2].type_only);
  EXPECT_EQ(edges[2].kind, "from");
  EXPECT_EQ(edges[2].language, "python");
}

TEST_F(PythonResolverTest, ModuleFiles) {
  std::string why;
  EXPECT_EQ(resolver.module_files("app.core", &why),
            (std::vector<std::string>{"app/core/__init__.py", "app/core/models.py", "app/core/util.py"}));
  EXPECT_EQ(resolver.module_files("app.api", &why), (std::vector<std::string>{"app/api.py"}));
  EXPECT_EQ(resolver.module_files("lib.helpers", &why), (std::vector<std::string>{"src/lib/helpers.py"}));
  EXPECT_EQ(resolver.module_files("ns", &why), (std::vector<std::string>{"ns/deep/mod.py"}));
  EXPECT_EQ(resolver.module_files("nothing", &why), (std::vector<std::string>{}));
  EXPECT_EQ(resolver.module_files("a..b", &why), std::nullopt);
  EXPECT_FALSE(why.empty());
  EXPECT_FALSE(is_module_name("1a"));
  EXPECT_TRUE(is_module_name("a_1.b"));
}

}  // namespace
}  // namespace hie::stdlib::python
