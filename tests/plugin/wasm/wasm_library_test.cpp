// The WASM plugin host (PLUGINS.md §3): ABI v1 calls, describe, host imports, WASI subset, load-time policy and
// every hostile case the sandbox must survive. Modules are written in WAT and compiled with wat2wasm.
#include "plugin/wasm/wasm_library.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "library/registry.h"
#include "library/sha256.h"
#include "wasm_test_support.h"

namespace hie::plugin::wasm {
namespace {

using library::CheckOutcome;
using library::Library;
using library::LibraryEntry;
using library::Result;
using library::Value;
using namespace test_support;

const std::string kPass = packed(16, 13);
const std::string kCheckSig = "(param i32 i32 i32 i32 i32 i32) (result i64)";

// library_check answering {"Pass":null} after `before` runs.
std::string check_export(const std::string& before) {
  return "(func (export \"library_check\") " + kCheckSig + " " + before + " (i64.const " + kPass + "))";
}

// Probes answer a host result r: -1 "denied", -2 "notfound", -3 "toolarge", other negatives "io", else the r bytes
// written at 61000 (a JSON file or listing).
const std::string kAnswer = R"(
  (data (i32.const 200) "\"denied\"")
  (data (i32.const 210) "\"notfound\"")
  (data (i32.const 222) "\"toolarge\"")
  (data (i32.const 234) "\"io\"")
  (func $answer (param $r i64) (result i64)
    (if (i64.eq (local.get $r) (i64.const -1)) (then (return (i64.const )" + packed(200, 8) + R"())))
    (if (i64.eq (local.get $r) (i64.const -2)) (then (return (i64.const )" + packed(210, 10) + R"())))
    (if (i64.eq (local.get $r) (i64.const -3)) (then (return (i64.const )" + packed(222, 10) + R"())))
    (if (i64.lt_s (local.get $r) (i64.const 0)) (then (return (i64.const )" + packed(234, 4) + R"())))
    (i64.or (i64.const )" + packed(61000, 0) + R"() (local.get $r)))
)";

// library_call(path) -> hie.<import_name>(path, 61000, 4000), answered as above.
std::string path_probe(const std::string& import_name) {
  return abi_module(kAnswer + "(func (export \"library_call\") " + kCheckSig +
                        " (call $answer (call $probe (local.get 0) (local.get 1) (i32.const 61000) "
                        "(i32.const 4000))))",
                    "(import \"hie\" \"" + import_name +
                        "\" (func $probe (param i32 i32 i32 i32) (result i64)))");
}

// library_check passes when the WASI call in `call` returns errno `expected`, else traps.
std::string errno_probe(const std::string& imports, const std::string& call, int expected) {
  return abi_module(check_export("(if (i32.ne " + call + " (i32.const " + std::to_string(expected) +
                                 ")) (then unreachable))"),
                    imports);
}

class WasmLibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_.emplace(workspace::Workspace::open(scratch_.workspace(), {}));
    ctx_.emplace(library::CallContext{*ws_});
  }

  Result<std::unique_ptr<Library>> load_file(const std::filesystem::path& path,
                                             const std::function<void(LibraryEntry&)>& adjust = {}) {
    LibraryEntry entry;
    entry.name = "plug";
    entry.kind = library::LibraryKind::Wasm;
    entry.path = path;
    entry.limits.timeout_ms = 3000;
    if (adjust) adjust(entry);
    WasmHostOptions options;
    options.workspace_root = scratch_.workspace();
    options.log = log_.fn();
    options.warn = warn_.fn();
    return load_wasm_library(entry, options);
  }
  Result<std::unique_ptr<Library>> load(const std::string& wat, const std::function<void(LibraryEntry&)>& adjust = {}) {
    std::filesystem::path path = scratch_.compile(wat);
    if (path.empty()) return library::LibraryError{"wat2wasm", scratch_.compile_errors()};
    return load_file(path, adjust);
  }
  std::unique_ptr<Library> must_load(const std::string& wat, const std::function<void(LibraryEntry&)>& adjust = {}) {
    auto loaded = load(wat, adjust);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().code + " " + loaded.error().message);
    return loaded.ok() ? std::move(loaded).value() : nullptr;
  }
  Result<CheckOutcome> check(Library& lib, const std::string& fn = "f", std::vector<Value> args = {}) {
    return lib.check(fn, args, *ctx_);
  }
  Result<Value> call(Library& lib, const std::string& fn = "f", std::vector<Value> args = {}) {
    return lib.call(fn, args, *ctx_);
  }
  // The error of a check that must fail with `code`, its message containing `text`.
  void expect_check_error(Library& lib, const std::string& code, const std::string& text, const std::string& fn = "f") {
    auto result = check(lib, fn);
    ASSERT_FALSE(result.ok()) << "the check did not fail";
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_NE(result.error().message.find(text), std::string::npos) << result.error().message;
  }
  void expect_load_error(const Result<std::unique_ptr<Library>>& loaded, const std::string& code,
                         const std::string& text) {
    ASSERT_FALSE(loaded.ok()) << "the module loaded";
    EXPECT_EQ(loaded.error().code, code) << loaded.error().message;
    EXPECT_NE(loaded.error().message.find(text), std::string::npos) << loaded.error().message;
  }
  std::string call_string(Library& lib, const std::string& fn) {
    auto result = call(lib, fn);
    if (!result.ok()) return "error " + result.error().code + ": " + result.error().message;
    return result.value().is_string() ? result.value().as_string() : "non-string";
  }

  WasmScratch scratch_;
  std::optional<workspace::Workspace> ws_;
  std::optional<library::CallContext> ctx_;
  LogSink log_;
  LogSink warn_;
};

// ---- good modules -------------------------------------------------------------------------------------------------

TEST_F(WasmLibraryTest, CheckPassesAndCallEchoesArgumentsInTheSharedEncoding) {
  auto lib = must_load(abi_module(check_export("") + "(func (export \"library_call\") " + kCheckSig +
                                  " (i64.or (i64.shl (i64.extend_i32_u (local.get 2)) (i64.const 32)) "
                                  "(i64.extend_i32_u (local.get 3))))"));
  ASSERT_TRUE(lib);
  EXPECT_EQ(lib->name(), "plug");
  auto outcome = check(*lib);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome.value().status, CheckOutcome::Status::Pass);
  auto echoed = call(*lib, "echo", {Value::string("x"), Value::integer(3)});
  ASSERT_TRUE(echoed.ok()) << echoed.error().message;
  EXPECT_EQ(echoed.value(), Value::list({Value::string("x"), Value::integer(3)}));
}

TEST_F(WasmLibraryTest, FailWithEvidenceIsDecoded) {
  std::string json = R"({"Fail":"layer broken","evidence":[{"file":"src/a.py","line":3}]})";
  auto lib = must_load(abi_module("(data (i32.const 100) " + wat_string(json) + ")(func (export \"library_check\") " +
                                  kCheckSig + " (i64.const " + packed(100, json.size()) + "))"));
  ASSERT_TRUE(lib);
  auto outcome = check(*lib);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome.value().status, CheckOutcome::Status::Fail);
  EXPECT_EQ(outcome.value().message, "layer broken");
  ASSERT_EQ(outcome.value().evidence.size(), 1u);
  EXPECT_EQ(outcome.value().evidence[0].file, "src/a.py");
  EXPECT_EQ(outcome.value().evidence[0].line, 3u);
}

TEST_F(WasmLibraryTest, DescribeIsParsedAndUngrantedCapabilitiesAreReportedWithTheLineToAdd) {
  std::string json = R"({"name":"x","version":"1.2.0","description":"layers","functions":[{"name":"no_cycles",)"
                     R"("kind":"check","parameters":[{"name":"scope","type":"scope"}]},{"name":"pick","kind":"selector",)"
                     R"("parameters":[],"return_type":"scope"}],"capabilities":["fs.read","clock"]})";
  auto lib = must_load(abi_module("(data (i32.const 100) " + wat_string(json) +
                                  ")(func (export \"library_describe\") (result i64) (i64.const " +
                                  packed(100, json.size()) + "))" + check_export("")),
                       [](LibraryEntry& e) { e.capabilities.clock = true; });
  ASSERT_TRUE(lib);
  auto doc = lib->describe(*ctx_);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().name, "plug");
  EXPECT_EQ(doc.value().version, "1.2.0");
  ASSERT_EQ(doc.value().functions.size(), 2u);
  EXPECT_EQ(doc.value().functions[0].kind, library::FunctionKind::Check);
  EXPECT_EQ(doc.value().functions[0].params.at(0).type, "scope");
  EXPECT_EQ(doc.value().functions[1].kind, library::FunctionKind::Selector);
  EXPECT_TRUE(warn_.contains("(fs.read)")) << (warn_.lines.empty() ? "no warning" : warn_.lines[0]);
  EXPECT_TRUE(warn_.contains("[libraries.plug]: capabilities = { fs = \"read\", clock = true }"))
      << (warn_.lines.empty() ? "no warning" : warn_.lines[0]);
}

TEST_F(WasmLibraryTest, InvalidDescriptionIsALoadError) {
  std::string json = R"({"functions":[{"name":"f","kind":"banana"}]})";
  auto loaded = load(abi_module("(data (i32.const 100) " + wat_string(json) +
                                ")(func (export \"library_describe\") (result i64) (i64.const " +
                                packed(100, json.size()) + "))" + check_export("")));
  expect_load_error(loaded, "E524", "banana");
}

TEST_F(WasmLibraryTest, StartFunctionAndInitializeRunOnceAtLoad) {
  // _initialize sets the global the check reads: a check before initialisation would trap.
  auto lib = must_load(abi_module("(global $ready (mut i32) (i32.const 0))"
                                  "(func (export \"_initialize\") (global.set $ready (i32.const 1)))" +
                                  check_export("(if (i32.eqz (global.get $ready)) (then unreachable))")));
  ASSERT_TRUE(lib);
  auto outcome = check(*lib);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
}

TEST_F(WasmLibraryTest, ConfigGetReturnsConfiguredValuesAndMinusOneWhenAbsent) {
  auto lib = must_load(path_probe("config_get"), [](LibraryEntry& e) { e.config["threshold"] = "\"10\""; });
  ASSERT_TRUE(lib);
  EXPECT_EQ(call_string(*lib, "threshold"), "10");
  EXPECT_EQ(call_string(*lib, "missing"), "denied");
}

TEST_F(WasmLibraryTest, HieLogAndStdoutReachTheLog) {
  auto lib = must_load(
      abi_module("(data (i32.const 300) \"hello from wasm\")(data (i32.const 320) \"\\10\\00\\00\\00\\0d\\00\\00\\00\")" +
                     check_export("(call $log (i32.const 1) (i32.const 300) (i32.const 15))"
                                  "(drop (call $fd_write (i32.const 1) (i32.const 320) (i32.const 1) (i32.const 340)))"),
                 "(import \"hie\" \"log\" (func $log (param i32 i32 i32)))"
                 "(import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))"));
  ASSERT_TRUE(lib);
  ASSERT_TRUE(check(*lib).ok());
  EXPECT_TRUE(log_.contains("[plug] info: hello from wasm"));
  EXPECT_TRUE(log_.contains("[plug] stdout: {\"Pass\":null}"));
}

TEST_F(WasmLibraryTest, SeveralThreadsCallOneLibrary) {
  auto lib = must_load(abi_module(check_export("")));
  ASSERT_TRUE(lib);
  std::atomic<int> passed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      library::CallContext ctx{*ws_};
      for (int i = 0; i < 25; ++i) {
        auto r = lib->check("f", {}, ctx);
        if (r.ok() && r.value().status == CheckOutcome::Status::Pass) ++passed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(passed.load(), 100);
}

// ---- load-time policy ---------------------------------------------------------------------------------------------

TEST_F(WasmLibraryTest, GarbageBytesAreNotAModule) {
  scratch_.write(scratch_.outside() / "garbage.wasm", "this is not wasm at all");
  expect_load_error(load_file(scratch_.outside() / "garbage.wasm"), "E602", "not a valid WebAssembly module");
}

TEST_F(WasmLibraryTest, MissingFileIsUnreadable) {
  expect_load_error(load_file(scratch_.outside() / "absent.wasm"), "E600", "cannot read");
}

TEST_F(WasmLibraryTest, Sha256PinIsChecked) {
  EXPECT_EQ(library::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(library::sha256_hex(std::string(1000, 'a')).size(), 64u);
  std::filesystem::path path = scratch_.compile(abi_module(check_export("")));
  ASSERT_FALSE(path.empty());
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string digest = library::sha256_hex(bytes);
  EXPECT_TRUE(load_file(path, [&](LibraryEntry& e) { e.sha256 = digest; }).ok());
  expect_load_error(load_file(path, [](LibraryEntry& e) { e.sha256 = std::string(64, '0'); }), "E601",
                    "pins 0000");
}

TEST_F(WasmLibraryTest, ImportsOutsideHieAndWasiAreRefusedByName) {
  expect_load_error(load(abi_module(check_export(""), "(import \"env\" \"system\" (func (param i32)))")), "E603",
                    "env.system");
  expect_load_error(load(abi_module(check_export(""), "(import \"hie\" \"exec\" (func))")), "E603", "hie.exec");
  expect_load_error(load(abi_module(check_export(""), "(import \"hie\" \"log\" (func (param i32)))")), "E603",
                    "expected (i32, i32, i32) -> ()");
}

TEST_F(WasmLibraryTest, MemoryAndTableImportsAreRefused) {
  expect_load_error(load(abi_module(check_export(""), "",
                                    "(import \"env\" \"memory\" (memory 1))(export \"memory\" (memory 0))")),
                    "E603", "memory 'env.memory'");
  expect_load_error(load(abi_module(check_export(""), "(import \"env\" \"table\" (table 1 funcref))")), "E603",
                    "table 'env.table'");
}

TEST_F(WasmLibraryTest, UnknownWasiFunctionsAreBoundToEnosys) {
  auto lib = must_load(errno_probe("(import \"wasi_snapshot_preview1\" \"sock_accept\" "
                                   "(func $sock (param i32 i32 i32) (result i32)))",
                                   "(call $sock (i32.const 3) (i32.const 0) (i32.const 400))", 52));
  ASSERT_TRUE(lib);
  EXPECT_TRUE(check(*lib).ok());
}

TEST_F(WasmLibraryTest, OversizedInitialMemoryIsRefused) {
  expect_load_error(load(abi_module(check_export(""), "", "(memory (export \"memory\") 2000)")), "E604",
                    "memory_mb = 64");
  EXPECT_TRUE(load(abi_module(check_export(""), "", "(memory (export \"memory\") 2000)"),
                   [](LibraryEntry& e) { e.limits.memory_mb = 200; })
                  .ok());
}

TEST_F(WasmLibraryTest, OversizedInitialTableIsRefused) {
  expect_load_error(load(abi_module(check_export("") + "(table 100000 funcref)")), "E604", "100000 entries");
}

TEST_F(WasmLibraryTest, AbiVersionAndExportsAreChecked) {
  expect_load_error(load(R"((module (memory (export "memory") 1)
      (func (export "hie_abi_version") (result i32) (i32.const 2))
      (func (export "alloc") (param i32) (result i32) (i32.const 0))
      (func (export "dealloc") (param i32 i32))
      (func (export "library_check") (param i32 i32 i32 i32 i32 i32) (result i64) (i64.const 0))))"),
                    "E605", "returned 2");
  expect_load_error(load(abi_module("")), "E605", "neither `library_call` nor `library_check`");
  expect_load_error(load(abi_module("(func (export \"library_check\") (result i64) (i64.const 0))")), "E605",
                    "`library_check` has type () -> (i64)");
  expect_load_error(load(R"((module (memory 1)
      (func (export "hie_abi_version") (result i32) (i32.const 1))))"),
                    "E605", "`memory`");
}

TEST_F(WasmLibraryTest, InfiniteStartFunctionIsATimeoutAtLoadNotAHang) {
  auto start = std::chrono::steady_clock::now();
  auto loaded = load(abi_module("(func $spin (loop $l (br $l))) (start $spin)" + check_export("")),
                     [](LibraryEntry& e) { e.limits.timeout_ms = 200; });
  expect_load_error(loaded, "E606", "wasm timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// ---- hostile calls ------------------------------------------------------------------------------------------------

TEST_F(WasmLibraryTest, InfiniteLoopTimesOut) {
  auto lib = must_load(abi_module(check_export("(loop $l (br $l))")), [](LibraryEntry& e) {
    e.limits.timeout_ms = 300;
    e.limits.fuel = 1'000'000'000'000;
  });
  ASSERT_TRUE(lib);
  auto start = std::chrono::steady_clock::now();
  expect_check_error(*lib, "E612", "wasm timeout: still running after 300 ms (limits.timeout_ms) in library_check");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, std::chrono::milliseconds(300));
  EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST_F(WasmLibraryTest, FuelRunsOut) {
  auto lib = must_load(abi_module(check_export("(loop $l (br $l))")), [](LibraryEntry& e) {
    e.limits.fuel = 200'000;
    e.limits.timeout_ms = 20'000;
  });
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E611", "wasm fuel exhausted: more than 200000 instructions");
}

TEST_F(WasmLibraryTest, MemoryCannotGrowPastTheCap) {
  // Growing within the cap works, past it memory.grow answers -1 (the module traps if it does not).
  auto lib = must_load(abi_module(check_export("(if (i32.eq (memory.grow (i32.const 10)) (i32.const -1)) "
                                               "(then unreachable))"
                                               "(if (i32.ne (memory.grow (i32.const 1100)) (i32.const -1)) "
                                               "(then unreachable))")));
  ASSERT_TRUE(lib);
  auto outcome = check(*lib);
  EXPECT_TRUE(outcome.ok()) << outcome.error().message;
}

TEST_F(WasmLibraryTest, TableCannotGrowPastTheCap) {
  auto lib = must_load(abi_module("(table $t 1 funcref)" +
                                  check_export("(if (i32.ne (table.grow $t (ref.null func) (i32.const 1000000)) "
                                               "(i32.const -1)) (then unreachable))")));
  ASSERT_TRUE(lib);
  auto outcome = check(*lib);
  EXPECT_TRUE(outcome.ok()) << outcome.error().message;
}

TEST_F(WasmLibraryTest, DeepRecursionStopsAtTheDepthLimit) {
  std::string wat = abi_module("(func $r (param i32) (result i32) (call $r (i32.add (local.get 0) (i32.const 1))))" +
                               check_export("(drop (call $r (i32.const 0)))"));
  auto lib = must_load(wat);
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E613", "more than 1000 nested calls");
  // A limit above WABT's own call-stack capacity is clamped below it: never WABT's guard (a host crash in 1.0.32).
  auto deep = must_load(wat, [](LibraryEntry& e) { e.limits.max_call_depth = 1'000'000; });
  ASSERT_TRUE(deep);
  expect_check_error(*deep, "E613", "wasm call depth exceeded");
}

TEST_F(WasmLibraryTest, CallIndirectRecursionStopsAtTheDepthLimit) {
  auto lib = must_load(abi_module("(type $t (func (param i32) (result i32)))(table 1 funcref)(elem (i32.const 0) $ri)"
                                  "(func $ri (type $t) (call_indirect (type $t) (local.get 0) (i32.const 0)))" +
                                  check_export("(drop (call $ri (i32.const 0)))")),
                       [](LibraryEntry& e) { e.limits.max_call_depth = 50; });
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E613", "more than 50 nested calls");
}

TEST_F(WasmLibraryTest, FatFramesHitTheValueStackLimit) {
  std::string locals;
  for (int i = 0; i < 40'000; ++i) locals += " i64";
  auto lib = must_load(abi_module("(func $fat (param i32) (result i32) (local" + locals +
                                  ") (call $fat (local.get 0)))" + check_export("(drop (call $fat (i32.const 0)))")));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E614", "wasm value stack exhausted");
}

TEST_F(WasmLibraryTest, DivideByZeroIsATrapNamingTheExport) {
  auto lib = must_load(abi_module(check_export("(drop (i32.div_s (i32.const 1) (i32.sub (local.get 1) (local.get 1))))")));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E610", "wasm trap: integer divide by zero in library_check");
}

TEST_F(WasmLibraryTest, UnreachableIsATrap) {
  auto lib = must_load(abi_module(check_export("unreachable")));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E610", "wasm trap: unreachable executed in library_check");
}

TEST_F(WasmLibraryTest, TrapDiscardsTheInstanceAndTheNextCallWorks) {
  // "boom" traps after corrupting the state the check relies on; the next call gets a fresh instance.
  auto lib = must_load(abi_module("(global $poisoned (mut i32) (i32.const 0))" +
                                  check_export("(if (global.get $poisoned) (then unreachable))"
                                               "(if (i32.eq (local.get 1) (i32.const 4)) (then "
                                               "(global.set $poisoned (i32.const 1)) unreachable))")));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E610", "unreachable", "boom");
  auto after = check(*lib, "ok");
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(after.value().status, CheckOutcome::Status::Pass);
}

TEST_F(WasmLibraryTest, ResultOutsideMemoryIsRefused) {
  auto lib = must_load(abi_module("(func (export \"library_check\") " + kCheckSig + " (i64.const " +
                                  packed(0xffff0000u, 100) + "))"));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E615", "the result [4294901760, 4294901860) is outside the module's memory");
}

TEST_F(WasmLibraryTest, AllocReturningAPointerOutsideMemoryIsRefused) {
  auto lib = must_load(R"((module (memory (export "memory") 1)
      (func (export "hie_abi_version") (result i32) (i32.const 1))
      (func (export "alloc") (param i32) (result i32) (i32.const 65535))
      (func (export "dealloc") (param i32 i32))
      (func (export "library_check") (param i32 i32 i32 i32 i32 i32) (result i64) (i64.const 0))))");
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E615", "alloc(");
}

TEST_F(WasmLibraryTest, InvalidJsonIsAnError) {
  auto lib = must_load(abi_module("(data (i32.const 100) \"{not json\")(func (export \"library_check\") " + kCheckSig +
                                  " (i64.const " + packed(100, 9) + "))"));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E616", "library_check returned 9 bytes that are not JSON");
}

TEST_F(WasmLibraryTest, WrongShapedJsonIsAValueJsonError) {
  auto lib = must_load(abi_module("(data (i32.const 100) \"42\")(func (export \"library_check\") " + kCheckSig +
                                  " (i64.const " + packed(100, 2) + "))"));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E509", "CheckResult");
}

TEST_F(WasmLibraryTest, BadPointersToHostFunctionsEndTheCall) {
  auto lib = must_load(abi_module(check_export("(drop (call $read_file (i32.const -16) (i32.const 100) "
                                               "(i32.const 0) (i32.const 0)))"),
                                  "(import \"hie\" \"read_file\" (func $read_file (param i32 i32 i32 i32) (result i64)))"),
                       [](LibraryEntry& e) { e.capabilities.fs = library::LibraryCapabilities::Fs::Read; });
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E615", "hie.read_file: buffer [4294967280, 4294967380) is outside the module's memory");
  // WASI functions answer EFAULT (21) instead.
  auto wasi = must_load(errno_probe("(import \"wasi_snapshot_preview1\" \"args_sizes_get\" "
                                    "(func $sizes (param i32 i32) (result i32)))",
                                    "(call $sizes (i32.const -2) (i32.const 0))", 21));
  ASSERT_TRUE(wasi);
  EXPECT_TRUE(check(*wasi).ok());
}

TEST_F(WasmLibraryTest, ProcExitEndsTheCallAsAnError) {
  auto lib = must_load(abi_module(check_export("(call $exit (i32.const 3)) unreachable"),
                                  "(import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))"));
  ASSERT_TRUE(lib);
  expect_check_error(*lib, "E617", "wasm proc_exit(3) in library_check");
  auto again = check(*lib);  // a fresh instance: still exits, still an error, never a crash
  ASSERT_FALSE(again.ok());
}

// ---- file system capability -----------------------------------------------------------------------------------------

class WasmFsTest : public WasmLibraryTest {
 protected:
  void SetUp() override {
    WasmLibraryTest::SetUp();
    scratch_.write(scratch_.workspace() / "docs" / "a.json", "\"inside\"");
    scratch_.write(scratch_.outside() / "secret.json", "\"secret\"");
    std::filesystem::create_symlink(scratch_.outside() / "secret.json", scratch_.workspace() / "leak.json");
    std::filesystem::create_symlink("../../secret.json", scratch_.workspace() / "docs" / "up.json");
    std::filesystem::create_symlink("a.json", scratch_.workspace() / "docs" / "alias.json");
  }
  static void grant(LibraryEntry& e) { e.capabilities.fs = library::LibraryCapabilities::Fs::Read; }
};

TEST_F(WasmFsTest, ReadFileReadsInsideTheWorkspaceOnly) {
  auto lib = must_load(path_probe("read_file"), grant);
  ASSERT_TRUE(lib);
  EXPECT_EQ(call_string(*lib, "docs/a.json"), "inside");
  EXPECT_EQ(call_string(*lib, "./docs/../docs/a.json"), "inside");
  EXPECT_EQ(call_string(*lib, "docs/alias.json"), "inside");  // a symlink that stays inside
  EXPECT_EQ(call_string(*lib, "../secret.json"), "denied");
  EXPECT_EQ(call_string(*lib, "docs/../../secret.json"), "denied");
  EXPECT_EQ(call_string(*lib, (scratch_.outside() / "secret.json").string()), "denied");
  EXPECT_EQ(call_string(*lib, (scratch_.workspace() / "docs/a.json").string()), "denied");  // absolute: refused
  EXPECT_EQ(call_string(*lib, "leak.json"), "denied");
  EXPECT_EQ(call_string(*lib, "docs/up.json"), "denied");
  EXPECT_EQ(call_string(*lib, "docs/none.json"), "notfound");
  EXPECT_EQ(call_string(*lib, "docs"), "io");
}

TEST_F(WasmFsTest, ReadFileIsDeniedWithoutTheCapability) {
  auto lib = must_load(path_probe("read_file"));
  ASSERT_TRUE(lib);
  EXPECT_EQ(call_string(*lib, "docs/a.json"), "denied");
}

TEST_F(WasmFsTest, ListDirListsEntriesSorted) {
  auto lib = must_load(path_probe("list_dir"), grant);
  ASSERT_TRUE(lib);
  auto listing = call(*lib, "docs");
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  EXPECT_EQ(listing.value(), Value::list({Value::string("a.json"), Value::string("alias.json"),
                                          Value::string("up.json")}));
  EXPECT_EQ(call_string(*lib, ".."), "denied");
}

TEST_F(WasmFsTest, WasiPathOpenIsConfinedToTheWorkspace) {
  std::string imports =
      "(import \"wasi_snapshot_preview1\" \"path_open\" (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) "
      "(result i32)))";
  auto open_call = [](int fd, int ptr, int len, const std::string& rights = "2") {
    return "(call $open (i32.const " + std::to_string(fd) + ") (i32.const 0) (i32.const " + std::to_string(ptr) +
           ") (i32.const " + std::to_string(len) + ") (i32.const 0) (i64.const " + rights +
           ") (i64.const 0) (i32.const 0) (i32.const 400))";
  };
  std::string data = "(data (i32.const 300) \"docs/a.json\")(data (i32.const 320) \"../secret.json\")";
  auto ok = must_load(abi_module(data + check_export("(if (i32.ne " + open_call(3, 300, 11) +
                                                     " (i32.const 0)) (then unreachable))"),
                                 imports),
                      grant);
  ASSERT_TRUE(ok);
  EXPECT_TRUE(check(*ok).ok());
  auto via_workspace = must_load(abi_module(data + check_export("(if (i32.ne " + open_call(4, 300, 11) +
                                                                " (i32.const 0)) (then unreachable))"),
                                            imports),
                                 grant);
  ASSERT_TRUE(via_workspace);
  EXPECT_TRUE(check(*via_workspace).ok());
  auto escape = must_load(abi_module(data + check_export("(if (i32.ne " + open_call(3, 320, 14) +
                                                         " (i32.const 76)) (then unreachable))"),
                                     imports),
                          grant);
  ASSERT_TRUE(escape);
  EXPECT_TRUE(check(*escape).ok());
  auto write = must_load(abi_module(data + check_export("(if (i32.ne " + open_call(3, 300, 11, "64") +
                                                        " (i32.const 69)) (then unreachable))"),
                                    imports),
                         grant);
  ASSERT_TRUE(write);
  EXPECT_TRUE(check(*write).ok());
  // Without fs = "read" there are no pre-opens: fd 3 is a bad descriptor (8).
  auto none = must_load(abi_module(data + check_export("(if (i32.ne " + open_call(3, 300, 11) +
                                                       " (i32.const 8)) (then unreachable))"),
                                   imports));
  ASSERT_TRUE(none);
  EXPECT_TRUE(check(*none).ok());
}

TEST_F(WasmLibraryTest, ClockAndRandomAreNotCapableUnlessGranted) {
  std::string clock = "(import \"wasi_snapshot_preview1\" \"clock_time_get\" (func $clock (param i32 i64 i32) (result i32)))";
  std::string call = "(call $clock (i32.const 1) (i64.const 0) (i32.const 400))";
  auto denied = must_load(errno_probe(clock, call, 76));
  ASSERT_TRUE(denied);
  EXPECT_TRUE(check(*denied).ok());
  auto granted = must_load(errno_probe(clock, call, 0), [](LibraryEntry& e) { e.capabilities.clock = true; });
  ASSERT_TRUE(granted);
  EXPECT_TRUE(check(*granted).ok());
  std::string random = "(import \"wasi_snapshot_preview1\" \"random_get\" (func $random (param i32 i32) (result i32)))";
  auto no_random = must_load(errno_probe(random, "(call $random (i32.const 400) (i32.const 8))", 76));
  ASSERT_TRUE(no_random);
  EXPECT_TRUE(check(*no_random).ok());
}

// ---- host_call ----------------------------------------------------------------------------------------------------

TEST_F(WasmLibraryTest, HostCallReachesGrantedLibrariesOnly) {
  std::string echo = abi_module("(func (export \"library_call\") " + kCheckSig +
                                " (i64.or (i64.shl (i64.extend_i32_u (local.get 2)) (i64.const 32)) "
                                "(i64.extend_i32_u (local.get 3))))");
  auto other = load(echo, [](LibraryEntry& e) { e.name = "other"; });
  ASSERT_TRUE(other.ok()) << other.error().message;
  library::LibraryRegistry registry;
  registry.add(std::move(other).value());
  ctx_->registry = &registry;
  auto lib = must_load(abi_module(kAnswer + "(func (export \"library_call\") " + kCheckSig +
                                      " (call $answer (call $host (local.get 0) (local.get 1) (local.get 2) "
                                      "(local.get 3) (i32.const 61000) (i32.const 4000))))",
                                  "(import \"hie\" \"host_call\" (func $host (param i32 i32 i32 i32 i32 i32) "
                                  "(result i64)))"),
                       [](LibraryEntry& e) { e.capabilities.libraries = {"other", "plug"}; });
  ASSERT_TRUE(lib);
  auto result = call(*lib, "other.echo", {Value::string("hi")});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result.value(), Value::list({Value::string("hi")}));
  EXPECT_EQ(call_string(*lib, "plug.echo"), "denied");   // never itself, even when listed
  EXPECT_EQ(call_string(*lib, "files.glob"), "denied");  // not granted
}

}  // namespace
}  // namespace hie::plugin::wasm
