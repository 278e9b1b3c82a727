// A large check run touches a few hundred MiB of fresh heap. With 4 KiB pages that is one page fault per page:
// 130,000 faults for a cold run on a 50,000-file workspace, 40 % of its CPU on a virtual machine, where a fault is
// expensive (docs/performance.md). glibc backs its heaps with transparent huge pages (2 MiB, one fault each) when
// the kernel allows them on request ("madvise", the usual default) and glibc.malloc.hugetlb=1 is set; glibc reads
// its tunables from GLIBC_TUNABLES at startup only, so the one way to set it for ourselves is to start again.
#include "huge_pages.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace hie::cli {
namespace {

constexpr const char* kTunables = "GLIBC_TUNABLES";
constexpr const char* kTunable = "glibc.malloc.hugetlb";
// Set only in the re-executed process: "-" when GLIBC_TUNABLES was unset, else "=" and its value.
constexpr const char* kSaved = "HIE_SAVED_GLIBC_TUNABLES";

// The kernel's policy is "always" or "madvise" (hugetlb=1 asks by madvise); "never" makes the restart pointless.
bool kernel_allows_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string policy;
  std::getline(in, policy);
  return policy.find("[always]") != std::string::npos || policy.find("[madvise]") != std::string::npos;
}

void restore(const std::string& saved) {
  if (saved.empty() || saved == "-") {
    unsetenv(kTunables);
  } else {
    setenv(kTunables, saved.c_str() + 1, 1);
  }
  unsetenv(kSaved);
}

}  // namespace

std::string use_huge_pages(char** argv) {
  if (const char* saved = std::getenv(kSaved)) {
    restore(saved);  // the tunable is in force for this process already
    return "heap: transparent huge pages (restarted with glibc.malloc.hugetlb=1)";
  }
  const char* tunables = std::getenv(kTunables);
  if (tunables && std::strstr(tunables, kTunable)) return "heap: as GLIBC_TUNABLES sets glibc.malloc.hugetlb";
  if (std::getenv("HIE_NO_HUGE_PAGES")) return "heap: 4 KiB pages (HIE_NO_HUGE_PAGES is set)";
  if (!kernel_allows_huge_pages()) return "heap: 4 KiB pages (the kernel's transparent huge pages are off)";
  const std::string before = tunables ? std::string("=") + tunables : "-";
  const std::string with = (tunables && *tunables ? std::string(tunables) + ":" : std::string()) + kTunable + "=1";
  setenv(kSaved, before.c_str(), 1);
  setenv(kTunables, with.c_str(), 1);
  execv("/proc/self/exe", argv);
  const std::string why = std::strerror(errno);
  restore(before);  // no /proc, or exec refused: go on as we are
  return "heap: 4 KiB pages (cannot restart hie: " + why + ")";
}

}  // namespace hie::cli
