// The fixture base of tests on the real 2026 EU set served on loopback under the URLs
// LOTL 390 names (tests/support/real_lists_web.h): skipped without ../shared/realdata
// or its 2026 set; scratch paths named for the test, removed after it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/real_lists_web.h"
#include "tests/test_paths.h"

namespace eutl::test {

class Real2026WebTest : public ::testing::Test {
 protected:
  // A derived SetUp calls this first and returns when IsSkipped().
  void SetUp() override {
    EUTL_REQUIRE_REALDATA();
    if (!std::filesystem::exists(realdata() / "MANIFEST-2026.md")) {
      GTEST_SKIP() << "no 2026 set in ../shared/realdata";
    }
    m_web = std::make_unique<RealListsWeb>(realdata(), kLotl390);
  }
  void TearDown() override {
    for (const auto& p : m_scratch) {
      std::filesystem::remove_all(p);
    }
  }

  // "<temp>/<prefix>-<pid>-<test name>", absent; removed after the test.
  std::filesystem::path scratch(std::string_view prefix) {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    auto p = std::filesystem::temp_directory_path() /
             (std::string(prefix) + "-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(p);
    m_scratch.push_back(p);
    return p;
  }

  std::unique_ptr<RealListsWeb> m_web;

 private:
  std::vector<std::filesystem::path> m_scratch;
};

}  // namespace eutl::test
