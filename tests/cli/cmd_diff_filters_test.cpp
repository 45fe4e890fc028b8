// eutl diff --territory and --changes on two imported real sets (2023 and 2026):
// each filter keeps exactly its part of the unfiltered difference, and a value that
// names nothing is a usage error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_stores.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using nlohmann::json;

using test::shell_arg;

class DiffFilters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_store = fs::temp_directory_path() / ("eutl-diff-filters-" + std::to_string(::getpid()));
    fs::remove_all(s_store);
    test::import_real_2023_store(s_store);
    test::import_real_2026_store(s_store);
  }
  static void TearDownTestSuite() { fs::remove_all(s_store); }
  void SetUp() override {
    EUTL_REQUIRE_REALDATA();
    auto ids = test::run_command(test::cli() + " store list --json --store" + shell_arg(s_store));
    const json j = json::parse(ids.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << ids.out;
    ASSERT_EQ(j["snapshots"].size(), 2u) << ids.out;
    m_from = j["snapshots"][0]["id"];
  }

  test::CommandResult diff(const std::string& args) {
    return test::run_command(test::cli() + " diff " + m_from + " current --store" + shell_arg(s_store) + " " + args + " 2>&1");
  }
  json diff_json(const std::string& args) {
    auto r = test::run_command(test::cli() + " diff " + m_from + " current --json --store" + shell_arg(s_store) + " " + args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out, nullptr, false);
  }

  static fs::path s_store;
  std::string m_from;
};
fs::path DiffFilters::s_store;

TEST_F(DiffFilters, TerritoryKeepsOnlyThoseTerritories) {
  const json all = diff_json("");
  const json some = diff_json("--territory BE,fr");
  std::size_t be_fr = 0;
  for (const auto& s : all["services"]) {
    be_fr += s["territory"] == "BE" || s["territory"] == "FR" ? 1 : 0;
  }
  EXPECT_GT(be_fr, 0u);
  EXPECT_EQ(some["services"].size(), be_fr);
  ASSERT_EQ(some["lists"].size(), 2u) << some["lists"].dump();
  for (const auto& l : some["lists"]) {
    EXPECT_TRUE(l["territory"] == "BE" || l["territory"] == "FR") << l.dump();
  }
}

TEST_F(DiffFilters, ChangesSelectsListsServicesOrStatus) {
  const json all = diff_json("");
  const json lists = diff_json("--changes lists");
  EXPECT_EQ(lists["lists"], all["lists"]);
  EXPECT_TRUE(lists["services"].empty());
  const json services = diff_json("--changes services");
  EXPECT_TRUE(services["lists"].empty());
  EXPECT_EQ(services["services"], all["services"]);
  const json status = diff_json("--changes status --territory BE");
  ASSERT_FALSE(status["services"].empty());
  for (const auto& s : status["services"]) {
    EXPECT_EQ(s["change"], "changed") << s.dump();
    EXPECT_EQ(s["territory"], "BE") << s.dump();
  }
  auto text = diff("--changes status --territory BE");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("Lists (0 changed)"));
  EXPECT_THAT(text.out, HasSubstr("Services (" + std::to_string(status["services"].size()) + " changed)"));
}

TEST_F(DiffFilters, ValuesThatNameNothingAreUsageErrors) {
  auto territory = diff("--territory XX");
  EXPECT_EQ(territory.exit_code, 2) << territory.out;
  EXPECT_THAT(territory.out, HasSubstr("eutl: --territory: 'XX' has no list in either snapshot; valid values: AT, BE"));
  auto changes = diff("--changes everything");
  EXPECT_EQ(changes.exit_code, 2) << changes.out;
  EXPECT_THAT(changes.out, HasSubstr("--changes: everything not in {all,lists,services,status}"));
}

}  // namespace
}  // namespace eutl::cli
