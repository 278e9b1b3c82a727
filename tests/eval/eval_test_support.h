// Test support for eval: a scriptable fake library that counts calls, a fake dependency provider, and a helper
// that analyzes in-memory specs against a registry and runs them.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "eval/run.h"
#include "graph/dependency_graph.h"
#include "graph/text_arena.h"
#include "library/library.h"
#include "library/registry.h"
#include "sema/analyze.h"
#include "sema/library_catalog.h"
#include "workspace/workspace.h"

namespace hie::eval::testing {

using library::CheckOutcome;
using library::LibraryError;
using library::Result;
using library::Value;

inline RunOptions jobs(unsigned n) {
  RunOptions o;
  o.jobs = n;
  return o;
}

inline RunOptions strict() {
  RunOptions o;
  o.strict = true;
  return o;
}

inline Value scope_of(std::vector<std::string> paths, std::string arg = "") {
  library::ScopeData data;
  data.kind = "Glob";
  data.arg = std::move(arg);
  data.paths = std::move(paths);
  return Value::scope(std::move(data));
}

// Library `fs` (name configurable):
//   selectors  paths(p...)        a scope of the given paths
//              lang(l, p...)      a scope of language l
//              fail(msg)          a library error E999 with msg
//              text(s)            the string s
//              union(s...)        the union of scopes
//   checks     pass()             pass
//              fail(msg)          fail with msg
//              error(msg)         error E998 with msg
//              nonempty(scope)    pass when the scope selects something
//              has(scope, path)   pass when the scope selects path
//              count(scope, n)    pass when the scope has n paths
//              is_string(v)       pass when v is a string
//              language(s, l)     pass when scope s has language l
// Every call is counted by function name ("call:paths", "check:nonempty").
class FakeLibrary final : public library::Library {
  static const Value& arg(std::span<const Value> args, std::size_t i) {
    static const Value null;
    return i < args.size() ? args[i] : null;
  }

 public:
  explicit FakeLibrary(std::string name = "fs", bool self_described = true)
      : name_(std::move(name)), self_described_(self_described) {}

  std::string_view name() const override { return name_; }
  bool deterministic_selectors() const override { return deterministic; }

  Result<Value> call(std::string_view function, std::span<const Value> args, library::CallContext&) override {
    count("call:" + std::string(function));
    if (function == "paths") {
      std::vector<std::string> paths;
      for (const auto& a : args) {
        if (a.is_string()) paths.push_back(a.as_string());
      }
      return scope_of(paths);
    }
    if (function == "lang") {
      library::ScopeData data;
      data.kind = "Glob";
      data.language = args.empty() ? "" : args[0].as_string();
      for (std::size_t i = 1; i < args.size(); ++i) data.paths.push_back(args[i].as_string());
      return Value::scope(std::move(data));
    }
    if (function == "fail") return LibraryError{"E999", args.empty() ? "failed" : args[0].as_string()};
    if (function == "text") return args.empty() ? Value::string("") : args[0];
    if (function == "union") {
      std::vector<std::string> paths;
      for (const auto& a : args) {
        if (!a.is_scope()) return LibraryError{"E996", "union requires scopes"};
        paths.insert(paths.end(), a.as_scope().paths.begin(), a.as_scope().paths.end());
      }
      return scope_of(paths);
    }
    return LibraryError{"E997", "Unknown function: " + name_ + "." + std::string(function)};
  }

  Result<CheckOutcome> check(std::string_view function, std::span<const Value> args, library::CallContext&) override {
    count("check:" + std::string(function));
    if (function == "pass") return CheckOutcome::pass();
    if (function == "fail") return CheckOutcome::fail(args.empty() ? "failed" : args[0].as_string());
    if (function == "error") return CheckOutcome::error("E998", args.empty() ? "error" : args[0].as_string());
    if (function == "nonempty") {
      if (args.empty() || !args[0].is_scope()) return LibraryError{"E996", "nonempty requires a scope"};
      return args[0].as_scope().paths.empty() ? CheckOutcome::fail("empty") : CheckOutcome::pass();
    }
    if (function == "has") {
      const auto& paths = arg(args, 0).as_scope().paths;
      bool found = std::find(paths.begin(), paths.end(), arg(args, 1).as_string()) != paths.end();
      return found ? CheckOutcome::pass() : CheckOutcome::fail("missing " + arg(args, 1).as_string());
    }
    if (function == "count") {
      auto n = static_cast<std::int64_t>(arg(args, 0).as_scope().paths.size());
      return n == arg(args, 1).as_int() ? CheckOutcome::pass() : CheckOutcome::fail("count " + std::to_string(n));
    }
    if (function == "language") {
      const auto& scope = arg(args, 0).as_scope();
      std::string wanted = arg(args, 1).as_string();
      return scope.language == wanted ? CheckOutcome::pass()
                                      : CheckOutcome::fail("language " + scope.language.value_or("none"));
    }
    if (function == "is_string") return arg(args, 0).is_string() ? CheckOutcome::pass() : CheckOutcome::fail("not a string");
    return LibraryError{"E997", "Unknown check: " + name_ + "." + std::string(function)};
  }

  Result<library::LibraryDoc> describe(library::CallContext&) override {
    library::LibraryDoc doc;
    doc.name = name_;
    doc.self_described = self_described_;
    if (!self_described_) return doc;
    auto fn = [](std::string name, library::FunctionKind kind, std::vector<library::ParamDoc> params,
                 std::string ret = "") {
      library::FunctionDoc f;
      f.name = std::move(name);
      f.kind = kind;
      f.params = std::move(params);
      f.return_type = std::move(ret);
      return f;
    };
    auto p = [](std::string name, std::string type, bool variadic = false) {
      library::ParamDoc d;
      d.name = std::move(name);
      d.type = std::move(type);
      d.variadic = variadic;
      return d;
    };
    using K = library::FunctionKind;
    doc.functions = {
        fn("paths", K::Selector, {p("path", "string", true)}, "scope"),
        fn("lang", K::Selector, {p("language", "string"), p("path", "string", true)}, "scope"),
        fn("fail", K::Selector, {p("message", "string")}, "scope"),
        fn("text", K::Selector, {p("value", "string")}, "string"),
        fn("union", K::Selector, {p("scopes", "scope", true)}, "scope"),
        fn("pass", K::Check, {}),
        fn("fail", K::Check, {p("message", "string")}),
        fn("error", K::Check, {p("message", "string")}),
        fn("nonempty", K::Check, {p("scope", "scope")}),
        fn("has", K::Check, {p("scope", "scope"), p("path", "string")}),
        fn("count", K::Check, {p("scope", "scope"), p("n", "integer")}),
        fn("is_string", K::Check, {p("value", "any")}),
        fn("language", K::Check, {p("scope", "scope"), p("language", "string")}),
    };
    return doc;
  }

  int calls(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = counts_.find(key);
    return it == counts_.end() ? 0 : it->second;
  }
  int total_calls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    int n = 0;
    for (const auto& [k, v] : counts_) n += v;
    return n;
  }

 private:
  void count(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++counts_[key];
  }

 public:
  bool deterministic = false;  // what deterministic_selectors() answers

 private:
  std::string name_;
  bool self_described_;
  mutable std::mutex mutex_;
  std::map<std::string, int> counts_;
};

// A dependency provider over a fixed edge list; it handles the files listed in `handled`.
class FakeProvider final : public graph::DependencyProvider {
 public:
  std::string_view language() const override { return "fake"; }
  bool handles(std::string_view file) const override { return handled.count(std::string(file)) > 0; }
  std::vector<graph::DependencyEdge> edges_from(std::string_view file) const override {
    std::vector<graph::DependencyEdge> out;
    for (const auto& e : edges) {
      if (e.from == file) out.push_back(e);
    }
    return out;
  }
  // Adds `from -> to` at `line` (to empty: an external module `module`) and marks `from` as handled.
  void edge(std::string from, std::string to, std::uint32_t line = 1, std::string module = "") {
    graph::DependencyEdge e;
    e.from = texts.keep(from);
    e.line = line;
    if (!to.empty()) e.to = texts.keep(to);
    e.module = texts.keep(module.empty() ? to : module);
    e.kind = "import";
    e.language = "fake";
    edges.push_back(e);
    handled.insert(from);
  }
  std::set<std::string> handled;
  std::vector<graph::DependencyEdge> edges;
  graph::TextArena texts;  // what `edges` refer to
};

struct Harness {
  Harness() {
    auto lib = std::make_unique<FakeLibrary>("fs");
    fs = lib.get();
    registry.add(std::move(lib));
  }

  // Analyzes `files` (roots default to main.hie) against the registry. Validation errors fail the test unless
  // `allow_errors`.
  void load(const std::map<std::string, std::string>& files, const std::vector<std::string>& roots = {"main.hie"},
            bool allow_errors = false) {
    sources = files;
    library::CallContext ctx{workspace, &registry};
    sema::RegistryCatalog catalog(registry, ctx);
    sema::FileReader reader = [this](const std::string& path, std::string& error) -> std::optional<std::string> {
      auto it = sources.find(path);
      if (it == sources.end()) {
        error = "No such file or directory";
        return std::nullopt;
      }
      return it->second;
    };
    diagnostics = syntax::DiagnosticList{};
    model = sema::analyze(roots, reader, catalog, diagnostics);
    if (!allow_errors) {
      std::string text;
      for (const auto& d : diagnostics.items()) {
        if (d.severity == syntax::Severity::Error) {
          text += d.code + " " + d.file + ":" + std::to_string(d.span.start.line) + ":" +
                  std::to_string(d.span.start.column) + " " + d.message + "\n";
        }
      }
      EXPECT_TRUE(text.empty()) << text;
    }
  }
  void load(const std::string& text, bool allow_errors = false) { load({{"main.hie", text}}, {"main.hie"}, allow_errors); }

  RunResult run(RunOptions options = {}) { return eval::run(model, registry, workspace, graph, options); }

  library::LibraryRegistry registry;
  FakeLibrary* fs = nullptr;
  workspace::Workspace workspace;
  graph::DependencyGraph graph;
  std::map<std::string, std::string> sources;
  sema::Model model;
  syntax::DiagnosticList diagnostics;
};

// "PASS shop.api :: fs.pass() [element]" lines for readable expectations.
inline std::vector<std::string> lines(const RunResult& result) {
  std::vector<std::string> out;
  for (const auto& r : result.records) {
    std::string status = r.status == CheckStatus::Pass ? "PASS" : r.status == CheckStatus::Fail ? "FAIL" : "ERROR";
    out.push_back(status + " " + r.element + " :: " + r.check + " [" + r.origin + "]" +
                  (r.message ? " -> " + *r.message : ""));
  }
  return out;
}

inline std::string dump(const RunResult& result) {
  std::string out;
  for (const auto& l : lines(result)) out += l + "\n";
  return out;
}

}  // namespace hie::eval::testing
