// hie restarts itself once with glibc's huge-page tunable (cmd/hie/huge_pages.cpp); `-v` says which pages the heap
// uses and why. That plugins get the user's environment back is tested in plugin_config_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "e2e_harness.h"

namespace hie::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

bool kernel_allows_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string policy;
  std::getline(in, policy);
  return policy.find("[always]") != std::string::npos || policy.find("[madvise]") != std::string::npos;
}

RunResult verbose_validate(std::vector<std::pair<std::string, std::string>> env) {
  RunOptions options;
  options.args = {"-v", "validate", "clean.hie"};
  options.env = std::move(env);
  return run_hie(options);
}

TEST(HugePages, HieRestartsWithTheTunableWhenTheKernelAllowsThem) {
  if (std::getenv("HIE_NO_HUGE_PAGES")) GTEST_SKIP() << "HIE_NO_HUGE_PAGES is set for the tests";
  const RunResult result = verbose_validate({{"GLIBC_TUNABLES", ""}});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  if (kernel_allows_huge_pages()) {
    EXPECT_THAT(result.err,
                HasSubstr("[verbose] heap: transparent huge pages (restarted with glibc.malloc.hugetlb=1)"));
  } else {
    EXPECT_THAT(result.err, HasSubstr("[verbose] heap: 4 KiB pages (the kernel's transparent huge pages are off)"));
  }
}

TEST(HugePages, NoRestartWhenTurnedOffOrWhenTheUserSetTheTunable) {
  RunResult off = verbose_validate({{"HIE_NO_HUGE_PAGES", "1"}, {"GLIBC_TUNABLES", ""}});
  EXPECT_EQ(off.exit_code, 0) << off.err;
  EXPECT_THAT(off.err, HasSubstr("[verbose] heap: 4 KiB pages (HIE_NO_HUGE_PAGES is set)"));
  EXPECT_THAT(off.err, Not(HasSubstr("restarted")));
  RunResult chosen = verbose_validate({{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=0"}});
  EXPECT_EQ(chosen.exit_code, 0) << chosen.err;
  EXPECT_THAT(chosen.err, HasSubstr("[verbose] heap: as GLIBC_TUNABLES sets glibc.malloc.hugetlb"));
}

}  // namespace
}  // namespace hie::e2e
