#include "server/snapshot_holder.h"

#include <gtest/gtest.h>

#include "eutl/cache/store.h"
#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/instant.h"

namespace eutl::server {
namespace {

using test::at;

TEST(SnapshotHolder, AnEmptyStoreServesNothingAndSaysSo) {
  const auto dir = test::fresh_store_dir("holder-empty");
  SnapshotHolder holder(dir);
  auto loaded = holder.load_current(at(test::kFixtureAt));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, LoadOutcome::kNoSnapshot);
  const SnapshotView view = holder.view(at(test::kFixtureAt));
  EXPECT_EQ(view.lists, nullptr);
  EXPECT_FALSE(view.ready);
  EXPECT_NE(view.problem.find("no snapshot yet"), std::string::npos) << view.problem;
  EXPECT_EQ(holder.snapshot_id(), "");
  std::filesystem::remove_all(dir);
}

class SnapshotHolderFixture : public test::FixtureStoreTest {};

TEST_F(SnapshotHolderFixture, LoadsTheCurrentSnapshotOnceAndServesItReady) {
  SnapshotHolder holder(m_store);
  auto loaded = holder.load_current(at(test::kFixtureAt));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, LoadOutcome::kInstalled);
  const std::string id = test::read_text(m_store / "current");
  EXPECT_NE(id.find(holder.snapshot_id()), std::string::npos) << id;
  const SnapshotView view = holder.view(at(test::kFixtureAt));
  ASSERT_NE(view.lists, nullptr);
  EXPECT_TRUE(view.ready) << view.problem;
  EXPECT_EQ(view.problem, "");
  EXPECT_TRUE(view.created.has_value());
  EXPECT_EQ(*holder.load_current(at(test::kFixtureAt)), LoadOutcome::kUnchanged);
}

TEST_F(SnapshotHolderFixture, PastNextUpdateTheSnapshotIsNotReadyAndEveryAnswerSaysWhy) {
  SnapshotHolder holder(m_store);
  ASSERT_TRUE(holder.load_current(at(test::kFixtureAt)));
  // The fixture lists' NextUpdate is 2025-07-01.
  const SnapshotView later = holder.view(at("2026-12-05T00:00:00Z"));
  ASSERT_NE(later.lists, nullptr);
  EXPECT_FALSE(later.ready);
  EXPECT_NE(later.problem.find("the LOTL is past its NextUpdate 2025-07-01"), std::string::npos) << later.problem;
  EXPECT_NE(later.problem.find("§5.3.15"), std::string::npos) << later.problem;
  EXPECT_NE(later.problem.find("AA"), std::string::npos) << later.problem;
  // Back to a time the lists cover: ready again (the health follows the clock asked).
  EXPECT_TRUE(holder.view(at(test::kFixtureAt)).ready);
}

TEST_F(SnapshotHolderFixture, ARequestKeepsTheSnapshotItStartedWithAcrossAnInstall) {
  SnapshotHolder holder(m_store);
  ASSERT_TRUE(holder.load_current(at(test::kFixtureAt)));
  const SnapshotView before = holder.view(at(test::kFixtureAt));  // a request in flight
  const std::string first = before.lists->snapshot_id();
  // A second import makes another snapshot current; the holder switches to it.
  auto r = test::import_fixture_lists(m_store);
  ASSERT_NE(r.out.find("snapshot"), std::string::npos) << r.out;
  auto loaded = holder.load_current(at(test::kFixtureAt));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, LoadOutcome::kInstalled);
  EXPECT_NE(holder.snapshot_id(), first);
  EXPECT_EQ(before.lists->snapshot_id(), first);  // still whole, still the old one
  EXPECT_GT(before.lists->valid_count(), 0u);
}

TEST(SnapshotHolder, ASnapshotThatCannotServeNeverReplacesOneThatCan) {
  const auto dir = test::fresh_store_dir("holder-refuse");
  const std::string common = test::cli() + " import --store " + test::shell_quote(dir) + " --lotl-signers " +
                             test::shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --at " + test::kFixtureAt;
  // Snapshot 1: the LOTL alone, without its pivot or any national list (not ready). Snapshot 2: every list.
  auto lotl_only = test::run_command(common + " " + test::shell_quote(test::fixtures() / "lists/lotl.xml") + " 2>&1");
  auto store = cache::Store::open(dir);
  ASSERT_TRUE(store);
  const std::vector<std::string> first_ids = store->snapshot_ids();
  ASSERT_EQ(first_ids.size(), 1u) << lotl_only.out;
  auto all = test::import_fixture_lists(dir);
  ASSERT_EQ(store->snapshot_ids().size(), 2u) << all.out;

  SnapshotHolder holder(dir);
  ASSERT_EQ(*holder.load_current(at(test::kFixtureAt)), LoadOutcome::kInstalled);
  const std::string served = holder.snapshot_id();
  ASSERT_TRUE(holder.view(at(test::kFixtureAt)).ready);
  // A writer points `current` back at the LOTL-only snapshot: it is not served.
  ASSERT_TRUE(store->set_current(first_ids[0]));
  auto loaded = holder.load_current(at(test::kFixtureAt));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, LoadOutcome::kRefused);
  EXPECT_EQ(holder.snapshot_id(), served);
  const SnapshotView view = holder.view(at(test::kFixtureAt));
  EXPECT_TRUE(view.ready);
  EXPECT_NE(view.problem.find("the store's current snapshot " + first_ids[0] + " is not served: "), std::string::npos)
      << view.problem;
  EXPECT_NE(view.problem.find("no national list is usable"), std::string::npos) << view.problem;
  std::filesystem::remove_all(dir);
}


TEST_F(SnapshotHolderFixture, EachSnapshotInstalledStartsWithAnEmptyMemoOfChecks) {
  SnapshotHolder holder(m_store);
  EXPECT_EQ(holder.view(at(test::kFixtureAt)).checks, nullptr);  // nothing served, nothing kept
  ASSERT_TRUE(holder.load_current(at(test::kFixtureAt)));
  const SnapshotView first = holder.view(at(test::kFixtureAt));
  ASSERT_NE(first.checks, nullptr);
  EXPECT_EQ(holder.view(at(test::kFixtureAt)).checks, first.checks);  // one memo per snapshot
  first.checks->insert(check_key({{1}}, "", at(test::kFixtureAt), at(test::kFixtureAt)),
                       std::make_shared<const CheckOutput>());
  holder.install(first.lists, first.created, at(test::kFixtureAt));
  const SnapshotView second = holder.view(at(test::kFixtureAt));
  ASSERT_NE(second.checks, nullptr);
  EXPECT_NE(second.checks, first.checks);
  EXPECT_EQ(second.checks->size(), 0u);
  EXPECT_EQ(first.checks->size(), 1u);  // a request in flight keeps the memo it started with
  // Likewise the memo of its status: one per snapshot installed.
  ASSERT_NE(first.status, nullptr);
  ASSERT_NE(second.status, nullptr);
  EXPECT_NE(second.status, first.status);
  EXPECT_EQ(holder.view(at(test::kFixtureAt)).status, second.status);
}

}  // namespace
}  // namespace eutl::server
