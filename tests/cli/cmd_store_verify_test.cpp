// `eutl store verify [--repair] [--from …]` and the store healing on the next import,
// end to end on a store imported from the generated fixtures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/hardening/store_fixture_support.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::FixtureStore;
using test::shell_quote;

// The blob of territory's list in the current snapshot.
fs::path list_blob(const FixtureStore& s, const std::string& territory) {
  auto st = test::run_command(test::cli() + " status --json --at 2025-03-01T00:00:00Z --store " + shell_quote(s.store()));
  const json j = json::parse(st.out, nullptr, false);
  if (j.is_discarded()) {
    ADD_FAILURE() << st.out;
    return {};
  }
  for (const auto& l : j["lists"]) {
    if (l["territory"] == territory) {
      const std::string d = l["in_use_digest"];
      return s.store() / "blobs" / d.substr(0, 2) / d;
    }
  }
  ADD_FAILURE() << "no " << territory << " in " << st.out;
  return {};
}

void flip_first_byte(const fs::path& p) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  char c = 0;
  f.read(&c, 1);
  f.seekp(0);
  c = static_cast<char>(c ^ 0x20);
  f.write(&c, 1);
}

json verify_json(const FixtureStore& s, int expected_exit, const std::string& extra = "") {
  auto r = test::run_command(test::cli() + " store verify --json --store " + shell_quote(s.store()) + " " + extra);
  EXPECT_EQ(r.exit_code, expected_exit) << r.out;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

TEST(StoreVerifyCli, ImportedStoreIsClean) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("clean");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  ASSERT_EQ(s.check().exit_code, 0);  // also writes the model cache
  auto text = s.store_verify();
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("store is clean"), std::string::npos) << text.out;
  json j = verify_json(s, 0);
  EXPECT_EQ(j["clean"], true);
  EXPECT_EQ(j["findings"].size(), 0u) << j.dump();
  EXPECT_GE(j["blobs_checked"].get<int>(), 4);
  EXPECT_EQ(j["models_checked"], 1);
}

TEST(StoreVerifyCli, FlippedBlobIsHealedByTheNextImportOfTheSameBytes) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("heal");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const fs::path aa = list_blob(s, "AA");
  ASSERT_FALSE(aa.empty());
  flip_first_byte(aa);
  EXPECT_NE(s.check("--snapshot current").exit_code, 0) << "the flipped blob is detected";
  json bad = verify_json(s, 1);
  ASSERT_EQ(bad["findings"].size(), 1u) << bad.dump();
  EXPECT_EQ(bad["findings"][0]["kind"], "corrupt-blob");
  EXPECT_EQ(bad["findings"][0]["class"], "problem");

  auto again = s.import(FixtureStore::base_set());
  EXPECT_NE(again.exit_code, 2) << again.out;
  verify_json(s, 0);
  auto c = s.check("--snapshot current");
  EXPECT_EQ(c.exit_code, 0) << c.out;
}

TEST(StoreVerifyCli, RepairRewritesACorruptBlobFromTheGivenFiles) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("repair");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const fs::path aa = list_blob(s, "AA");
  flip_first_byte(aa);
  json without = verify_json(s, 1, "--repair");
  EXPECT_EQ(without["open_problems"], 1) << without.dump();
  EXPECT_FALSE(fs::exists(aa)) << "the corrupt bytes are removed";
  json with = verify_json(s, 0, "--repair --from " + shell_quote(test::fixtures() / "lists"));
  EXPECT_EQ(with["findings"][0]["kind"], "missing-blob") << with.dump();
  EXPECT_EQ(with["findings"][0]["repaired"], true) << with.dump();
  verify_json(s, 0);
  EXPECT_EQ(s.check("--snapshot current").exit_code, 0);
}

TEST(StoreVerifyCli, SymlinkIsReportedAndRepairRemovesOnlyTheLink) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("symlink");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const fs::path aa = list_blob(s, "AA");
  const fs::path outside = s.dir() / "outside.xml";
  fs::copy_file(aa, outside);
  fs::remove(aa);
  fs::create_symlink(outside, aa);
  json bad = verify_json(s, 1);
  ASSERT_FALSE(bad["findings"].empty());
  EXPECT_EQ(bad["findings"][0]["kind"], "not-regular-file") << bad.dump();
  verify_json(s, 0, "--repair --from " + shell_quote(outside));
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(aa)));
  EXPECT_TRUE(fs::is_regular_file(outside));
}

TEST(StoreVerifyCli, NoStoreCannotRun) {
  FixtureStore s("none");
  auto r = s.store_verify();
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_THAT(r.out, ::testing::HasSubstr("eutl: no store at " + s.store().string()));
}

TEST(StoreVerifyCli, PruneKeepOneAfterQuickImportsKeepsOnlyTheNewest) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("quick");
  for (int i = 0; i < 3; ++i) {
    ASSERT_NE(s.import(i % 2 == 0 ? FixtureStore::base_set() : FixtureStore::larger_set()).exit_code, 2);
  }
  auto p = s.prune(1);
  EXPECT_EQ(p.exit_code, 0) << p.out;
  EXPECT_THAT(p.out, ::testing::ContainsRegex("removed [1-9][0-9]* snapshot\\(s\\)"));
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(s.store() / "snapshots")) {
    n += e.path().extension() == ".json" ? 1 : 0;
  }
  EXPECT_EQ(n, 1u);
  verify_json(s, 0);
}

}  // namespace
}  // namespace eutl::cli
