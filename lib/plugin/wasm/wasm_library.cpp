// The WASM plugin Library: load-time checks, a pool of instances (one per concurrent call), the JSON value encoding
// of PLUGINS.md §2 on the way in and out, and hie.host_call routed through the registry.
#include "plugin/wasm/wasm_library.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "library/registry.h"
#include "library/value_json.h"
#include "plugin/wasm/capability_report.h"
#include "plugin/wasm/engine/compiled_module.h"
#include "plugin/wasm/engine/guest_instance.h"
#include "library/sha256.h"

namespace hie::plugin::wasm {
namespace {

using library::CheckOutcome;
using library::LibraryError;
using library::Result;
using library::Value;
using nlohmann::json;

constexpr std::uintmax_t kMaxModuleBytes = std::uintmax_t{256} << 20;
constexpr int kMaxHostCallNesting = 8;

// host_call chains (A calls B calls A …) each run on this thread's native stack: bounded here.
thread_local int host_call_nesting = 0;

std::string error_json(const LibraryError& error) {
  return json{{"error", {{"code", error.code}, {"message", error.message}}}}.dump(-1, ' ', false,
                                                                                   json::error_handler_t::replace);
}

std::string encode_outcome(const CheckOutcome& outcome) {
  json out;
  switch (outcome.status) {
    case CheckOutcome::Status::Pass: out = {{"Pass", nullptr}}; break;
    case CheckOutcome::Status::Fail: out = {{"Fail", outcome.message}}; break;
    case CheckOutcome::Status::Error: out = {{"Error", outcome.message}}; break;
  }
  if (!outcome.evidence.empty()) {
    json evidence = json::array();
    for (const auto& e : outcome.evidence) {
      json item = {{"file", e.file}, {"line", e.line}};
      if (!e.message.empty()) item["message"] = e.message;
      evidence.push_back(std::move(item));
    }
    out["evidence"] = std::move(evidence);
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

engine::HostConfig host_config(const library::LibraryEntry& entry, const WasmHostOptions& options) {
  engine::HostConfig config;
  config.library_name = entry.name;
  config.limits = {entry.limits.memory_mb, entry.limits.fuel, entry.limits.timeout_ms, entry.limits.max_call_depth,
                   entry.limits.host_calls};
  config.grants.fs_read = entry.capabilities.fs == library::LibraryCapabilities::Fs::Read;
  config.grants.workspace_only = entry.capabilities.workspace_only;
  config.grants.env_access = entry.capabilities.env_access;
  config.grants.clock = entry.capabilities.clock;
  config.grants.random = entry.capabilities.random;
  config.grants.libraries = entry.capabilities.libraries;
  config.config = entry.config;
  config.workspace_root = options.workspace_root;
  config.log = options.log;
  return config;
}

Result<std::string> read_module_file(const std::filesystem::path& path) {
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return LibraryError{engine::codes::kUnreadable, fmt::format("cannot read '{}': {}", path.string(), ec.message())};
  if (size > kMaxModuleBytes) {
    return LibraryError{engine::codes::kUnreadable,
                        fmt::format("'{}' is {} bytes; WASM plugins are limited to 256 MiB", path.string(), size)};
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    return LibraryError{engine::codes::kUnreadable,
                        fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno))};
  }
  return bytes;
}

Result<json> parse_json(const std::string& text, std::string_view export_name) {
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    std::string excerpt = text.substr(0, 80);
    for (char& c : excerpt) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    return LibraryError{engine::codes::kNotJson,
                        fmt::format("{} returned {} bytes that are not JSON: \"{}{}\"", export_name, text.size(),
                                    excerpt, text.size() > 80 ? "…" : "")};
  }
  return parsed;
}

class WasmLibrary final : public library::Library {
 public:
  WasmLibrary(std::string name, std::unique_ptr<engine::HostEnvironment> env,
              std::shared_ptr<const engine::CompiledModule> module, std::filesystem::path workspace_root)
      : name_(std::move(name)), env_(std::move(env)), module_(std::move(module)),
        workspace_root_(std::move(workspace_root)) {}

  ~WasmLibrary() override {
    // Instances hold pointers into env_: destroy them first.
    idle_.clear();
  }

  std::string_view name() const override { return name_; }

  Result<Value> call(std::string_view function, std::span<const Value> args, library::CallContext& ctx) override {
    if (!module_->exports_function("library_call")) {
      return LibraryError{engine::codes::kAbi, fmt::format("library '{}' has no selectors (it does not export "
                                                           "library_call), so '{}' is not one", name_, function)};
    }
    Result<std::string> text = run("library_call", function, args, ctx);
    if (!text) return text.error();
    Result<json> parsed = parse_json(text.value(), "library_call");
    if (!parsed) return parsed.error();
    return library::decode_value(parsed.value(), {workspace_root_});
  }

  Result<CheckOutcome> check(std::string_view function, std::span<const Value> args,
                             library::CallContext& ctx) override {
    if (!module_->exports_function("library_check")) {
      return LibraryError{engine::codes::kAbi, fmt::format("library '{}' has no checks (it does not export "
                                                           "library_check), so '{}' is not one", name_, function)};
    }
    Result<std::string> text = run("library_check", function, args, ctx);
    if (!text) return text.error();
    Result<json> parsed = parse_json(text.value(), "library_check");
    if (!parsed) return parsed.error();
    return library::decode_check_outcome(parsed.value(), {workspace_root_});
  }

  Result<library::LibraryDoc> describe(library::CallContext&) override { return doc_; }

  // Load time: the first instance answers library_describe and then joins the pool.
  std::optional<LibraryError> initialize(const library::LibraryEntry& entry, const WasmHostOptions& options) {
    Result<std::unique_ptr<engine::GuestInstance>> instance = engine::GuestInstance::create(module_, *env_);
    if (!instance) return instance.error();
    if (!module_->exports_function("library_describe")) {
      doc_.name = name_;
      doc_.self_described = false;
    } else {
      Result<std::string> text = instance.value()->call("library_describe", {}, nullptr);
      if (!text) return text.error();
      Result<json> parsed = parse_json(text.value(), "library_describe");
      if (!parsed) return parsed.error();
      Result<library::LibraryDoc> doc = library::decode_library_doc(parsed.value(), name_);
      if (!doc) return doc.error();
      doc_ = std::move(doc).value();
      doc_.name = name_;  // specs use the configured name
      std::vector<std::string> requested;
      if (auto it = parsed.value().find("capabilities"); it != parsed.value().end() && it->is_array()) {
        for (const json& c : *it) {
          if (c.is_string()) requested.push_back(c.get<std::string>());
        }
      }
      if (auto warning = missing_capabilities_warning(entry, requested)) {
        auto& sink = options.warn ? options.warn : options.log;
        if (sink) sink(*warning);
      }
    }
    release(std::move(instance).value());
    return std::nullopt;
  }

 private:
  Result<std::string> run(const char* export_name, std::string_view function, std::span<const Value> args,
                          library::CallContext& ctx) {
    std::string args_json = library::encode_args(args).dump(-1, ' ', false, json::error_handler_t::replace);
    std::unique_ptr<engine::GuestInstance> instance = acquire();
    if (!instance) {
      Result<std::unique_ptr<engine::GuestInstance>> created = engine::GuestInstance::create(module_, *env_);
      if (!created) return created.error();
      instance = std::move(created).value();
    }
    engine::HostCallFunction host_call = [this, &ctx](std::string_view library, std::string_view fn,
                                                      std::string_view args) {
      return route_host_call(ctx, library, fn, args);
    };
    Result<std::string> text = instance->call(export_name, {function, args_json, "."}, &host_call);
    if (!instance->broken()) release(std::move(instance));
    return text;
  }

  std::string route_host_call(library::CallContext& ctx, std::string_view library_name, std::string_view function,
                              std::string_view args_text) {
    if (host_call_nesting >= kMaxHostCallNesting) {
      return error_json({"E203", fmt::format("host_call nested more than {} levels deep", kMaxHostCallNesting)});
    }
    if (!ctx.registry) return error_json({"E203", "host_call is not available here (no library registry)"});
    library::Library* target = ctx.registry->find(library_name);
    if (!target) {
      if (const LibraryError* failure = ctx.registry->failure(library_name)) return error_json(*failure);
      return error_json({"E203", fmt::format("Unknown library: {}", library_name)});
    }
    json parsed = json::parse(args_text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) {
      return error_json({"E508", "host_call arguments must be a JSON array of values"});
    }
    std::vector<Value> args;
    for (const json& item : parsed) {
      Result<Value> value = library::decode_value(item, {workspace_root_});
      if (!value) return error_json(value.error());
      args.push_back(std::move(value).value());
    }
    ++host_call_nesting;
    struct Unnest {
      ~Unnest() { --host_call_nesting; }
    } unnest;
    bool is_check = false;
    if (Result<library::LibraryDoc> doc = target->describe(ctx)) {
      for (const auto& fn : doc.value().functions) {
        if (fn.name == function) is_check = fn.kind == library::FunctionKind::Check;
      }
    }
    if (is_check) {
      Result<CheckOutcome> outcome = target->check(function, args, ctx);
      return outcome ? encode_outcome(outcome.value()) : error_json(outcome.error());
    }
    Result<Value> value = target->call(function, args, ctx);
    return value ? library::encode_value(value.value()).dump(-1, ' ', false, json::error_handler_t::replace)
                 : error_json(value.error());
  }

  std::unique_ptr<engine::GuestInstance> acquire() {
    std::lock_guard lock(mutex_);
    if (idle_.empty()) return nullptr;
    std::unique_ptr<engine::GuestInstance> instance = std::move(idle_.back());
    idle_.pop_back();
    return instance;
  }

  void release(std::unique_ptr<engine::GuestInstance> instance) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(instance));
  }

  std::string name_;
  std::unique_ptr<engine::HostEnvironment> env_;
  std::shared_ptr<const engine::CompiledModule> module_;
  std::filesystem::path workspace_root_;
  library::LibraryDoc doc_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<engine::GuestInstance>> idle_;
};

}  // namespace

Result<std::unique_ptr<library::Library>> load_wasm_library(const library::LibraryEntry& entry,
                                                            const WasmHostOptions& options) {
  Result<std::string> bytes = read_module_file(entry.path);
  if (!bytes) return bytes.error();
  if (entry.sha256) {
    std::string actual = library::sha256_hex(bytes.value());
    std::string expected = *entry.sha256;
    std::transform(expected.begin(), expected.end(), expected.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (actual != expected) {
      return LibraryError{engine::codes::kDigest,
                           fmt::format("the sha256 of '{}' is {}, but hielements.toml pins {}; refusing to load a "
                                       "different file",
                                       entry.path.string(), actual, *entry.sha256)};
    }
  }
  auto env = std::make_unique<engine::HostEnvironment>();
  env->config = host_config(entry, options);
  if (env->config.grants.fs_read) {
    env->sandbox = engine::SandboxRoot::open(options.workspace_root, entry.capabilities.workspace_only);
    if (!env->sandbox) {
      return LibraryError{engine::codes::kUnreadable,
                           fmt::format("cannot open the workspace '{}' for fs = \"read\"",
                                       options.workspace_root.string())};
    }
    if (!entry.capabilities.workspace_only) {
      auto& sink = options.warn ? options.warn : options.log;
      if (sink) {
        sink("workspace_only = false: it can read the whole file system");
      }
    }
  }
  Result<std::shared_ptr<const engine::CompiledModule>> module =
      engine::CompiledModule::compile(bytes.value(), entry.path.string(), env->config.limits);
  if (!module) return module.error();
  auto library = std::make_unique<WasmLibrary>(entry.name, std::move(env), std::move(module).value(),
                                               options.workspace_root);
  if (auto error = library->initialize(entry, options)) return *error;
  return std::unique_ptr<library::Library>(std::move(library));
}

}  // namespace hie::plugin::wasm
