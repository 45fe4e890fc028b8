// The store: content-addressed blobs, snapshots, the current pointer, the writer
// lock and prune.
#include "eutl/cache/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace eutl::cache {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("eutl-store-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  Snapshot snapshot_using(const std::string& created, const std::string& digest) {
    Snapshot s;
    s.created = created;
    s.origin = "import";
    s.lotl.territory = "EU";
    ListRecord l;
    l.territory = "AA";
    l.in_use = InUse::kFetched;
    l.in_use_digest = digest;
    l.sequence_number = 7;
    l.result = "valid";
    l.fetch.status = FetchStatus::kNotModified;
    l.fetch.etag = "\"e\"";
    s.lists.push_back(l);
    return s;
  }

  std::filesystem::path m_dir;
};

TEST_F(StoreTest, BlobIsNamedBySha256AndWrittenOnce) {
  auto store = Store::open(m_dir);
  ASSERT_TRUE(store);
  auto d = store->put_blob(tsl::as_bytes("abc"));
  ASSERT_TRUE(d);
  // SHA-256("abc") from FIPS 180-2 appendix B.1.
  EXPECT_EQ(*d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(std::filesystem::exists(m_dir / "blobs" / "ba" / *d));
  auto again = store->put_blob(tsl::as_bytes("abc"));
  EXPECT_EQ(*again, *d);
  auto bytes = store->read_blob(*d);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(std::string(bytes->begin(), bytes->end()), "abc");
}

TEST_F(StoreTest, CorruptBlobIsDetected) {
  auto store = Store::open(m_dir);
  auto d = store->put_blob(tsl::as_bytes("abc"));
  std::ofstream(store->blob_path(*d)) << "abd";
  auto bytes = store->read_blob(*d);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, Errc::kMalformed);
}

TEST_F(StoreTest, SnapshotRoundTripsAndBecomesCurrent) {
  auto store = Store::open(m_dir);
  auto none = store->current();
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
  auto d = store->put_blob(tsl::as_bytes("list"));
  auto id = store->write_snapshot(snapshot_using("2025-03-01T10:00:00Z", *d));
  ASSERT_TRUE(id);
  EXPECT_TRUE(id->starts_with("20250301T100000Z-"));
  ASSERT_TRUE(store->set_current(*id));
  auto cur = store->current();
  ASSERT_TRUE(cur && *cur);
  EXPECT_EQ((*cur)->id, *id);
  const ListRecord* aa = (*cur)->find_list("AA");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->in_use_digest, *d);
  EXPECT_EQ(aa->sequence_number, 7u);
  EXPECT_EQ(aa->fetch.status, FetchStatus::kNotModified);
  EXPECT_EQ(aa->fetch.etag, "\"e\"");
}

TEST_F(StoreTest, CurrentCannotPointAtMissingSnapshot) {
  auto store = Store::open(m_dir);
  EXPECT_FALSE(store->set_current("20250301T100000Z-0000000000000000"));
  EXPECT_FALSE(store->set_current("../../etc/passwd"));
}

TEST_F(StoreTest, SecondWriterIsRefused) {
  auto store = Store::open(m_dir);
  auto first = store->lock_for_writing();
  ASSERT_TRUE(first);
  // flock locks belong to the open file description: a second open conflicts.
  auto second = store->lock_for_writing();
  EXPECT_FALSE(second);
  first = StoreLock();
  EXPECT_TRUE(store->lock_for_writing());
}

TEST_F(StoreTest, PruneKeepsNewestAndReferencedBlobs) {
  auto store = Store::open(m_dir);
  std::vector<std::string> digests, ids;
  for (int i = 0; i < 4; ++i) {
    digests.push_back(*store->put_blob(tsl::as_bytes("list " + std::to_string(i))));
    ids.push_back(*store->write_snapshot(snapshot_using("2025-03-0" + std::to_string(i + 1) + "T00:00:00Z",
                                                        digests.back())));
  }
  ASSERT_TRUE(store->set_current(ids[3]));
  std::ofstream(m_dir / "snapshots" / ".tmp-crashed") << "x";
  auto lock = store->lock_for_writing();
  auto r = store->prune(2, *lock);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->snapshots_removed, 2u);
  EXPECT_EQ(r->blobs_removed, 2u);
  EXPECT_EQ(r->temporaries_removed, 1u);
  EXPECT_EQ(store->snapshot_ids(), (std::vector<std::string>{ids[2], ids[3]}));
  EXPECT_FALSE(store->has_blob(digests[0]));
  EXPECT_TRUE(store->has_blob(digests[2]));
  EXPECT_TRUE(store->has_blob(digests[3]));
}

TEST_F(StoreTest, PruneNeverRemovesTheCurrentSnapshot) {
  auto store = Store::open(m_dir);
  auto d0 = *store->put_blob(tsl::as_bytes("old"));
  auto old_id = *store->write_snapshot(snapshot_using("2025-01-01T00:00:00Z", d0));
  auto d1 = *store->put_blob(tsl::as_bytes("new"));
  (void)*store->write_snapshot(snapshot_using("2025-02-01T00:00:00Z", d1));
  ASSERT_TRUE(store->set_current(old_id));
  auto lock = store->lock_for_writing();
  auto r = store->prune(0, *lock);
  ASSERT_TRUE(r);
  EXPECT_EQ(store->snapshot_ids(), std::vector<std::string>{old_id});
  EXPECT_TRUE(store->has_blob(d0));
  EXPECT_FALSE(store->has_blob(d1));
}

}  // namespace
}  // namespace eutl::cache
