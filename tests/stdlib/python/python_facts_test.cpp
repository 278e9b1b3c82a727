// Fact extraction from Python source: imports (every form, in functions, under TYPE_CHECKING), declarations with
// return annotations, docstrings, calls, and nothing from comments or strings.
#include "stdlib/python/python_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hie::stdlib::python {
namespace {

using graph::ImportFact;
using graph::SymbolFact;

// "kind module name level line [T][F]" per import.
std::vector<std::string> imports_of(std::string_view source) {
  std::vector<std::string> out;
  for (const ImportFact& f : extract_python_facts(source).imports) {
    std::string text =
        f.kind + " " + f.module + " " + f.name + " " + std::to_string(f.level) + " " + std::to_string(f.line);
    if (f.type_only) text += " T";
    if (f.in_function) text += " F";
    out.push_back(text);
  }
  return out;
}

// "kind name detail line" per symbol of the given kinds (all but calls when empty).
std::vector<std::string> symbols_of(std::string_view source, std::string_view only = "") {
  std::vector<std::string> out;
  for (const SymbolFact& s : extract_python_facts(source).symbols) {
    if (only.empty() ? s.kind == kCall : s.kind != only) continue;
    out.push_back(s.kind + " " + s.name + " " + s.detail + " " + std::to_string(s.line) + (s.documented ? " D" : ""));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(PythonFacts, ImportForms) {
  EXPECT_EQ(imports_of("import a.b\nimport a.b as c, d\nfrom x.y import c, d as e\n"),
            (V{"import a.b  0 1", "import a.b  0 2", "import d  0 2", "from x.y c 0 3", "from x.y d 0 3"}));
  EXPECT_EQ(imports_of("from . import x\nfrom ..m import (y,\n    z,)\nfrom ... import w\nfrom .... p import q\n"),
            (V{"from  x 1 1", "from m y 2 2", "from m z 2 3", "from  w 3 4", "from p q 4 5"}));
  EXPECT_EQ(imports_of("from x import *\n"), (V{"from x * 0 1"}));
  EXPECT_EQ(imports_of("import a; import b\nif x: import c\n"), (V{"import a  0 1", "import b  0 1", "import c  0 2"}));
  EXPECT_EQ(imports_of("import \\\n  a.b\n"), (V{"import a.b  0 2"}));
}

TEST(PythonFacts, ImportsInFunctionsAndTypeChecking) {
  const char* source =
      "from typing import TYPE_CHECKING\n"
      "import typing\n"
      "if TYPE_CHECKING:\n"
      "    from a import A\n"
      "    def f():\n"
      "        import b\n"
      "else:\n"
      "    import c\n"
      "if typing.TYPE_CHECKING: import d\n"
      "def g():\n"
      "    import e\n"
      "    class K:\n"
      "        import f\n"
      "import g\n"
      "if not TYPE_CHECKING:\n"
      "    import h\n";
  EXPECT_EQ(imports_of(source), (V{"from typing TYPE_CHECKING 0 1", "import typing  0 2", "from a A 0 4 T",
                                   "import b  0 6 T F", "import c  0 8", "import d  0 9 T", "import e  0 11 F",
                                   "import f  0 13 F", "import g  0 14", "import h  0 16"}));
}

TEST(PythonFacts, NothingFromCommentsAndStrings) {
  const char* source =
      "# import os\n"
      "'''\n"
      "import sys\n"
      "def fake(): pass\n"
      "'''\n"
      "x = 'from a import b'\n"
      "y = f\"{'import q'}\"\n"
      "s = \"class Fake:\"  # def fake2(): pass\n";
  EXPECT_TRUE(imports_of(source).empty());
  EXPECT_TRUE(symbols_of(source).empty());
}

TEST(PythonFacts, NotImportStatements) {
  // `import` and `from` as parts of other statements, and broken statements, record nothing.
  EXPECT_TRUE(imports_of("x = yield from g()\nraise X from e\nfrom a\nimport\nimport a.\nfrom import x\n").empty());
}

TEST(PythonFacts, DeclarationsWithReturnTypes) {
  const char* source =
      "def parse(text: str) -> 'Ast':\n"
      "    \"\"\"Doc.\"\"\"\n"
      "async def fetch(url) -> Optional[ dict[str,int] ]:\n"
      "    pass\n"
      "class Parser(Base, metaclass=M):\n"
      "    'doc'\n"
      "    def parse_expr(self, x: int = 1) -> int | None: return x\n"
      "    @property\n"
      "    def name(self) -> \"list['User']\": ...\n"
      "    class Inner: pass\n"
      "def outer():\n"
      "    def inner(): pass\n"
      "def multi(a,\n"
      "          b) -> Tuple[\n"
      "             int, str]:\n"
      "    pass\n";
  EXPECT_EQ(symbols_of(source),
            (V{"function parse Ast 1 D", "function fetch Optional[dict[str, int]] 3", "class Parser  5 D",
               "method parse_expr int | None 7", "method name list[User] 9", "class Inner  10", "function outer  11",
               "function inner  12", "function multi Tuple[int, str] 13"}));
}

TEST(PythonFacts, OneLineBodiesAndDocstrings) {
  EXPECT_EQ(symbols_of("def f(): 'doc'\ndef g(): return 1\nclass C: pass\n"),
            (V{"function f  1 D", "function g  2", "class C  3"}));
}

TEST(PythonFacts, Calls) {
  const char* source =
      "@app.route('/x')\n"
      "def handler(x=default()):\n"
      "    result = requests.get(url).json()\n"
      "    if check(x): print(f'{fmt(x)}')\n"
      "    obj = Parser()\n"
      "    super().run()\n"
      "    return not valid(x)\n"
      "class A(Base): pass\n"
      "match (command):\n"
      "    case Point(x=0): pass\n"
      "# call_in_comment()\n";
  EXPECT_EQ(symbols_of(source, std::string(kCall)),
            (V{"call app.route  1", "call default  2", "call requests.get  3", "call json  3", "call check  4",
               "call print  4", "call fmt  4", "call Parser  5", "call super  6", "call run  6", "call valid  7",
               "call Point  10"}));
}

TEST(PythonFacts, TokenizerWarningsAreFactsWarnings) {
  const auto facts = extract_python_facts("x = 'open\n");
  EXPECT_EQ(facts.language, "python");
  EXPECT_EQ(facts.warnings, (std::vector<std::string>{"line 1: unterminated string literal"}));
}

TEST(PythonFacts, AnnotationMatching) {
  EXPECT_EQ(normalize_annotation("Optional[ 'User' ]"), "Optional[User]");
  EXPECT_EQ(normalize_annotation("int|None"), "int | None");
  EXPECT_TRUE(annotation_mentions("Optional[User]", "User"));
  EXPECT_TRUE(annotation_mentions("Optional[User]", "Optional[ User ]"));
  EXPECT_TRUE(annotation_mentions("list[User]", "'User'"));
  EXPECT_FALSE(annotation_mentions("Optional[UserList]", "User"));
  EXPECT_FALSE(annotation_mentions("Users", "User"));
  EXPECT_FALSE(annotation_mentions("", "User"));
}

TEST(PythonFacts, CallMatching) {
  EXPECT_TRUE(call_involves("requests.get", "requests"));
  EXPECT_TRUE(call_involves("requests.get", "get"));
  EXPECT_TRUE(call_involves("self.parser.parse", "parser.parse"));
  EXPECT_FALSE(call_involves("parse_expr", "parse"));
  EXPECT_FALSE(call_involves("self.parser.parse", "pars"));
  EXPECT_FALSE(call_involves("get", "requests.get"));
}

}  // namespace
}  // namespace hie::stdlib::python
