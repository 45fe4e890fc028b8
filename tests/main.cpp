// Test runner: one LibraryGuard for the whole process (style C14), and a private store.
//
// Every test, and every `eutl` process a CLI test starts, inherits EUTL_STORE and
// XDG_CACHE_HOME pointing into a fresh temporary directory, so no test can read or
// write the developer's real store (~/.cache/eutl) by falling back to the default.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "eutl/library.h"

namespace {

// The temporary home of the run; removed when the run ends.
class PrivateStore final {
 public:
  PrivateStore() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "eutl-tests-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::perror("eutl_tests: cannot create a temporary directory");
      std::exit(4);
    }
    m_dir = pattern;
    ::setenv("EUTL_STORE", (m_dir / "store").c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (m_dir / "xdg-cache").c_str(), 1);
  }
  ~PrivateStore() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  PrivateStore(const PrivateStore&) = delete;
  PrivateStore& operator=(const PrivateStore&) = delete;

 private:
  std::filesystem::path m_dir;
};

// A death test's child in the "threadsafe" style is this program run again with this
// flag, and it dies by design: it keeps the private store its parent set in the
// environment instead of making one it would never remove.
bool is_death_test_child(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]).starts_with("--gtest_internal_run_death_test")) {
      return std::getenv("EUTL_STORE") != nullptr;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  eutl::LibraryGuard guard;
  const bool death_test_child = is_death_test_child(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  std::optional<PrivateStore> store;
  if (!death_test_child) {
    store.emplace();
  }
  return RUN_ALL_TESTS();
}
