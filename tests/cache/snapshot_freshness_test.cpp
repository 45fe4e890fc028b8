// Freshness of recorded results (cache::apply_freshness) and the typed list results
// of the snapshot JSON: the names appear only on disk, an unknown one is refused.
#include "eutl/cache/snapshot_freshness.h"

#include <gtest/gtest.h>

#include "tests/support/instant.h"

namespace eutl::cache {
namespace {

using test::at;

ListRecord list(verify::ListStatus result, const char* next_update) {
  ListRecord r;
  r.territory = "AA";
  r.result = result;
  if (*next_update != '\0') {
    r.next_update = tsl::parse_datetime(next_update).value().time;
  }
  return r;
}

TEST(SnapshotFreshness, AValidListPastNextUpdateBecomesExpiredWithItsReason) {
  Snapshot s;
  s.lists = {list(verify::ListStatus::kValid, "2025-07-01T00:00:00Z")};
  apply_freshness(s, at("2025-08-01T00:00:00Z"));
  EXPECT_EQ(s.lists[0].result, verify::ListStatus::kExpired);
  ASSERT_EQ(s.lists[0].reasons.size(), 1u);
  EXPECT_EQ(s.lists[0].reasons[0].code, "expired");
  EXPECT_EQ(s.lists[0].reasons[0].message, "NextUpdate 2025-07-01T00:00:00Z is before 2025-08-01T00:00:00Z");
}

TEST(SnapshotFreshness, BeforeNextUpdateAClosedListOrAnotherResultIsKept) {
  Snapshot s;
  s.lists = {list(verify::ListStatus::kValid, "2025-07-01T00:00:00Z"), list(verify::ListStatus::kValid, ""),
             list(verify::ListStatus::kInvalid, "2025-01-01T00:00:00Z")};
  apply_freshness(s, at("2025-03-01T00:00:00Z"));
  EXPECT_EQ(s.lists[0].result, verify::ListStatus::kValid);
  apply_freshness(s, at("2026-03-01T00:00:00Z"));
  EXPECT_EQ(s.lists[1].result, verify::ListStatus::kValid);
  EXPECT_EQ(s.lists[2].result, verify::ListStatus::kInvalid);
  EXPECT_TRUE(s.lists[1].reasons.empty());
  EXPECT_TRUE(s.lists[2].reasons.empty());
}

TEST(SnapshotJsonResults, NamesRoundTripAndAnUnknownNameIsRefused) {
  Snapshot s;
  s.lotl = list(verify::ListStatus::kExpired, "");
  s.lotl.fetch.result = verify::ListStatus::kInvalid;
  s.lists = {list(verify::ListStatus::kIndeterminate, "")};
  const std::string json = snapshot_to_json(s);
  EXPECT_NE(json.find("\"result\": \"expired\""), std::string::npos);
  EXPECT_NE(json.find("\"result\": \"invalid\""), std::string::npos);
  EXPECT_NE(json.find("\"result\": \"\""), std::string::npos);  // an attempt not verified
  auto back = snapshot_from_json(json, "id");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->lotl.result, verify::ListStatus::kExpired);
  EXPECT_EQ(back->lotl.fetch.result, verify::ListStatus::kInvalid);
  EXPECT_FALSE(back->lists[0].fetch.result.has_value());
  EXPECT_EQ(snapshot_to_json(*back), json);

  std::string bad = json;
  bad.replace(bad.find("\"expired\""), 9, "\"stale\"");
  auto refused = snapshot_from_json(bad, "id");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kMalformed);
}

}  // namespace
}  // namespace eutl::cache
