// The store: content-addressed blobs, snapshots, the current pointer, the writer
// lock and prune.
#include "eutl/cache/store.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>

#include "eutl/cache/model_cache.h"

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

  Snapshot snapshot_using(const std::string& created, const tsl::Sha256& digest) {
    Snapshot s;
    s.created = tsl::parse_datetime(created).value().time;
    s.origin = "import";
    s.lotl.territory = "EU";
    ListRecord l;
    l.territory = "AA";
    l.in_use = InUse::kFetched;
    l.in_use_digest = digest;
    l.sequence_number = 7;
    l.result = verify::ListStatus::kValid;
    l.fetch.status = net::FetchStatus::kNotModified;
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
  EXPECT_EQ(tsl::to_hex(*d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(std::filesystem::exists(m_dir / "blobs" / "ba" / tsl::to_hex(*d)));
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
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kNotModified);
  EXPECT_EQ(aa->fetch.etag, "\"e\"");
}

// A Store parses the same snapshot bytes once (cache/snapshot_pins.h), and only
// the same bytes: a snapshot file changed in place is read as it now is.
TEST_F(StoreTest, ASnapshotReadAgainIsParsedAgainOnlyWhenItsBytesChanged) {
  auto store = Store::open(m_dir);
  auto d = store->put_blob(tsl::as_bytes("list"));
  auto id = store->write_snapshot(snapshot_using("2025-03-01T10:00:00Z", *d));
  ASSERT_TRUE(id && store->set_current(*id));
  auto first = store->current();
  auto again = store->current();
  ASSERT_TRUE(first && *first && again && *again);
  EXPECT_EQ((*again)->find_list("AA")->sequence_number, 7u);
  EXPECT_EQ((*again)->id, (*first)->id);

  const auto file = m_dir / "snapshots" / (*id + ".json");
  std::string json;
  {
    std::ifstream in(file, std::ios::binary);
    json.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto at = json.find("\"sequence_number\": 7");
  ASSERT_NE(at, std::string::npos) << json;
  std::filesystem::permissions(file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  json.replace(at, 20, "\"sequence_number\": 8");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << json;
  auto edited = store->current();
  ASSERT_TRUE(edited && *edited) << (edited ? "" : edited.error().message);
  EXPECT_EQ((*edited)->find_list("AA")->sequence_number, 8u);

  std::ofstream(file, std::ios::binary | std::ios::trunc) << "{ not json";
  auto broken = store->current();
  EXPECT_FALSE(broken);
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
  std::vector<tsl::Sha256> digests;
  std::vector<std::string> ids;
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


// Flips the first byte of a file in place.
void flip_first_byte(const std::filesystem::path& p) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  char c = 0;
  f.read(&c, 1);
  f.seekp(0);
  c = static_cast<char>(c ^ 0x01);
  f.write(&c, 1);
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_F(StoreTest, PutBlobHealsAFlippedBlob) {
  auto store = Store::open(m_dir);
  auto d = store->put_blob(tsl::as_bytes("the list bytes"));
  ASSERT_TRUE(d);
  flip_first_byte(store->blob_path(*d));
  ASSERT_FALSE(store->read_blob(*d));
  ASSERT_TRUE(store->put_blob(tsl::as_bytes("the list bytes")));
  auto healed = store->read_blob(*d);
  ASSERT_TRUE(healed) << healed.error().message;
  EXPECT_EQ(std::string(healed->begin(), healed->end()), "the list bytes");
}

TEST_F(StoreTest, PutBlobReplacesASymlinkWithoutWritingThroughIt) {
  auto store = Store::open(m_dir);
  const tsl::Sha256 d = *store->put_blob(tsl::as_bytes("abc"));
  const auto outside = m_dir.string() + "-outside";
  std::ofstream(outside) << "abc";  // the right bytes, but outside the store
  std::filesystem::remove(store->blob_path(d));
  std::filesystem::create_symlink(outside, store->blob_path(d));
  EXPECT_FALSE(store->has_blob(d));
  auto via_link = store->read_blob(d);
  ASSERT_FALSE(via_link) << "a symlinked blob is never followed";
  ASSERT_TRUE(store->put_blob(tsl::as_bytes("abc")));
  EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::symlink_status(store->blob_path(d))));
  EXPECT_TRUE(store->read_blob(d));
  EXPECT_EQ(read_all(outside), "abc");
  std::filesystem::remove(outside);
}

TEST_F(StoreTest, BlobBehindASymlinkedDirectoryIsNotRead) {
  auto store = Store::open(m_dir);
  const tsl::Sha256 d = *store->put_blob(tsl::as_bytes("abc"));
  const auto outside = std::filesystem::path(m_dir.string() + "-outside-dir");
  std::filesystem::create_directories(outside);
  std::filesystem::copy_file(store->blob_path(d), outside / tsl::to_hex(d));
  std::filesystem::remove_all(store->blob_path(d).parent_path());
  std::filesystem::create_directory_symlink(outside, store->blob_path(d).parent_path());
  EXPECT_FALSE(store->read_blob(d));
  EXPECT_FALSE(store->has_blob(d));
  std::filesystem::remove_all(outside);
}

TEST_F(StoreTest, SnapshotsWrittenWithinOneSecondOrderByCreation) {
  auto store = Store::open(m_dir);
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    // Same second; the content (hence the digest part of the id) differs each time, in
    // an order unrelated to the digests.
    auto d = *store->put_blob(tsl::as_bytes("list " + std::to_string(7 * i % 5)));
    ids.push_back(*store->write_snapshot(snapshot_using("2025-03-01T10:00:00Z", d)));
  }
  EXPECT_EQ(store->snapshot_ids(), ids);
  EXPECT_TRUE(ids[1].starts_with("20250301T100000Z-001-")) << ids[1];
  ASSERT_TRUE(store->set_current(ids[4]));
  auto lock = store->lock_for_writing();
  auto r = store->prune(1, *lock);
  ASSERT_TRUE(r);
  EXPECT_EQ(store->snapshot_ids(), std::vector<std::string>{ids[4]});
}

// The counter of a new id counts the snapshots of its own second only, as numbers
// (010 after 009), whatever else the directory holds.
TEST_F(StoreTest, TheCounterCountsTheSnapshotsOfTheSameSecondOnly) {
  auto store = Store::open(m_dir);
  auto d = *store->put_blob(tsl::as_bytes("list"));
  const std::string earlier = *store->write_snapshot(snapshot_using("2025-03-01T09:59:59Z", d));
  for (const char* name : {"20250301T095959Z-042-0000000000000000.json", "20250301T100001Z-077-0000000000000000.json",
                           ".tmp-20250301T100000Z-099-0000000000000000.json"}) {
    std::filesystem::copy_file(m_dir / "snapshots" / (earlier + ".json"), m_dir / "snapshots" / name);
  }
  std::vector<std::string> ids;
  for (int i = 0; i < 11; ++i) {
    auto di = *store->put_blob(tsl::as_bytes("list " + std::to_string(i)));
    ids.push_back(*store->write_snapshot(snapshot_using("2025-03-01T10:00:00Z", di)));
  }
  EXPECT_TRUE(ids.front().starts_with("20250301T100000Z-000-")) << ids.front();
  EXPECT_TRUE(ids[9].starts_with("20250301T100000Z-009-")) << ids[9];
  EXPECT_TRUE(ids[10].starts_with("20250301T100000Z-010-")) << ids[10];
  const std::vector<std::string> all = store->snapshot_ids();
  ASSERT_EQ(all.size(), 14u);
  EXPECT_EQ(std::vector<std::string>(all.begin() + 2, all.end() - 1), ids);
  EXPECT_EQ(all.back(), "20250301T100001Z-077-0000000000000000");
}

TEST_F(StoreTest, OlderIdFormWithoutCounterIsStillReadAndOrdered) {
  auto store = Store::open(m_dir);
  auto d = *store->put_blob(tsl::as_bytes("list"));
  const std::string fresh = *store->write_snapshot(snapshot_using("2025-03-01T10:00:00Z", d));
  const std::string old_same_second = "20250301T100000Z-ffffffffffffffff";
  const std::string old_later = "20250301T100001Z-0000000000000000";
  std::filesystem::copy_file(m_dir / "snapshots" / (fresh + ".json"), m_dir / "snapshots" / (old_same_second + ".json"));
  std::filesystem::copy_file(m_dir / "snapshots" / (fresh + ".json"), m_dir / "snapshots" / (old_later + ".json"));
  EXPECT_EQ(store->snapshot_ids(), (std::vector<std::string>{old_same_second, fresh, old_later}));
  auto snap = store->read_snapshot(old_later);
  ASSERT_TRUE(snap) << snap.error().message;
  EXPECT_EQ(snap->id, old_later);
}

TEST_F(StoreTest, ReadingAPrunedSnapshotSaysSo) {
  auto store = Store::open(m_dir);
  auto r = store->read_snapshot("20250301T100000Z-000-0123456789abcdef");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kNotFound);
  EXPECT_NE(r.error().message.find("pruned"), std::string::npos) << r.error().message;
}

TEST_F(StoreTest, PruneKeepsASnapshotAReaderHasPinned) {
  auto writer = Store::open(m_dir);
  auto d0 = *writer->put_blob(tsl::as_bytes("old"));
  auto old_id = *writer->write_snapshot(snapshot_using("2025-01-01T00:00:00Z", d0));
  auto d1 = *writer->put_blob(tsl::as_bytes("new"));
  auto new_id = *writer->write_snapshot(snapshot_using("2025-02-01T00:00:00Z", d1));
  ASSERT_TRUE(writer->set_current(new_id));
  {
    auto reader = Store::open(m_dir);  // another command, reading the old snapshot
    ASSERT_TRUE(reader->read_snapshot(old_id));
    auto lock = writer->lock_for_writing();
    auto r = writer->prune(0, *lock);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->snapshots_removed, 0u);
    EXPECT_EQ(r->snapshots_in_use, 1u);
    EXPECT_TRUE(reader->read_blob(d0)) << "the pinned snapshot's blobs stay";
  }
  auto lock = writer->lock_for_writing();
  auto r = writer->prune(0, *lock);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->snapshots_removed, 1u);
  EXPECT_EQ(r->snapshots_in_use, 0u);
  EXPECT_FALSE(writer->has_blob(d0));
  EXPECT_EQ(writer->snapshot_ids(), std::vector<std::string>{new_id});
}

TEST_F(StoreTest, PruneRemovesModelCachesOfPrunedSnapshotsAndStaleTemporaries) {
  auto store = Store::open(m_dir);
  auto d0 = *store->put_blob(tsl::as_bytes("old"));
  auto old_id = *store->write_snapshot(snapshot_using("2025-01-01T00:00:00Z", d0));
  auto d1 = *store->put_blob(tsl::as_bytes("new"));
  auto new_id = *store->write_snapshot(snapshot_using("2025-02-01T00:00:00Z", d1));
  ASSERT_TRUE(store->set_current(new_id));
  const auto models = m_dir / "models";
  std::filesystem::create_directories(models);
  for (const std::string& name : {old_id + ".bin", new_id + ".bin", std::string("20240101T000000Z-000-00.bin"),
                                  std::string(".tmp-killed"), std::string(".tmp-live")}) {
    std::ofstream(models / name) << "model";
  }
  std::ofstream(store->blob_path(d1).parent_path() / ".tmp-killed-blob") << "x";
  // A live writer holds its temporary locked (cache/atomic_file.h).
  int live = ::open((models / ".tmp-live").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(live, 0);
  ASSERT_EQ(::flock(live, LOCK_EX), 0);
  auto lock = store->lock_for_writing();
  auto r = store->prune(1, *lock);
  ::close(live);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->models_removed, 2u);  // the pruned snapshot's and the orphan's
  EXPECT_EQ(r->temporaries_removed, 2u);
  EXPECT_FALSE(std::filesystem::exists(models / (old_id + ".bin")));
  EXPECT_TRUE(std::filesystem::exists(models / (new_id + ".bin")));
  EXPECT_FALSE(std::filesystem::exists(models / ".tmp-killed"));
  EXPECT_TRUE(std::filesystem::exists(models / ".tmp-live")) << "a live writer's temporary is left alone";
}

TEST_F(StoreTest, PruneNeverTouchesAnythingOutsideTheStore) {
  auto store = Store::open(m_dir);
  auto d = *store->put_blob(tsl::as_bytes("kept"));
  auto id = *store->write_snapshot(snapshot_using("2025-02-01T00:00:00Z", d));
  ASSERT_TRUE(store->set_current(id));
  const auto outside = std::filesystem::path(m_dir.string() + "-outside");
  std::filesystem::create_directories(outside / "dir");
  std::ofstream(outside / "file") << "precious";
  std::ofstream(outside / "dir" / std::string(64, 'a')) << "precious";
  std::ofstream(outside / "dir" / ".tmp-x") << "precious";
  const std::string hex(64, 'b');
  std::filesystem::create_directories(m_dir / "blobs" / "bb");
  std::filesystem::create_directories(m_dir / "models");
  // Links to a file and to a directory, everywhere prune looks.
  std::filesystem::create_directory_symlink(outside / "dir", m_dir / "blobs" / "aa");
  std::filesystem::create_symlink(outside / "file", m_dir / "blobs" / "bb" / hex);
  std::filesystem::create_symlink(outside / "file", m_dir / "blobs" / "bb" / ".tmp-link");
  std::filesystem::create_symlink(outside / "file", m_dir / "snapshots" / "20240101T000000Z-000-0000000000000000.json");
  std::filesystem::create_symlink(outside / "file", m_dir / "snapshots" / ".tmp-link");
  std::filesystem::create_symlink(outside / "file", m_dir / "models" / "20240101T000000Z-000-0000000000000000.bin");
  std::filesystem::create_directory_symlink(outside / "dir", m_dir / "models" / "linked");
  auto lock = store->lock_for_writing();
  auto r = store->prune(0, *lock);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(read_all(outside / "file"), "precious");
  EXPECT_EQ(read_all(outside / "dir" / std::string(64, 'a')), "precious");
  EXPECT_EQ(read_all(outside / "dir" / ".tmp-x"), "precious");
  EXPECT_TRUE(store->read_blob(d));
  std::filesystem::remove_all(outside);
}

}  // namespace
}  // namespace eutl::cache
