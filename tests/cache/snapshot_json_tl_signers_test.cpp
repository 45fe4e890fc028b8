// Snapshot::tl_signer_digests in the snapshot JSON: written only when not empty, so a
// snapshot anchored in the LOTL keeps the exact bytes (and id) it always had, and
// read back unchanged.
#include <gtest/gtest.h>

#include "eutl/cache/snapshot.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::cache {
namespace {

Snapshot sample() {
  Snapshot s;
  s.created = tsl::parse_datetime("2025-03-01T00:00:00Z").value().time;
  s.validation_time = s.created;
  s.origin = "import";
  s.lotl_anchor_digests = {tsl::sha256(tsl::Bytes{0})};
  return s;
}

TEST(SnapshotJsonTlSigners, AbsentWhenTheListsRestOnTheLotl) {
  const std::string json = snapshot_to_json(sample());
  EXPECT_EQ(json.find("tl_signer_digests"), std::string::npos) << json;
  auto back = snapshot_from_json(json, "id");
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->tl_signer_digests.empty());
}

TEST(SnapshotJsonTlSigners, WrittenAndReadBackWhenGiven) {
  Snapshot s = sample();
  s.tl_signer_digests = {tsl::sha256(tsl::Bytes{1}), tsl::sha256(tsl::Bytes{2})};
  const std::string json = snapshot_to_json(s);
  EXPECT_NE(json.find("\"tl_signer_digests\""), std::string::npos) << json;
  auto back = snapshot_from_json(json, "id");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->tl_signer_digests, s.tl_signer_digests);
  EXPECT_EQ(back->lotl_anchor_digests, s.lotl_anchor_digests);
}

}  // namespace
}  // namespace eutl::cache
