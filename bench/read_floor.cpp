// `hie_read_floor DIR [JOBS]`: the floor a `hie check` run is compared with: list every file below DIR (lstat, as
// the workspace walk does; `.git/` and `.hie-cache/` are skipped, as hie skips them) and read each one completely
// once, on JOBS threads (default: all cores). Prints the file count, the bytes and the wall time. It does nothing
// with the bytes beyond a checksum (so the reads cannot be optimized away), so it is the least any tool that looks
// at every file must spend.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    fmt::print(stderr, "usage: hie_read_floor DIR [JOBS]\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  unsigned jobs = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : std::thread::hardware_concurrency();
  if (jobs == 0) jobs = 1;
  std::vector<std::string> files;
  // error_code forms: a directory that vanishes or cannot be read while listing is skipped, not fatal.
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(
           argv[1], std::filesystem::directory_options::skip_permission_denied, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    // What hie never reads: its own cache (written by the runs being compared) and git's store.
    const std::string name = it->path().filename().string();
    if (name == ".hie-cache" || name == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    struct stat info {};
    if (::lstat(it->path().c_str(), &info) == 0 && S_ISREG(info.st_mode)) files.push_back(it->path().string());
  }
  if (ec) fmt::print(stderr, "hie_read_floor: listing stopped early: {}\n", ec.message());
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> bytes{0}, checksum{0};
  auto worker = [&] {
    std::vector<char> buffer(1 << 16);
    std::uint64_t mine = 0, sum = 0;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const int fd = ::open(files[i].c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      ssize_t got;
      while ((got = ::read(fd, buffer.data(), buffer.size())) > 0) {
        mine += static_cast<std::uint64_t>(got);
        sum += static_cast<unsigned char>(buffer[static_cast<std::size_t>(got) - 1]);
      }
      ::close(fd);
    }
    bytes += mine;
    checksum += sum;
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{} files, {} bytes, {:.3f} s (checksum {})\n", files.size(), bytes.load(), seconds, checksum.load() % 1000);
  return 0;
}
