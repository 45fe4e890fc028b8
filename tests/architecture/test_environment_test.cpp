// The test runner (tests/main.cpp) gives every test and every CLI process it starts a
// private store: nothing falls back to the developer's ~/.cache/eutl.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "eutl/cache/store.h"
#include "tests/test_paths.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;

bool under(const fs::path& p, const fs::path& dir) {
  auto rel = p.lexically_normal().lexically_relative(dir.lexically_normal());
  return !rel.empty() && *rel.begin() != "..";
}

TEST(TestEnvironment, DefaultStoreIsPrivateToTheRun) {
  const char* store = std::getenv("EUTL_STORE");
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  ASSERT_NE(store, nullptr);
  ASSERT_NE(xdg, nullptr);
  const fs::path tmp = fs::temp_directory_path();
  EXPECT_TRUE(under(store, tmp)) << store;
  EXPECT_TRUE(under(xdg, tmp)) << xdg;
  EXPECT_EQ(cache::default_store_dir(), fs::path(store));
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    EXPECT_FALSE(under(cache::default_store_dir(), fs::path(home) / ".cache")) << cache::default_store_dir();
  }
}

TEST(TestEnvironment, CliProcessesInheritThePrivateStore) {
  auto r = run_command(cli() + " status --json 2>&1");
  EXPECT_NE(r.out.find(std::getenv("EUTL_STORE")), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eutl::test
