#include "plugin_e2e_support.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace hie::e2e {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "hie-plugin-e2e-XXXXXX").string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

void write_text(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string unique_marker() {
  static int counter = 0;
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(getpid()) + "-" + std::to_string(now) + "-" + std::to_string(++counter);
}

namespace {

std::vector<int> scan(const std::string& needle) {
  std::vector<int> found;
  std::error_code ec;
  for (fs::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream status(it->path() / "status");
    std::string line;
    bool zombie = false;
    while (std::getline(status, line)) {
      if (line.rfind("State:", 0) == 0) zombie = line.find('Z') != std::string::npos;
    }
    if (zombie) continue;
    std::ifstream environ(it->path() / "environ", std::ios::binary);
    std::stringstream buffer;
    buffer << environ.rdbuf();
    const std::string env = buffer.str();
    std::size_t start = 0;
    while (start < env.size()) {
      std::size_t end_of = env.find('\0', start);
      if (end_of == std::string::npos) end_of = env.size();
      if (env.compare(start, end_of - start, needle) == 0) {
        found.push_back(std::stoi(name));
        break;
      }
      start = end_of + 1;
    }
  }
  return found;
}

}  // namespace

std::vector<int> processes_with_env(const std::string& name, const std::string& value, int grace_ms) {
  const std::string needle = name + "=" + value;
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(grace_ms);
  std::vector<int> found = scan(needle);
  while (!found.empty() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    found = scan(needle);
  }
  return found;
}

std::string sha256_of(const std::string& path) {
  std::string command = "sha256sum '" + path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  char buffer[128] = {};
  std::string out;
  if (fgets(buffer, sizeof buffer, pipe) != nullptr) out = buffer;
  pclose(pipe);
  return out.size() >= 64 ? out.substr(0, 64) : "";
}

}  // namespace hie::e2e
