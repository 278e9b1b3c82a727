// Transparent huge pages for hie's heap, which glibc only uses when told so before main: see huge_pages.cpp.
#pragma once

#include <string>

namespace hie::cli {

// Re-executes hie once (same arguments, same descriptors) with glibc's `glibc.malloc.hugetlb=1` tunable, unless the
// user set that tunable, HIE_NO_HUGE_PAGES is set, the kernel never uses huge pages, or this already is the
// re-executed process (which gets the user's environment back, so that plugins see it unchanged). Returns, when hie
// should go on in this process, which pages its heap uses and why, for `-v`.
std::string use_huge_pages(char** argv);

}  // namespace hie::cli
