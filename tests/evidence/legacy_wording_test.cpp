// Records written by earlier eutl versions with wordings since corrected still
// re-verify, for exactly that earlier text in exactly that field: the Official Journal
// rows of the matrix (before each named its own anchor's notice) and the crosswalk of
// TS 101 456 policies (once called "Part 2"). Any other change to those fields differs.
#include "evidence/legacy_wording.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kLegacySource =
    "Official Journal notice OJ C 276/2019, named in the LOTL's SchemeInformationURI";
constexpr const char* kLegacyClaim = "LOTL signing certificate published in the Official Journal: the root of trust";

class LegacyWordingTest : public test::FixtureRecordTest {
 protected:
  json record(const char* cert = "certs/qes-natural.pem", const char* claim = "qes") {
    return json::parse(test::make_record(*m_store, m_snapshot, cert, "2025-03-01T00:00:00Z", claim));
  }
  // The record with `edit` applied to every OJ row, sealed again (a new integrity digest).
  std::string edited(json rec, const std::function<void(json&)>& edit) {
    for (json& row : rec["evidence_matrix"]) {
      if (row["kind"] == "official-journal-anchor") {
        edit(row);
      }
    }
    return sealed(rec);
  }
  static std::string sealed(const json& rec) {
    auto read = from_json(rec.dump());
    EXPECT_TRUE(read.record);
    return read.record ? to_json(*read.record) : std::string();
  }
};

TEST_F(LegacyWordingTest, RecordsWithTheEarlierWordingStillReverify) {
  const std::string legacy = edited(record(), [](json& row) {
    row["source"] = kLegacySource;
    row["claim"] = kLegacyClaim;
  });
  const EvidenceCheck c = verify(legacy);
  EXPECT_TRUE(c.same) << differences(c);
  EXPECT_EQ(c.verdict, RecordVerdict::kConfirmed);
}

TEST_F(LegacyWordingTest, AnyOtherWordingOfTheRowsDiffers) {
  for (const char* source : {"Official Journal notice OJ C/2026/1944", "Official Journal notice OJ C 276/2019"}) {
    const std::string changed = edited(record(), [&](json& row) { row["source"] = source; });
    const EvidenceCheck c = verify(changed);
    EXPECT_FALSE(c.same) << source;
    EXPECT_NE(differences(c).find("evidence_matrix"), std::string::npos) << differences(c);
  }
  // The earlier source with a claim it never had is not the earlier wording either.
  const std::string half = edited(record(), [](json& row) {
    row["source"] = kLegacySource;
    row["claim"] = "anything";
  });
  EXPECT_FALSE(verify(half).same);
}

TEST_F(LegacyWordingTest, TheEarlierPart2WordingOfATs101456PolicyStillReverifies) {
  json rec = record("certs/pre-eidas-qcp-plus.pem", "");
  ASSERT_EQ(rec["crosswalk"].size(), 1u) << rec["crosswalk"].dump();
  const std::string now = rec["crosswalk"][0]["missing"];
  ASSERT_EQ(now.rfind("TS 101 456 qualified policy QCP+ present, but ", 0), 0u) << now;
  EXPECT_TRUE(verify(sealed(rec)).same);
  const std::string then = "Part 2 policy QCP+ present, but " + now.substr(now.find(", but ") + 6);
  rec["crosswalk"][0]["missing"] = then;
  rec["crosswalk"][0]["note"] = then;
  const EvidenceCheck c = verify(sealed(rec));
  EXPECT_TRUE(c.same) << differences(c);
  // Another text in its place is a difference.
  rec["crosswalk"][0]["note"] = "Part 2 policy QCP+ present, and qualified";
  EXPECT_FALSE(verify(sealed(rec)).same);
}

}  // namespace
}  // namespace eutl::evidence
