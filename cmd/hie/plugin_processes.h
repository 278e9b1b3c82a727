// The process plugins of a session, ended together (in parallel) when the session ends, before the registry that
// owns them is destroyed: one slow plugin's grace period must not add up with another's.
#pragma once

#include <vector>

namespace hie::plugin::jsonrpc {
class ProcessLibrary;
}

namespace hie::cli {

class PluginProcesses {
 public:
  PluginProcesses() = default;
  PluginProcesses(const PluginProcesses&) = delete;
  PluginProcesses& operator=(const PluginProcesses&) = delete;
  PluginProcesses(PluginProcesses&& other) noexcept : libraries_(std::move(other.libraries_)) {
    other.libraries_.clear();
  }
  PluginProcesses& operator=(PluginProcesses&& other) noexcept;
  ~PluginProcesses() { shutdown_all(); }

  // `library` is owned by the registry and must outlive this object (declare it after the registry).
  void add(plugin::jsonrpc::ProcessLibrary* library) { libraries_.push_back(library); }
  // library.shutdown, close stdin, wait the grace period, kill the group, reap: for every plugin at once.
  // Idempotent.
  void shutdown_all();

 private:
  std::vector<plugin::jsonrpc::ProcessLibrary*> libraries_;
};

}  // namespace hie::cli
