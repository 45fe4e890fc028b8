// Which LOTL anchors a refresh uses (cache/anchors.h): those asked for, else those of
// the current snapshot read back from their blobs, else the defaults (the CLI's bundled
// ones), the order of eutl::anchors_in_use().
#include "cache/anchors.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace eutl::cache::detail {
namespace {

const tsl::Bytes kGiven{1, 1};
const tsl::Bytes kStored{2, 2};
const tsl::Bytes kDefault{3, 3};

class AnchorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("eutl-anchors-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store) << store.error().message;
    m_store.emplace(std::move(*store));
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  // A previous snapshot recording `anchors` (stored as blobs).
  Snapshot previous_with(const std::vector<tsl::Bytes>& anchors) {
    Snapshot s;
    for (const tsl::Bytes& a : anchors) {
      s.lotl_anchor_digests.push_back(m_store->put_blob(a).value());
    }
    return s;
  }

  std::filesystem::path m_dir;
  std::optional<Store> m_store;
};

std::vector<tsl::Bytes> defaults() { return {kDefault}; }

TEST_F(AnchorsTest, GivenThenStoredThenDefaults) {
  struct Row {
    const char* what;
    std::vector<tsl::Bytes> requested;
    std::optional<std::vector<tsl::Bytes>> previous;  // none: no snapshot yet
    tsl::Bytes expected;
  };
  const Row rows[] = {
      {"given wins over the snapshot's", {kGiven}, std::vector<tsl::Bytes>{kStored}, kGiven},
      {"the snapshot's without a given", {}, std::vector<tsl::Bytes>{kStored}, kStored},
      {"defaults for a snapshot that records none", {}, std::vector<tsl::Bytes>{}, kDefault},
      {"defaults for an empty store", {}, std::nullopt, kDefault},
  };
  for (const Row& row : rows) {
    std::optional<Snapshot> previous;
    if (row.previous) {
      previous = previous_with(*row.previous);
    }
    std::vector<tsl::Sha256> digests;
    auto anchors = resolve_anchors(*m_store, row.requested, defaults, previous, digests);
    ASSERT_TRUE(anchors) << row.what << ": " << anchors.error().message;
    ASSERT_EQ(anchors->size(), 1u) << row.what;
    EXPECT_EQ(anchors->front(), row.expected) << row.what;
    ASSERT_EQ(digests.size(), 1u) << row.what;
    EXPECT_EQ(digests.front(), tsl::sha256(row.expected)) << row.what;
    EXPECT_TRUE(m_store->has_blob(digests.front())) << row.what;  // the new snapshot can name it
  }
}

TEST_F(AnchorsTest, ADamagedStoredAnchorFailsTheRefreshInsteadOfFallingBack) {
  const Snapshot previous = previous_with({kStored});
  const std::string hex = tsl::to_hex(previous.lotl_anchor_digests.front());
  std::filesystem::path blob = m_dir / "blobs" / hex.substr(0, 2) / hex;
  std::filesystem::permissions(blob, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  {
    std::ofstream(blob, std::ios::binary | std::ios::trunc) << "not the anchor";
  }
  std::vector<tsl::Sha256> digests;
  auto anchors = resolve_anchors(*m_store, {}, defaults, previous, digests);
  ASSERT_FALSE(anchors);
  EXPECT_NE(anchors.error().message.find("LOTL anchor " + hex), std::string::npos) << anchors.error().message;
}

}  // namespace
}  // namespace eutl::cache::detail
