#include "plugin_processes.h"

#include <thread>

#include "plugin/jsonrpc/process_library.h"

namespace hie::cli {

PluginProcesses& PluginProcesses::operator=(PluginProcesses&& other) noexcept {
  if (this != &other) {
    shutdown_all();
    libraries_ = std::move(other.libraries_);
    other.libraries_.clear();
  }
  return *this;
}

void PluginProcesses::shutdown_all() {
  std::vector<plugin::jsonrpc::ProcessLibrary*> libraries;
  libraries.swap(libraries_);
  if (libraries.size() == 1) {
    libraries.front()->shutdown();
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(libraries.size());
  for (auto* library : libraries) {
    try {
      threads.emplace_back([library] { library->shutdown(); });
    } catch (...) {
      library->shutdown();  // no thread available: end it here; the others still run in parallel
    }
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace hie::cli
