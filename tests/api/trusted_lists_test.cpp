// eutl::TrustedLists::load from every ListSource (files with LOTL anchors, files with
// the caller's list signers, a store's current snapshot, a chosen snapshot) and
// select_snapshot. The store is filled by `eutl import` of the fixture lists.
#include "eutl/trusted_lists.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "eutl/bundled_anchors.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl {
namespace {

namespace fs = std::filesystem;
using test::fixtures;

using test::at;

std::vector<tsl::Bytes> pem(const char* name) {
  auto certs = verify::load_pem_certificates(fixtures() / "pki" / name);
  EXPECT_TRUE(certs.has_value()) << name;
  return certs ? *certs : std::vector<tsl::Bytes>{};
}

class TrustedListsSources : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "MANIFEST.txt")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    m_store = fs::temp_directory_path() / ("eutl-api-sources-" + std::to_string(::getpid()));
    fs::remove_all(m_store);
  }
  void TearDown() override { fs::remove_all(m_store); }

  // One snapshot of the fixture lists in m_store; its id.
  std::string import_fixtures() {
    auto r = test::run_command(test::cli() + " import --json --at 2025-03-01 --store '" + m_store.string() +
                               "' --lotl-signers '" + (fixtures() / "pki/oj-anchors.pem").string() + "' '" +
                               (fixtures() / "lists").string() + "' 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    auto store = cache::Store::open(m_store);
    EXPECT_TRUE(store.has_value());
    auto current = store ? store->current() : Result<std::optional<cache::Snapshot>>(Error(Errc::kIo, "no store"));
    EXPECT_TRUE(current && *current);
    return current && *current ? (*current)->id : std::string();
  }

  fs::path m_store;
};

TEST_F(TrustedListsSources, FilesWithLotlAnchors) {
  ListSource source{.files = {fixtures() / "lists"}, .lotl_anchors = pem("oj-anchors.pem")};
  auto lists = TrustedLists::load(source, at("2025-03-01"));
  ASSERT_TRUE(lists) << lists.error().message;
  EXPECT_EQ(lists->valid_count(), lists->lists().size());
  EXPECT_TRUE(lists->snapshot_id().empty());
  EXPECT_TRUE(lists->store_dir().empty());
  EXPECT_FALSE(lists->lotl_anchors().empty());
}

TEST_F(TrustedListsSources, FilesWithTheCallersListSigner) {
  ListSource source{.files = {fixtures() / "lists/tl-AA.xml"}, .tl_signers = pem("tl-signer-AA.pem")};
  auto lists = TrustedLists::load(source, at("2025-03-01"));
  ASSERT_TRUE(lists) << lists.error().message;
  ASSERT_EQ(lists->lists().size(), 1u);
  EXPECT_EQ(lists->valid_count(), 1u);
  EXPECT_EQ(verify::trust_of(lists->lists().front()), verify::ListTrust::kCallerSigner);
  EXPECT_FALSE(lists->index().services().empty());
}

TEST_F(TrustedListsSources, FilesWithoutAnySignerAreCheckedAgainstTheBundledAnchors) {
  auto lists = TrustedLists::load(ListSource{.files = {fixtures() / "lists"}}, at("2025-03-01"));
  ASSERT_TRUE(lists) << lists.error().message;
  EXPECT_EQ(lists->lotl_anchors(), bundled_lotl_anchor_certificates());
  // The fixture LOTL is signed by our own test PKI, not by a signer the Official
  // Journal announced: nothing is trusted.
  EXPECT_EQ(lists->valid_count(), 0u);
  EXPECT_TRUE(lists->index().services().empty());
}

TEST_F(TrustedListsSources, CurrentAndChosenSnapshotGiveTheSameLists) {
  const std::string id = import_fixtures();
  ASSERT_FALSE(id.empty());
  auto current = TrustedLists::load(ListSource{.store = m_store}, at("2025-03-01"));
  ASSERT_TRUE(current) << current.error().message;
  auto chosen = TrustedLists::load(ListSource{.store = m_store, .snapshot = id.substr(0, 8)}, at("2025-03-01"));
  ASSERT_TRUE(chosen) << chosen.error().message;
  EXPECT_EQ(current->snapshot_id(), id);
  EXPECT_EQ(chosen->snapshot_id(), id);
  EXPECT_FALSE(chosen->store_dir().empty());
  ASSERT_EQ(chosen->lists().size(), current->lists().size());
  for (std::size_t i = 0; i < chosen->lists().size(); ++i) {
    EXPECT_EQ(chosen->lists()[i].digest, current->lists()[i].digest);
    EXPECT_EQ(chosen->lists()[i].status, current->lists()[i].status);
  }
  EXPECT_EQ(chosen->valid_count(), chosen->lists().size());
}

TEST_F(TrustedListsSources, ListSignersDoNotApplyToAStore) {
  import_fixtures();
  auto lists = TrustedLists::load(ListSource{.tl_signers = pem("tl-signer-AA.pem"), .store = m_store}, at("2025-03-01"));
  ASSERT_FALSE(lists);
  EXPECT_EQ(lists.error().code, Errc::kUsage);
}

TEST_F(TrustedListsSources, SelectSnapshotByIdPrefixOrCurrent) {
  const std::string id = import_fixtures();
  ASSERT_FALSE(id.empty());
  auto store = cache::Store::open(m_store);
  ASSERT_TRUE(store);
  for (const std::string& wanted : {id, id.substr(0, 6), std::string("current")}) {
    auto snap = select_snapshot(*store, wanted);
    ASSERT_TRUE(snap) << wanted << ": " << snap.error().message;
    EXPECT_EQ(snap->id, id) << wanted;
  }
  auto missing = select_snapshot(*store, "zzzz");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  auto chosen = TrustedLists::load(ListSource{.store = m_store, .snapshot = "zzzz"}, at("2025-03-01"));
  ASSERT_FALSE(chosen);
  EXPECT_EQ(chosen.error().code, Errc::kNotFound);
}

TEST_F(TrustedListsSources, AnEmptyStoreHasNoCurrentSnapshot) {
  fs::create_directories(m_store);
  auto store = cache::Store::open(m_store);
  ASSERT_TRUE(store) << store.error().message;
  auto snap = select_snapshot(*store, "current");
  ASSERT_FALSE(snap);
  EXPECT_EQ(snap.error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace eutl
