// The WASM sandbox through the real binary (PLUGINS.md §3 "Sandbox and limits"): every attack of
// testdata/wasm/hostile.wat becomes that check's result, modules that cannot be loaded make every use of them an
// error, runs end normally in bounded time, and the checks that behave still pass. Fixture workspaces:
// testdata/workspaces/wasm_sandbox and wasm_load_failures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <regex.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "wasm_test_support.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::vector<fs::path> sandbox_plugins() { return {wasm_fixture("good"), wasm_fixture("hostile")}; }

std::vector<fs::path> unloadable_plugins() {
  return {wasm_fixture("oversized_memory"), wasm_fixture("forbidden_import"), wasm_fixture("wrong_abi_version")};
}

// 4 KiB of bytes from a fixed linear congruential sequence: not a module, the same on every run.
std::string garbage_bytes() {
  std::string bytes(4096, '\0');
  std::uint32_t state = 20240917;
  for (char& byte : bytes) {
    state = state * 1664525u + 1013904223u;
    byte = static_cast<char>(state >> 24);
  }
  return bytes;
}

// POSIX extended regex search, ignoring case (std::regex is avoided: GCC 12 warns falsely inside it under ASan).
bool contains_icase(const std::string& text, const std::string& pattern) {
  regex_t compiled;
  if (regcomp(&compiled, pattern.c_str(), REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0) return false;
  const bool found = regexec(&compiled, text.c_str(), 0, nullptr, 0) == 0;
  regfree(&compiled);
  return found;
}

// Each spec runs once per test process, on first use, and its result is shared by the tests that look at it (ctest
// runs every test in a process of its own, so a test starts only the runs it needs).
class WasmSandbox : public ::testing::Test {
 protected:
  struct Run {
    RunResult result;
    Json doc;
    double seconds = 0;
  };

  static void TearDownTestSuite() {
    workspace_.reset();
    unloadable_.reset();
  }

  static const TempWorkspace& workspace() {
    if (!workspace_) {
      workspace_ = std::make_unique<TempWorkspace>("wasm_sandbox", sandbox_plugins());
      std::ofstream(workspace_->outside() / "outside.txt") << "outside the workspace\n";
      fs::create_symlink(workspace_->outside() / "outside.txt", workspace_->root() / "link_to_outside");
    }
    return *workspace_;
  }
  static const TempWorkspace& unloadable() {
    if (!unloadable_) {
      unloadable_ = std::make_unique<TempWorkspace>("wasm_load_failures", unloadable_plugins());
      unloadable_->write("plugins/garbage.wasm", garbage_bytes());
    }
    return *unloadable_;
  }

  static const Run& sandbox() { return once(sandbox_, workspace(), {"check", "-f", "json", "sandbox.hie"}); }
  // One worker: the checks run in order on one instance at a time, so the output is the same on every run.
  static const Run& sandbox_human() { return once(sandbox_human_, workspace(), {"check", "-j", "1", "sandbox.hie"}); }
  // Separate because it takes the default timeout, 5 s.
  static const Run& default_limits() {
    return once(default_limits_, workspace(), {"check", "-f", "json", "default_limits.hie"});
  }
  static const Run& reinstantiate() {
    return once(reinstantiate_, workspace(), {"check", "-f", "json", "-j", "1", "reinstantiate.hie"});
  }
  static const Run& load() { return once(load_, unloadable(), {"check", "-f", "json", "load.hie"}); }

  static const Run& once(std::optional<Run>& run, const TempWorkspace& workspace, std::vector<std::string> args) {
    if (run) return *run;
    run.emplace();
    auto start = std::chrono::steady_clock::now();
    run->result = workspace.run(std::move(args), 180);
    run->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run->doc = Json::parse(run->result.out, nullptr, false);
    return *run;
  }

  static const Json& result(const Run& run, const std::string& element, std::size_t index = 0) {
    static const Json missing = Json::object();
    const Json* found = find_result(run.doc, element, index);
    EXPECT_NE(found, nullptr) << "no result for " << element << "; stdout:\n" << run.result.out << "\nstderr:\n"
                              << run.result.err;
    return found ? *found : missing;
  }

  // An error result of the WASM host: its code (docs/plugins-wasm.md), the cause, and the export that was running.
  static void expect_wasm_error(const Json& r, const std::string& code, const std::string& cause,
                                const std::string& export_name) {
    ASSERT_EQ(r.value("status", ""), "error") << r.dump();
    EXPECT_THAT(r["code"].is_string() ? r["code"].get<std::string>() : "", MatchesRegex(code)) << r.dump();
    const std::string message = r["message"].is_string() ? r["message"].get<std::string>() : "";
    EXPECT_TRUE(contains_icase(message, cause)) << "cause /" << cause << "/ not in: " << message;
    if (!export_name.empty()) {
      EXPECT_THAT(message, HasSubstr(export_name));
    }
  }

  static void expect_fail(const Json& r, const std::string& message) {
    EXPECT_EQ(r.value("status", ""), "fail") << r.dump();
    EXPECT_EQ(r.value("message", ""), message) << r.dump();
  }

  // A host function handed a bad pointer either refuses (the check fails with the negative status it got) or
  // ends the call (an error result naming the function and the memory); it never does what was asked and never
  // crashes hie.
  static void expect_refused_or_stopped(const Json& r, const std::string& function, const std::string& refusal) {
    const std::string status = r.value("status", "");
    const std::string message = r["message"].is_string() ? r["message"].get<std::string>() : "";
    if (status == "fail") {
      EXPECT_THAT(message, MatchesRegex(refusal)) << r.dump();
    } else {
      expect_wasm_error(r, "E615", "outside the module's memory", "hie." + function);
    }
  }

  static std::unique_ptr<TempWorkspace> workspace_, unloadable_;
  static std::optional<Run> sandbox_, sandbox_human_, default_limits_, load_, reinstantiate_;
};

std::unique_ptr<TempWorkspace> WasmSandbox::workspace_;
std::unique_ptr<TempWorkspace> WasmSandbox::unloadable_;
std::optional<WasmSandbox::Run> WasmSandbox::sandbox_;
std::optional<WasmSandbox::Run> WasmSandbox::sandbox_human_;
std::optional<WasmSandbox::Run> WasmSandbox::default_limits_;
std::optional<WasmSandbox::Run> WasmSandbox::load_;
std::optional<WasmSandbox::Run> WasmSandbox::reinstantiate_;

TEST_F(WasmSandbox, RunsEndNormallyInBoundedTime) {
  for (const Run* run : {&sandbox(), &sandbox_human(), &default_limits(), &reinstantiate()}) {
    EXPECT_EQ(run->result.exit_code, 1) << "exit code 1 (checks failed), not a crash or a signal; stderr:\n"
                                        << run->result.err;
    if (run != &sandbox_human()) {
      EXPECT_FALSE(run->doc.is_discarded()) << run->result.out;
    }
    // The default 5 s timeout (or the fuel) stops default_limits' endless loop; the other runs take about a second.
    EXPECT_LT(run->seconds, 60.0);
  }
  EXPECT_EQ(sandbox().doc["summary"]["total"], 27);
}

// Every attack's result as a user sees it: the cause, the limit that stopped it, and the export that was running.
TEST_F(WasmSandbox, HumanOutput) { expect_golden("wasm_sandbox", sandbox_human().result); }

TEST_F(WasmSandbox, ChecksThatBehaveStillPass) {
  EXPECT_EQ(result(sandbox(), "control", 0).value("status", ""), "pass");
  EXPECT_EQ(result(sandbox(), "control", 1).value("status", ""), "pass");
  EXPECT_EQ(result(sandbox(), "control_after").value("status", ""), "pass");
}

TEST_F(WasmSandbox, Traps) {
  expect_wasm_error(result(sandbox(), "divide_by_zero"), "E610", "divide by zero", "library_check");
  expect_wasm_error(result(sandbox(), "unreachable"), "E610", "unreachable", "library_check");
}

TEST_F(WasmSandbox, EndlessLoopStoppedByTimeoutOrFuel) {
  expect_wasm_error(result(default_limits(), "infinite_loop"), "E61[12]", "fuel|time", "library_check");
  expect_wasm_error(result(sandbox(), "infinite_loop_timeout"), "E612", "time", "library_check");
}

TEST_F(WasmSandbox, LongLoopStoppedByFuel) {
  expect_wasm_error(result(sandbox(), "long_loop_fuel"), "E611", "fuel", "library_check");
}

TEST_F(WasmSandbox, RunawayRecursionStoppedByCallDepth) {
  expect_wasm_error(result(sandbox(), "deep_recursion"), "E613", "depth|stack", "library_check");
  expect_wasm_error(result(sandbox(), "deep_recursion_small"), "E613", "depth|stack", "library_check");
  expect_wasm_error(result(sandbox(), "indirect_recursion"), "E613", "depth|stack", "library_check");
}

TEST_F(WasmSandbox, MemoryGrowthStopsAtTheCap) {
  expect_fail(result(sandbox(), "grow_memory"), "memory.grow refused at 1024 pages");  // 64 MiB
  expect_fail(result(sandbox(), "grow_memory_small"), "memory.grow refused at 32 pages");  // memory_mb = 2
}

TEST_F(WasmSandbox, TableGrowthIsCapped) {
  const Json& r = result(sandbox(), "grow_table");
  EXPECT_EQ(r.value("status", ""), "fail") << r.dump();
  EXPECT_THAT(r.value("message", ""), MatchesRegex("table\\.grow refused at [0-9]+ elements")) << r.dump();
}

TEST_F(WasmSandbox, ResultOutsideMemory) {
  expect_wasm_error(result(sandbox(), "result_out_of_bounds"), "E615", "outside the module's memory", "library_check");
  expect_wasm_error(result(sandbox(), "result_too_long"), "E615", "outside the module's memory", "library_check");
}

TEST_F(WasmSandbox, ResultThatIsNotJson) {
  expect_wasm_error(result(sandbox(), "invalid_json"), "E616", "not JSON", "library_check");
}

TEST_F(WasmSandbox, ReadsInsideTheWorkspaceNeedFsRead) {
  EXPECT_EQ(result(sandbox(), "read_inside").value("status", ""), "pass") << result(sandbox(), "read_inside").dump();
  expect_fail(result(sandbox(), "read_inside_nofs"), "read_file returned -1");
}

TEST_F(WasmSandbox, ReadsLeavingTheWorkspaceAreDenied) {
  expect_fail(result(sandbox(), "read_dotdot"), "read_file returned -1");
  expect_fail(result(sandbox(), "read_absolute"), "read_file returned -1");
  expect_fail(result(sandbox(), "read_symlink"), "read_file returned -1");
}

TEST_F(WasmSandbox, BadPointersHandedToHostFunctions) {
  expect_refused_or_stopped(result(sandbox(), "bad_path_pointer"), "read_file", "read_file returned -[0-9]+");
  expect_refused_or_stopped(result(sandbox(), "bad_buffer_pointer"), "read_file", "read_file returned -[0-9]+");
  expect_refused_or_stopped(result(sandbox(), "bad_config_pointer"), "config_get", "config_get returned -[0-9]+");
  expect_refused_or_stopped(result(sandbox(), "bad_host_call_pointer"), "host_call", "host_call returned -[0-9]+");
  // log has no status: ignoring the message is the refusal.
  expect_refused_or_stopped(result(sandbox(), "bad_log_pointer"), "log", "log returned");
}

TEST_F(WasmSandbox, ProcExitEndsTheCallNotHie) {
  expect_wasm_error(result(sandbox(), "proc_exit"), "E617", "proc_exit", "library_check");
}

// A module that cannot be loaded disables that library only (PLUGINS.md §1, §4): its checks are errors, the
// others run, and the run is a normal one with failed checks (exit 1), not an invalid configuration (exit 2).
TEST_F(WasmSandbox, ModulesThatCannotBeLoadedFailOnlyTheirChecks) {
  EXPECT_EQ(load().result.exit_code, 1) << load().result.err;
  EXPECT_LT(load().seconds, 60.0);
  EXPECT_EQ(result(load(), "control").value("status", ""), "pass");
}

TEST_F(WasmSandbox, ModulesThatCannotBeLoaded) {
  expect_wasm_error(result(load(), "oversized_memory_load"), "E604", "initial memory is 128 MiB", "");
  expect_wasm_error(result(load(), "forbidden_import_load"), "E603", "env\\.system", "");
  expect_wasm_error(result(load(), "wrong_abi_version_load"), "E605", "hie_abi_version\\(\\) returned 2", "");
  expect_wasm_error(result(load(), "garbage_load"), "E602", "not a valid WebAssembly module", "");
  EXPECT_EQ(load().doc["summary"]["errors"], 4);
}

TEST_F(WasmSandbox, TrapDiscardsTheInstanceAndTheNextCallAnswers) {
  EXPECT_EQ(result(reinstantiate(), "before").value("status", ""), "pass");
  expect_wasm_error(result(reinstantiate(), "trap"), "E610", "unreachable", "library_check");
  // "this instance trapped before" would mean the trapped instance was reused.
  EXPECT_EQ(result(reinstantiate(), "after").value("status", ""), "pass") << result(reinstantiate(), "after").dump();
}

}  // namespace
}  // namespace hie::e2e
