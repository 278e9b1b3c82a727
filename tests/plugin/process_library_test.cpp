// Tests of the process-plugin host against well-behaved and hostile Python plugins (testdata/plugins/).
// Each test must end quickly and leave no process behind.
#include "plugin/jsonrpc/process_library.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "plugin_test_support.h"

namespace hie::plugin::jsonrpc {
namespace {

using library::CheckOutcome;
using library::LibraryError;
using library::Result;
using library::Value;
using namespace std::chrono_literals;
using namespace test_support;

class ProcessLibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!python3_available()) GTEST_SKIP() << "python3 is not installed";
    ws_.emplace(scratch_.open());
    ctx_.emplace(library::CallContext{*ws_});
  }

  Result<Value> call(ProcessLibrary& lib, const std::string& fn, std::vector<Value> args = {}) {
    return lib.call(fn, args, *ctx_);
  }
  Result<CheckOutcome> check(ProcessLibrary& lib, const std::string& fn, std::vector<Value> args = {}) {
    return lib.check(fn, args, *ctx_);
  }
  // The pid of the running plugin process (the test plugins answer "pid" or crash_second_call's first call).
  pid_t running_pid(ProcessLibrary& lib) { return lib.pid(); }

  ScratchWorkspace scratch_;
  std::optional<workspace::Workspace> ws_;
  std::optional<library::CallContext> ctx_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- a plugin that behaves ------------------------------------------------------------------------------------

TEST_F(ProcessLibraryTest, WellBehavedPluginAnswersCallsChecksAndDoc) {
  ProcessLibrarySpec spec = python_spec(test_plugin("well_behaved.py"));
  std::filesystem::path log = scratch_.root() / "methods.log";
  spec.env["HIE_TEST_LOG"] = log.string();
  spec.config = {{"threshold", "10"}, {"mode", "strict"}};
  pid_t pid = -1;
  {
    ProcessLibrary lib(spec);
    EXPECT_EQ(lib.name(), "well_behaved");
    EXPECT_EQ(lib.pid(), -1);  // started on first use only

    std::vector<Value> values = {Value(),
                                 Value::boolean(true),
                                 Value::integer(-5),
                                 Value::floating(2.5),
                                 Value::string("héllo"),
                                 Value::list({Value::integer(1), Value::string("x")})};
    for (const Value& v : values) {
      Result<Value> r = call(lib, "echo", {v});
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ(r.value(), v);
    }
    pid = lib.pid();
    EXPECT_GT(pid, 0);
    EXPECT_TRUE(process_alive(pid));

    Result<Value> init = call(lib, "initialize_params");
    ASSERT_TRUE(init.ok());
    EXPECT_EQ(init.value().as_string(),
              R"({"config": {"mode": "strict", "threshold": "10"}, "hie_version": "9.9.9-test"})");

    Result<Value> cwd = call(lib, "cwd");
    ASSERT_TRUE(cwd.ok());
    EXPECT_EQ(std::filesystem::canonical(cwd.value().as_string()), std::filesystem::canonical(scratch_.root()));

    // "./b.txt", "./a.txt" and an absolute path to a.txt: normalized, sorted, deduplicated.
    Result<Value> files = call(lib, "files");
    ASSERT_TRUE(files.ok()) << files.error().message;
    EXPECT_EQ(files.value().as_scope().paths, (std::vector<std::string>{"a.txt", "b.txt"}));
    EXPECT_EQ(files.value().as_scope().kind, "Folder");

    Result<Value> null = call(lib, "null");
    ASSERT_TRUE(null.ok());
    EXPECT_TRUE(null.value().is_null());

    Result<Value> no_result = call(lib, "no_result");
    ASSERT_FALSE(no_result.ok());
    EXPECT_EQ(no_result.error().code, "E507");

    Result<Value> unknown = call(lib, "nope");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, "E-32000");
    EXPECT_EQ(unknown.error().message, "Unknown function: nope");

    Result<CheckOutcome> pass = check(lib, "pass");
    ASSERT_TRUE(pass.ok());
    EXPECT_EQ(pass.value().status, CheckOutcome::Status::Pass);
    Result<CheckOutcome> fail = check(lib, "fail", {Value::string("too big")});
    ASSERT_TRUE(fail.ok());
    EXPECT_EQ(fail.value().status, CheckOutcome::Status::Fail);
    EXPECT_EQ(fail.value().message, "too big");
    Result<CheckOutcome> evidence = check(lib, "evidence");
    ASSERT_TRUE(evidence.ok());
    ASSERT_EQ(evidence.value().evidence.size(), 1u);
    EXPECT_EQ(evidence.value().evidence[0].file, "a.txt");
    EXPECT_EQ(evidence.value().evidence[0].line, 2u);
    Result<CheckOutcome> null_check = check(lib, "null");
    ASSERT_FALSE(null_check.ok());
    EXPECT_EQ(null_check.error().code, "E507");

    Result<library::LibraryDoc> doc = lib.describe(*ctx_);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc.value().name, "well_behaved");
    EXPECT_EQ(doc.value().version, "1.2.3");
    EXPECT_TRUE(doc.value().self_described);
    ASSERT_EQ(doc.value().functions.size(), 4u);
    EXPECT_EQ(doc.value().functions[0].kind, library::FunctionKind::Selector);
    EXPECT_EQ(doc.value().functions[2].params[0].type, "string");

    EXPECT_EQ(lib.pid(), pid);  // one process for everything, library.doc included
    EXPECT_EQ(lib.restarts(), 0);
    EXPECT_TRUE(lib.warnings().empty());
  }
  EXPECT_TRUE(process_gone(pid));  // the destructor shut it down and reaped it
  std::string methods = read_file(log);
  EXPECT_TRUE(methods.starts_with("library.initialize\nlibrary.call\n")) << methods;
  EXPECT_TRUE(methods.ends_with("library.doc\nlibrary.shutdown\n")) << methods;
}

TEST_F(ProcessLibraryTest, RequestLinesAreByteCompatibleWithTheOlderTool) {
  ProcessLibrary lib(python_spec(test_plugin("well_behaved.py")));
  // id 1 is library.initialize, so the first call is id 2.
  Result<Value> line = call(lib, "raw_request", {Value::string("plugins")});
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line.value().as_string(),
            R"({"jsonrpc":"2.0","method":"library.call","params":{"args":[{"String":"plugins"}],)"
            R"("function":"raw_request","workspace":"."},"id":2})");
  Result<CheckOutcome> check_line =
      check(lib, "raw_request",
            {Value::floating(1.5), Value::boolean(true), Value::list({Value::integer(1), Value::string("a")})});
  ASSERT_TRUE(check_line.ok());
  EXPECT_EQ(check_line.value().message,
            R"({"jsonrpc":"2.0","method":"library.check","params":{"args":[{"Float":1.5},true,)"
            R"({"List":[{"Int":1},{"String":"a"}]}],"function":"raw_request","workspace":"."},"id":3})");
  library::ScopeData scope;
  scope.kind = "Folder";
  scope.arg = "plugins";
  scope.paths = {"plugins/sample_plugin.py", "plugins/a.txt"};
  Result<Value> scope_line = call(lib, "raw_request", {Value::scope(scope), Value::integer(10)});
  ASSERT_TRUE(scope_line.ok());
  EXPECT_EQ(scope_line.value().as_string(),
            R"({"jsonrpc":"2.0","method":"library.call","params":{"args":[{"Scope":{"kind":{"Folder":"plugins"},)"
            R"("paths":["plugins/a.txt","plugins/sample_plugin.py"],"resolved":true}},{"Int":10}],)"
            R"("function":"raw_request","workspace":"."},"id":4})");
}

TEST_F(ProcessLibraryTest, ConcurrentCallersShareOneProcess) {
  ProcessLibrary lib(python_spec(test_plugin("well_behaved.py")));
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        Value v = Value::integer(t * 1000 + i);
        std::vector<Value> args = {v};
        Result<Value> r = lib.call("echo", args, *ctx_);
        if (!r.ok() || !(r.value() == v)) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(lib.restarts(), 0);
}

TEST_F(ProcessLibraryTest, ShutdownKillsHelpersInTheProcessGroup) {
  ProcessLibrary lib(python_spec(test_plugin("well_behaved.py")));
  Result<Value> helper = call(lib, "spawn_helper");
  ASSERT_TRUE(helper.ok()) << helper.error().message;
  pid_t helper_pid = static_cast<pid_t>(helper.value().as_int());
  pid_t pid = lib.pid();
  EXPECT_TRUE(process_alive(helper_pid));
  lib.shutdown();
  EXPECT_TRUE(process_gone(pid));
  // The helper was not our child: once killed it is reaped by init (or lingers as a zombie there).
  auto until = std::chrono::steady_clock::now() + 2s;
  while (process_alive(helper_pid) && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
  EXPECT_FALSE(process_alive(helper_pid));
  EXPECT_EQ(lib.pid(), -1);
  // A shut-down library starts again on demand, and that is not a restart.
  Result<Value> again = call(lib, "echo", {Value::integer(1)});
  ASSERT_TRUE(again.ok());
  EXPECT_NE(lib.pid(), pid);
  EXPECT_EQ(lib.restarts(), 0);
}

TEST_F(ProcessLibraryTest, StderrLinesAreKeptAndLogged) {
  ProcessLibrarySpec spec = python_spec(test_plugin("well_behaved.py"));
  std::vector<std::string> logged;
  std::mutex logged_mutex;
  spec.log = [&](std::string_view line) {
    std::lock_guard lock(logged_mutex);
    logged.emplace_back(line);
  };
  ProcessLibrary lib(spec);
  ASSERT_TRUE(call(lib, "stderr", {Value::integer(3)}).ok());
  EXPECT_EQ(lib.stderr_tail(2), (std::vector<std::string>{"stderr line 1", "stderr line 2"}));
  lib.shutdown();
  std::lock_guard lock(logged_mutex);
  ASSERT_FALSE(logged.empty());
  EXPECT_EQ(logged.front(), "plugin 'well_behaved' stderr: stderr line 0");
}

TEST_F(ProcessLibraryTest, RequestsLargerThanTheCapAreRefusedWithoutKillingThePlugin) {
  ProcessLibrarySpec spec = python_spec(test_plugin("well_behaved.py"));
  spec.max_message_bytes = 4096;
  ProcessLibrary lib(spec);
  ASSERT_TRUE(call(lib, "echo", {Value::integer(1)}).ok());
  pid_t pid = lib.pid();
  Result<Value> big = call(lib, "echo", {Value::string(std::string(5000, 'x'))});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, "E522");
  EXPECT_EQ(lib.pid(), pid);
  EXPECT_TRUE(call(lib, "echo", {Value::integer(2)}).ok());
}

// ---- hostile plugins ------------------------------------------------------------------------------------------

TEST_F(ProcessLibraryTest, HangingPluginTimesOutAndIsKilled) {
  ProcessLibrary lib(python_spec(test_plugin("hang.py"), 500ms));
  auto start = std::chrono::steady_clock::now();
  Result<Value> r = call(lib, "anything");
  double ms = elapsed_ms(start);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E520");
  EXPECT_TRUE(contains(r.error().message, "plugin 'hang' timed out after 500 ms during library.call 'anything'"))
      << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "stderr (last")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "hang.py: initialized")) << r.error().message;
  EXPECT_LT(ms, 500 + 3000);  // generous: the machine may be loaded; the point is "not 30 s"
  EXPECT_EQ(lib.pid(), -1);

  // Restarted for the next request, which times out again in a new process.
  Result<CheckOutcome> again = check(lib, "anything");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "E520");
  EXPECT_EQ(lib.restarts(), 1);
}

TEST_F(ProcessLibraryTest, HangingPluginIsKilledAtShutdownAfterTheGracePeriod) {
  ProcessLibrary lib(python_spec(test_plugin("hang.py"), 2000ms));  // shutdown_grace is 300 ms
  Result<Value> pong = call(lib, "ping");
  ASSERT_TRUE(pong.ok()) << pong.error().message;
  pid_t pid = lib.pid();
  auto start = std::chrono::steady_clock::now();
  lib.shutdown();  // it goes to sleep in library.shutdown and ignores the closed stdin
  double ms = elapsed_ms(start);
  EXPECT_GE(ms, 250);
  EXPECT_LT(ms, 300 + 3000);
  EXPECT_TRUE(process_gone(pid));
  std::vector<std::string> tail = lib.stderr_tail(5);
  EXPECT_NE(std::find(tail.begin(), tail.end(), "hang.py: initialized"), tail.end());

  // library.doc through a new process: hung too, so a timeout (and a restart is counted only after a failure).
  ProcessLibrary quick(python_spec(test_plugin("hang.py"), 500ms));
  Result<library::LibraryDoc> doc = quick.describe(*ctx_);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, "E520");
  EXPECT_TRUE(contains(doc.error().message, "during library.doc")) << doc.error().message;
  EXPECT_EQ(quick.restarts(), 0);
}

TEST_F(ProcessLibraryTest, CrashIsReportedWithStderrAndTheNextCallRestarts) {
  ProcessLibrary lib(python_spec(test_plugin("crash_second_call.py")));
  Result<Value> first = call(lib, "f");
  ASSERT_TRUE(first.ok()) << first.error().message;
  pid_t first_pid = static_cast<pid_t>(first.value().as_int());
  EXPECT_EQ(lib.pid(), first_pid);

  auto start = std::chrono::steady_clock::now();
  Result<Value> second = call(lib, "f");
  ASSERT_FALSE(second.ok());
  EXPECT_LT(elapsed_ms(start), 5000);
  EXPECT_EQ(second.error().code, "E521");
  EXPECT_TRUE(contains(second.error().message,
                       "plugin 'crash_second_call' exited or closed its pipes during "
                       "library.call 'f' (the process exited with status 3)"))
      << second.error().message;
  EXPECT_TRUE(contains(second.error().message, "RuntimeError: crash_second_call.py dies on call 2"))
      << second.error().message;
  EXPECT_TRUE(process_gone(first_pid));

  Result<Value> third = call(lib, "f");
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_NE(third.value().as_int(), first_pid);
  EXPECT_EQ(lib.restarts(), 1);
  pid_t third_pid = lib.pid();
  lib.shutdown();
  EXPECT_TRUE(process_gone(third_pid));
}

TEST_F(ProcessLibraryTest, AfterThreeRestartsTheLibraryIsMarkedFailed) {
  ProcessLibrary lib(python_spec(test_plugin("exit_at_start.py")));
  for (int attempt = 0; attempt < 4; ++attempt) {
    Result<Value> r = call(lib, "f");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "E521") << attempt;
    EXPECT_TRUE(contains(r.error().message, "during library.initialize (the process exited with status 2)"))
        << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "fatal: missing dependency 'frobnicate'")) << r.error().message;
  }
  EXPECT_EQ(lib.restarts(), 3);
  ASSERT_TRUE(lib.failure().has_value());
  auto start = std::chrono::steady_clock::now();
  Result<CheckOutcome> disabled = check(lib, "f");
  EXPECT_LT(elapsed_ms(start), 500);  // no new process
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.error().code, "E523");
  EXPECT_TRUE(contains(disabled.error().message, "plugin 'exit_at_start' is disabled")) << disabled.error().message;
  EXPECT_TRUE(contains(disabled.error().message, "missing dependency")) << disabled.error().message;
  EXPECT_EQ(lib.restarts(), 3);
  EXPECT_EQ(lib.describe(*ctx_).error().code, "E523");
}

TEST_F(ProcessLibraryTest, StrayStdoutLinesAreWarningsNotAnswers) {
  ProcessLibrary lib(python_spec(test_plugin("stdout_noise.py")));
  Result<Value> r = call(lib, "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Value::string("answer"));
  Result<CheckOutcome> c = check(lib, "g");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c.value().status, CheckOutcome::Status::Pass);
  std::vector<std::string> warnings = lib.warnings();
  ASSERT_EQ(warnings.size(), 12u);  // 4 per request: initialize, call, check
  EXPECT_TRUE(contains(warnings[4], "'debug: handling library.call' (not JSON)")) << warnings[4];
  EXPECT_TRUE(contains(warnings[5], "no \"id\"")) << warnings[5];
  EXPECT_TRUE(contains(warnings[6], "a request or notification")) << warnings[6];
  EXPECT_TRUE(contains(warnings[7], "not a JSON object")) << warnings[7];
  EXPECT_TRUE(contains(warnings[4], "plugin 'stdout_noise': ignored a stdout line")) << warnings[4];
}

TEST_F(ProcessLibraryTest, WarningsAreCappedAndCounted) {
  ProcessLibrarySpec spec = python_spec(test_plugin("stdout_noise.py"));
  spec.env["NOISE_REPEAT"] = "300";  // 1200 stray lines per request
  ProcessLibrary lib(spec);
  Result<Value> r = call(lib, "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<std::string> warnings = lib.warnings();
  ASSERT_EQ(warnings.size(), ProcessLibrary::kMaxWarnings + 1);
  EXPECT_EQ(warnings.back(), "plugin 'stdout_noise': 1400 more stdout line(s) that were not responses are not shown");
}

TEST_F(ProcessLibraryTest, ResponsesWithTheWrongIdAreSkipped) {
  ProcessLibrary lib(python_spec(test_plugin("wrong_id.py")));
  Result<Value> r = call(lib, "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Value::string("right"));
  Result<CheckOutcome> c = check(lib, "g");
  ASSERT_TRUE(c.ok());
  std::vector<std::string> warnings = lib.warnings();
  ASSERT_EQ(warnings.size(), 9u);
  EXPECT_TRUE(contains(warnings[3], "wrong id")) << warnings[3];
  EXPECT_TRUE(contains(warnings[3], "(id 1002, expected 2)")) << warnings[3];
  EXPECT_TRUE(contains(warnings[4], "\"id\" is not a request number")) << warnings[4];
}

TEST_F(ProcessLibraryTest, GarbageAnswersTimeOutWithTheGarbageInTheMessage) {
  // The timeout leaves a loaded machine ample time to write the garbage; the point is that it is never an answer.
  ProcessLibrary lib(python_spec(test_plugin("garbage.py"), 2000ms));
  auto start = std::chrono::steady_clock::now();
  Result<Value> r = call(lib, "f");
  EXPECT_LT(elapsed_ms(start), 2000 + 10000 + 3000);  // start-up, timeout, margin
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E520");
  EXPECT_TRUE(contains(r.error().message, "timed out after 2000 ms during library.call 'f'")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message,
                       "it wrote 3 stdout line(s) that were not the response, the first: "
                       "'garbage 1 \\x01\\x7f' (not JSON)"))
      << r.error().message;
  EXPECT_EQ(lib.warnings().size(), 3u);
  EXPECT_EQ(lib.pid(), -1);
}

TEST_F(ProcessLibraryTest, HugeLinesAreRefused) {
  ProcessLibrary lib(python_spec(test_plugin("huge_line.py")));
  auto start = std::chrono::steady_clock::now();
  Result<Value> r = call(lib, "f");
  EXPECT_LT(elapsed_ms(start), 15000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E522");
  EXPECT_TRUE(contains(r.error().message, "sent a message larger than 64 MiB (the limit) during library.call 'f'"))
      << r.error().message;
  EXPECT_EQ(lib.pid(), -1);
}

TEST_F(ProcessLibraryTest, TheMessageCapIsConfigurable) {
  ProcessLibrarySpec spec = python_spec(test_plugin("huge_line.py"));
  spec.max_message_bytes = 1 << 20;
  spec.env["HUGE_LINE_MIB"] = "2";
  ProcessLibrary lib(spec);
  Result<Value> r = call(lib, "f");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E522");
  EXPECT_TRUE(contains(r.error().message, "larger than 1 MiB")) << r.error().message;
}

TEST_F(ProcessLibraryTest, StderrFloodDoesNotBlockThePlugin) {
  ProcessLibrary lib(python_spec(test_plugin("stderr_flood.py")));
  auto start = std::chrono::steady_clock::now();
  Result<Value> r = call(lib, "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Value::string("survived"));
  EXPECT_LT(elapsed_ms(start), 15000);
  std::vector<std::string> tail = lib.stderr_tail(100);
  EXPECT_LE(tail.size(), 50u);
  ASSERT_FALSE(tail.empty());
  EXPECT_EQ(tail.back(), "flood done for library.call");
  pid_t pid = lib.pid();
  lib.shutdown();  // the plugin floods stderr again while it answers library.shutdown
  EXPECT_TRUE(process_gone(pid));
}

TEST_F(ProcessLibraryTest, SlowStartTimesOutWithAShortTimeout) {
  ProcessLibrarySpec spec = python_spec(test_plugin("slow_start.py"), 300ms);
  spec.startup_timeout.reset();  // library.initialize then has the request timeout
  ProcessLibrary lib(spec);
  auto start = std::chrono::steady_clock::now();
  Result<Value> r = call(lib, "f");
  EXPECT_LT(elapsed_ms(start), 300 + 3000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E520");
  EXPECT_TRUE(contains(r.error().message, "timed out after 300 ms during library.initialize")) << r.error().message;
}

TEST_F(ProcessLibraryTest, SlowStartWorksWithinTheStartupTimeout) {
  ProcessLibrarySpec spec = python_spec(test_plugin("slow_start.py"), 300ms);
  spec.startup_timeout = 5000ms;
  ProcessLibrary lib(spec);
  Result<Value> r = call(lib, "f");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Value::string("awake"));
}

TEST_F(ProcessLibraryTest, MissingExecutableMarksTheLibraryFailedAtOnce) {
  ProcessLibrarySpec spec = python_spec(test_plugin("well_behaved.py"));
  spec.name = "ghost";
  spec.executable = "/nonexistent/hie-plugin-that-does-not-exist";
  ProcessLibrary lib(spec);
  Result<Value> r = call(lib, "f");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "E500");
  EXPECT_TRUE(contains(r.error().message,
                       "Failed to start external library 'ghost': cannot run "
                       "'/nonexistent/hie-plugin-that-does-not-exist': No such file or directory"))
      << r.error().message;
  ASSERT_TRUE(lib.failure().has_value());
  EXPECT_EQ(check(lib, "f").error().code, "E500");
  EXPECT_EQ(lib.describe(*ctx_).error().code, "E500");
  EXPECT_EQ(lib.restarts(), 0);

  ProcessLibrarySpec bare = spec;
  bare.executable = "hie-no-such-command-on-path";
  ProcessLibrary lib2(bare);
  EXPECT_EQ(call(lib2, "f").error().code, "E500");
}

// ---- the older tool's sample plugin, unchanged ----------------------------------------------------------------

TEST_F(ProcessLibraryTest, OlderToolsSamplePluginWorksUnchanged) {
  std::filesystem::path sample = "/work/shared/conformance/reference-files/examples/plugins/sample_plugin.py";
  if (!std::filesystem::exists(sample)) GTEST_SKIP() << "the older tool's reference files are not available";
  ProcessLibrarySpec spec = python_spec(sample);
  spec.name = "sample";
  ProcessLibrary lib(spec);

  Result<Value> scope = call(lib, "simple_selector", {Value::string("plugins")});
  ASSERT_TRUE(scope.ok()) << scope.error().message;
  ASSERT_TRUE(scope.value().is_scope());
  EXPECT_EQ(scope.value().as_scope().kind, "Folder");
  EXPECT_EQ(scope.value().as_scope().arg, "plugins");
  EXPECT_EQ(scope.value().as_scope().paths, (std::vector<std::string>{"plugins/a.txt", "plugins/b.txt"}));

  Result<Value> file = call(lib, "simple_selector", {Value::string("a.txt")});
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file.value().as_scope().kind, "File");
  EXPECT_EQ(file.value().as_scope().paths, std::vector<std::string>{"a.txt"});

  EXPECT_EQ(check(lib, "always_pass").value().status, CheckOutcome::Status::Pass);
  Result<CheckOutcome> fail = check(lib, "always_fail", {Value::string("custom message")});
  ASSERT_TRUE(fail.ok());
  EXPECT_EQ(fail.value().status, CheckOutcome::Status::Fail);
  EXPECT_EQ(fail.value().message, "custom message");
  EXPECT_EQ(check(lib, "always_fail").value().message, "Always fails");

  Result<CheckOutcome> count_ok = check(lib, "file_count_check", {scope.value(), Value::integer(10)});
  ASSERT_TRUE(count_ok.ok()) << count_ok.error().message;
  EXPECT_EQ(count_ok.value().status, CheckOutcome::Status::Pass);
  Result<CheckOutcome> count_fail = check(lib, "file_count_check", {scope.value(), Value::integer(1)});
  ASSERT_TRUE(count_fail.ok());
  EXPECT_EQ(count_fail.value().status, CheckOutcome::Status::Fail);
  EXPECT_EQ(count_fail.value().message, "Too many files: 2 > 1");
  Result<CheckOutcome> not_scope = check(lib, "file_count_check", {Value::string("x")});
  ASSERT_TRUE(not_scope.ok());
  EXPECT_EQ(not_scope.value().status, CheckOutcome::Status::Error);
  EXPECT_EQ(not_scope.value().message, "First argument must be a scope");

  Result<CheckOutcome> unknown = check(lib, "nope");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "E-32000");
  EXPECT_EQ(unknown.error().message, "Unknown check: nope");

  // It predates library.doc (and library.initialize): not an error, just not self-described.
  Result<library::LibraryDoc> doc = lib.describe(*ctx_);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_FALSE(doc.value().self_described);
  EXPECT_EQ(doc.value().name, "sample");
  EXPECT_TRUE(doc.value().functions.empty());

  EXPECT_TRUE(lib.warnings().empty());
  EXPECT_EQ(lib.restarts(), 0);
  pid_t pid = lib.pid();
  lib.shutdown();
  EXPECT_TRUE(process_gone(pid));
}

}  // namespace
}  // namespace hie::plugin::jsonrpc
