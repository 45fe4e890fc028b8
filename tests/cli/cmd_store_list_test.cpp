// eutl store list, snapshots selected by any unique part of their id, and
// `store prune --dry-run` (which must count exactly what a real prune then removes).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using test::shell_arg;

class StoreListCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures missing: build eutl_fixtures";
    m_store = fs::temp_directory_path() / ("eutl-store-list-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_store);
    const fs::path l = test::fixtures() / "lists";
    // Two snapshots: AA alone, then AA, BB and CC.
    import(shell_arg(l / "lotl.xml") + shell_arg(l / "pivot-101.xml") + shell_arg(l / "tl-AA.xml"));
    import(shell_arg(l));
    auto j = json("store list");
    ASSERT_EQ(j["snapshots"].size(), 2u) << j.dump();
    m_first = j["snapshots"][0]["id"];
    m_second = j["snapshots"][1]["id"];
  }
  void TearDown() override { fs::remove_all(m_store); }

  void import(const std::string& files) {
    auto r = run("import --at 2025-03-01T00:00:00Z --lotl-signers" + shell_arg(test::fixtures() / "pki/oj-anchors.pem") + files);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    ASSERT_THAT(r.out, HasSubstr("snapshot "));
  }
  test::CommandResult run(const std::string& args) {
    return test::run_command(test::cli() + " " + args + " --store" + shell_arg(m_store) + " 2>&1");
  }
  nlohmann::json json(const std::string& args) {
    auto r = test::run_command(test::cli() + " " + args + " --json --store" + shell_arg(m_store) + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  fs::path m_store;
  std::string m_first, m_second;
};

TEST_F(StoreListCli, ListsEverySnapshotOldestFirstWithWhatItHolds) {
  auto j = json("store list");
  EXPECT_EQ(j["schema"], "eutl-store-list/1");
  EXPECT_EQ(j["current"], m_second);
  EXPECT_EQ(j["snapshots"][0]["lists"], 1);
  EXPECT_EQ(j["snapshots"][0]["lists_valid"], 1);
  EXPECT_EQ(j["snapshots"][0]["current"], false);
  EXPECT_EQ(j["snapshots"][1]["lists"], 3);
  EXPECT_EQ(j["snapshots"][1]["lotl_sequence"], 102);
  EXPECT_EQ(j["snapshots"][1]["origin"], "import");
  EXPECT_EQ(j["snapshots"][1]["current"], true);
  auto text = run("store list");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("* " + m_second));
  EXPECT_THAT(text.out, HasSubstr("  " + m_first));
  EXPECT_THAT(text.out, ::testing::ContainsRegex("import +102 +3/3"));
  EXPECT_THAT(text.out, HasSubstr("2 snapshot(s) in " + m_store.string() + "; * current"));
}

TEST_F(StoreListCli, AnyUniquePartOfAnIdSelectsASnapshot) {
  // The last 8 hex digits of each id (a content digest) tell them apart.
  auto r = run("diff " + m_first.substr(m_first.size() - 8) + " " + m_second.substr(m_second.size() - 8));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr(m_first));
  EXPECT_THAT(r.out, HasSubstr(m_second));
  auto both = run("diff T current");  // every id holds the T of its timestamp
  EXPECT_EQ(both.exit_code, 2) << both.out;
  EXPECT_THAT(both.out, HasSubstr("snapshot T: matches 2 snapshots (" + m_first + ", " + m_second +
                                  "); give more of the id ('eutl store list')"));
}

TEST_F(StoreListCli, PruneDryRunCountsWhatPruneThenRemoves) {
  auto dry = run("store prune --keep 1 --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.out;
  EXPECT_THAT(dry.out, HasSubstr("would remove 1 snapshot(s), "));
  EXPECT_EQ(json("store list")["snapshots"].size(), 2u);  // nothing removed
  auto real = run("store prune --keep 1");
  EXPECT_EQ(real.exit_code, 0) << real.out;
  EXPECT_THAT(real.out, HasSubstr("removed 1 snapshot(s), "));
  EXPECT_EQ("would remove" + real.out.substr(std::string("removed").size()), dry.out);  // the same counts
  auto after = json("store list");
  ASSERT_EQ(after["snapshots"].size(), 1u);
  EXPECT_EQ(after["snapshots"][0]["id"], m_second);
}

TEST(StoreListCliNoStore, NoStoreIsNamed) {
  const fs::path none = fs::temp_directory_path() / ("eutl-no-store-" + std::to_string(::getpid()));
  auto r = test::run_command(test::cli() + " store list --store" + shell_arg(none) + " 2>&1");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_THAT(r.out, HasSubstr("eutl: no store at " + none.string() + ": run 'eutl fetch' or 'eutl import' first"));
}

}  // namespace
}  // namespace eutl::cli
