// The model cache bound to the bytes of its snapshot's JSON (cache/model_cache_file.h):
// a reader whose digest of those bytes matches takes the anchors, blobs and list
// signers from the file instead of parsing the JSON; any other bytes, or a file
// written for a snapshot the JSON does not describe, send it back to the JSON.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "cache/model_cache_file.h"
#include "eutl/cache/model_cache.h"
#include "tests/cache/model_cache_test_support.h"
#include "tests/support/evidence_support.h"

namespace eutl::cache {
namespace {
namespace bound_test {

using test::at;

// Where a format-5 file keeps the JSON digest: after magic, version, the id's length
// and the id.
tsl::Sha256 bound_digest(const tsl::Bytes& file, const std::string& id) {
  tsl::Sha256 d{};
  const std::size_t offset = 8 + 4 + 4 + id.size();
  if (file.size() >= offset + d.size()) {
    std::memcpy(d.data(), file.data() + offset, d.size());
  }
  return d;
}

void write_bytes(const std::filesystem::path& path, const tsl::Bytes& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

class BoundModelCache : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(std::string("bound-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
    m_snapshot = test::import_fixture_lists(*m_store, test::fixture_set());
    ASSERT_FALSE(m_snapshot.id.empty());
    ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));  // the file, (re)written
  }
  void TearDown() override {
    if (!m_dir.empty()) {
      std::filesystem::remove_all(m_dir);
    }
  }

  SnapshotFile json_of(const std::string& id) const {
    auto f = m_store->read_snapshot_file(id);
    EXPECT_TRUE(f) << (f ? "" : f.error().message);
    return f ? std::move(*f) : SnapshotFile{};
  }
  std::filesystem::path json_path(const std::string& id) const { return m_dir / "snapshots" / (id + ".json"); }

  std::filesystem::path m_dir;
  std::optional<Store> m_store;
  Snapshot m_snapshot;
  const tsl::TimePoint m_at = at("2025-03-01T00:00:00Z");
};

TEST_F(BoundModelCache, TheFileIsBoundToTheJsonAndGivesWhatParsingItGives) {
  const SnapshotFile json = json_of(m_snapshot.id);
  auto file = tsl::read_file(detail::model_cache_path(*m_store, m_snapshot.id));
  ASSERT_TRUE(file);
  EXPECT_EQ(bound_digest(*file, m_snapshot.id), tsl::sha256(json.json));

  auto bound = load_bound_snapshot_model(*m_store, json, m_at);
  ASSERT_TRUE(bound.has_value());
  auto parsed = load_snapshot_model(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(bound->origin, ModelOrigin::kCache);
  test::expect_same_lists(parsed->lists.lists, bound->lists.lists);
  EXPECT_EQ(bound->lists.lotl_anchors, parsed->lists.lotl_anchors);
  EXPECT_EQ(bound->lists.tl_signers, parsed->lists.tl_signers);
  EXPECT_EQ(bound->lists.verified_at, m_at);
  // Freshness is decided at the caller's time on this path too.
  const tsl::TimePoint later = at("2040-01-01T00:00:00Z");
  auto late = load_bound_snapshot_model(*m_store, json, later);
  auto late_parsed = load_snapshot_model(*m_store, m_snapshot, later);
  ASSERT_TRUE(late.has_value());
  ASSERT_TRUE(late_parsed);
  test::expect_same_lists(late_parsed->lists.lists, late->lists.lists);
  ASSERT_FALSE(late->lists.lists.empty());
  EXPECT_NE(late->lists.lists.back().status, verify::ListStatus::kValid) << late->lists.lists.back().source;
}

// Other bytes in the JSON, even ones that parse to the same snapshot, are not the bytes
// the file was written from: the reader goes back to the JSON.
TEST_F(BoundModelCache, AnyOtherJsonBytesAreNotBound) {
  SnapshotFile json = json_of(m_snapshot.id);
  ASSERT_TRUE(load_bound_snapshot_model(*m_store, json, m_at).has_value()) << "its own bytes are bound";
  json.json.push_back('\n');
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, json, m_at).has_value());
  json.json.pop_back();
  json.json[json.json.size() / 2] ^= 0x01;
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, json, m_at).has_value());
  SnapshotFile renamed = json_of(m_snapshot.id);
  renamed.id.back() = renamed.id.back() == '0' ? '1' : '0';  // the same bytes under another name
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, renamed, m_at).has_value());
}

// A JSON edited to name another blob no longer matches the file: the reader parses
// it, and the model loader finds the blobs differ and verifies them again.
TEST_F(BoundModelCache, AnEditedJsonGoesBackToParsingAndTheBlobs) {
  const SnapshotFile before = json_of(m_snapshot.id);
  std::string text(before.json.begin(), before.json.end());
  const std::string digest = tsl::to_hex(*m_snapshot.lists.front().in_use_digest);
  const auto at_digest = text.find("\"in_use_digest\": \"" + digest);
  ASSERT_NE(at_digest, std::string::npos) << text;
  std::string other = digest;
  other[0] = other[0] == 'a' ? 'b' : 'a';
  text.replace(text.find(digest, at_digest), digest.size(), other);
  write_bytes(json_path(m_snapshot.id), tsl::Bytes(text.begin(), text.end()));

  const SnapshotFile edited = json_of(m_snapshot.id);
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, edited, m_at).has_value());
  auto snap = m_store->parse_snapshot_file(edited);
  ASSERT_TRUE(snap) << snap.error().message;
  auto read = detail::read_model_cache(*m_store, *snap);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("list blobs differ"), std::string::npos) << read.error().message;
}

// A file written for a Snapshot that its JSON does not describe is bound to none.
TEST_F(BoundModelCache, AFileForASnapshotItsJsonDoesNotDescribeIsBoundToNone) {
  Snapshot other = m_snapshot;
  other.lotl_anchor_digests.push_back(tsl::sha256(tsl::as_bytes(std::string_view("not an anchor"))));
  EXPECT_EQ(detail::snapshot_json_binding(*m_store, other), tsl::Sha256{});
  EXPECT_EQ(detail::snapshot_json_binding(*m_store, m_snapshot), tsl::sha256(json_of(m_snapshot.id).json));
  Snapshot unknown = m_snapshot;
  unknown.id.back() = unknown.id.back() == '0' ? '1' : '0';  // no such JSON
  EXPECT_EQ(detail::snapshot_json_binding(*m_store, unknown), tsl::Sha256{});

  auto lists = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(lists);
  ASSERT_TRUE(detail::write_model_cache(*m_store, other, *lists));
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, json_of(m_snapshot.id), m_at).has_value());
}

// A JSON that names the same anchors, blobs and signers in other bytes than
// snapshot_to_json() writes (hand-formatted, say) is still the one the file binds to:
// the digest of the bytes on disk, found by parsing them.
TEST_F(BoundModelCache, AJsonInOtherBytesNamingTheSameBlobsBindsByItsOwnDigest) {
  const SnapshotFile before = json_of(m_snapshot.id);
  ASSERT_EQ(detail::snapshot_json_binding(*m_store, m_snapshot), tsl::sha256(before.json));
  std::string text(before.json.begin(), before.json.end());
  text.insert(text.find('{') + 1, "\n\n");  // the same JSON value
  write_bytes(json_path(m_snapshot.id), tsl::Bytes(text.begin(), text.end()));
  const tsl::Sha256 binding = detail::snapshot_json_binding(*m_store, m_snapshot);
  EXPECT_EQ(binding, tsl::sha256(json_of(m_snapshot.id).json));
  EXPECT_NE(binding, tsl::sha256(before.json));
}

// A snapshot whose national lists rest on signers the caller gave: their blobs come
// from the digests in the file's header.
TEST_F(BoundModelCache, ListSignersComeFromTheHeader) {
  auto signer = m_store->read_blob(m_snapshot.lotl_anchor_digests.front());  // any certificate blob will do
  ASSERT_TRUE(signer);
  Snapshot with = m_snapshot;
  with.created = at("2025-03-02T00:00:00Z");
  with.tl_signer_digests = {m_snapshot.lotl_anchor_digests.front()};
  auto id = m_store->write_snapshot(with);
  ASSERT_TRUE(id) << id.error().message;
  with.id = *id;
  auto lists = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(lists);
  ASSERT_TRUE(detail::write_model_cache(*m_store, with, *lists));
  auto bound = load_bound_snapshot_model(*m_store, json_of(with.id), m_at);
  ASSERT_TRUE(bound.has_value());
  ASSERT_EQ(bound->lists.tl_signers.size(), 1u);
  EXPECT_EQ(bound->lists.tl_signers.front(), *signer);
  // Without the signer's blob the bound path gives up, and the loader says why.
  std::filesystem::remove(m_store->blob_path(with.tl_signer_digests.front()));
  EXPECT_FALSE(load_bound_snapshot_model(*m_store, json_of(with.id), m_at).has_value());
}

// A refresh that changed nothing hands the file to the new snapshot, bound to the new
// snapshot's JSON: the next reader still parses no JSON.
TEST_F(BoundModelCache, AFileHandedToTheNextSnapshotIsBoundToItsJson) {
  Snapshot next = m_snapshot;
  next.created = at("2025-03-02T00:00:00Z");
  auto id = m_store->write_snapshot(next);
  ASSERT_TRUE(id) << id.error().message;
  next.id = *id;
  ASSERT_EQ(next.id.size(), m_snapshot.id.size());
  ASSERT_TRUE(detail::move_model_cache(*m_store, m_snapshot, next));
  auto bound = load_bound_snapshot_model(*m_store, json_of(next.id), m_at);
  ASSERT_TRUE(bound.has_value());
  auto direct = load_snapshot_lists(*m_store, next, m_at);
  ASSERT_TRUE(direct);
  test::expect_same_lists(direct->lists, bound->lists.lists);
}

}  // namespace bound_test
}  // namespace
}  // namespace eutl::cache
