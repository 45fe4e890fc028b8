// Stores the CLI tests import: the generated fixture lists (valid 2025-01-01 ..
// 2025-07-01, imported at 2025-03-01) and the real 2026 EU set (LOTL 390, its pivots
// and tl/2026, imported at 2026-08-21T12:00:00Z with the bundled anchors).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_paths.h"

namespace eutl::test {

inline const char* const kReal2026At = "2026-08-21T12:00:00Z";

// A generated fixture certificate (fixtures/certs/NAME.pem) as a shell word.
inline std::string fixture_cert(const char* name) { return shell_quote(fixtures() / "certs" / (std::string(name) + ".pem")); }

// `eutl check` arguments that read the fixture lists directly, at 2025-03-01.
inline std::string fixture_check_args() {
  return " --lists " + shell_quote(fixtures() / "lists") + " --lotl-signers " + shell_quote(fixtures() / "pki/oj-anchors.pem") +
         " --at 2025-03-01";
}

// A fresh directory under the temporary directory, named for `what` and this process.
inline std::filesystem::path fresh_store_dir(const std::string& what) {
  auto dir = std::filesystem::temp_directory_path() / ("eutl-" + what + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

inline CommandResult import_fixture_lists(const std::filesystem::path& store) {
  return run_command(cli() + " import --store " + shell_quote(store) + " --lotl-signers " +
                     shell_quote(fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z " +
                     shell_quote(fixtures() / "lists") + " 2>&1");
}

// The real 2023 set: LOTL 332 with pivots 282 and 300, the 2019 Official Journal
// anchors, at 2023-10-28 (realdata MANIFEST.md). Exit 1: FR seq 112 is expired then.
inline CommandResult import_real_2023_store(const std::filesystem::path& store) {
  const std::filesystem::path r = realdata();
  return run_command(cli() + " import --store " + shell_quote(store) + " --at 2023-10-28T00:00:00Z --lotl-signers " +
                     shell_quote(r / "oj/oj-C276-2019-lotl-signers.pem") + " " +
                     shell_quote(r / "lotl/eu-lotl-seq332-2023-09-27.xml") + " " +
                     shell_quote(r / "lotl/pivots/eu-lotl-pivot-282.xml") + " " +
                     shell_quote(r / "lotl/pivots/eu-lotl-pivot-300.xml") + " " + shell_quote(r / "tl/2023") + " 2>&1");
}

inline CommandResult import_real_2026_store(const std::filesystem::path& store) {
  const std::filesystem::path r = realdata();
  return run_command(cli() + " import --store " + shell_quote(store) + " --at " + kReal2026At + " " +
                     shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml") + " " + shell_quote(r / "lotl/pivots") + " " +
                     shell_quote(r / "tl/2026") + " 2>&1");
}

// A store of the fixture lists for each test, removed after it.
class FixtureStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(fixtures() / "lists/tl-AA.xml")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    m_store = fresh_store_dir("fixture-store");
    auto r = import_fixture_lists(m_store);
    ASSERT_TRUE(std::filesystem::exists(m_store / "current")) << r.out;
  }
  void TearDown() override { std::filesystem::remove_all(m_store); }
  std::string store() const { return " --store " + shell_quote(m_store); }
  std::filesystem::path m_store;
};

// The real 2026 set imported once per suite; `list_json` runs `eutl list --json -q`
// on it at kReal2026At.
class Real2026StoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_store = fresh_store_dir("real-2026");
    import_real_2026_store(s_store);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(s_store); }
  void SetUp() override {
    EUTL_REQUIRE_REALDATA();
    ASSERT_TRUE(std::filesystem::exists(s_store / "current")) << "import of the real 2026 set failed";
  }
  static nlohmann::json list_json(const std::string& args) {
    auto r = run_command(cli() + " list --json -q --store " + shell_quote(s_store) + " --at " + kReal2026At + " " + args +
                         " 2>/dev/null");
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  inline static std::filesystem::path s_store;
};

}  // namespace eutl::test
