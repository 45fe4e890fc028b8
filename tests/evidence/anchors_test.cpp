// What an evidence record may be trusted for: only the LOTL anchors the caller trusts
// (never the record's own), one meaning per record (no repeated JSON keys), and lists
// that are gone are "inputs missing", not tampering.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eutl/evidence/evidence.h"
#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<tsl::Bytes> pem(const std::string& fixture) {
  auto a = verify::load_pem_certificates(test::fixtures() / fixture);
  EXPECT_TRUE(a.has_value()) << fixture;
  return a ? *a : std::vector<tsl::Bytes>{};
}

std::string all(const EvidenceCheck& c) {
  std::string out;
  for (const auto& d : c.differences) {
    out += d.where + ": " + d.message + "\n";
  }
  return out;
}

class EvidenceTrust : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(std::string("trust-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = cache::Store::open(m_dir / "store");
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
    // Imported from copies, so that a test can make the recorded source paths vanish.
    m_snapshot = test::import_fixture_lists(*m_store, test::fixture_set(), m_dir / "lists");
    m_record = test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes");
    ASSERT_FALSE(m_record.empty());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  EvidenceCheck verify(const std::string& record, EvidenceSources s) {
    auto r = verify_evidence(record, s);
    EXPECT_TRUE(r.has_value());
    return r ? *r : EvidenceCheck{};
  }
  EvidenceSources from_store() const {
    EvidenceSources s;
    s.store = m_dir / "store";
    return s;
  }

  fs::path m_dir;
  std::optional<cache::Store> m_store;
  cache::Snapshot m_snapshot;
  std::string m_record;
};

struct AnchorCase {
  const char* name;
  std::vector<std::string> trusted;  // PEM fixtures the caller trusts
  EvidenceOutcome expected;
};

// The record was made with oj-anchor-1 + oj-anchor-2 (pki/oj-anchors.pem).
TEST_F(EvidenceTrust, RecordAnchorsMustAllBeAmongTheCallersAnchors) {
  const AnchorCase cases[] = {
      {"the same anchors", {"pki/oj-anchors.pem"}, EvidenceOutcome::kSame},
      {"a superset", {"pki/oj-anchors.pem", "pki/oj-anchor-rsa.pem"}, EvidenceOutcome::kSame},
      {"a different anchor set", {"pki/oj-anchor-rsa.pem"}, EvidenceOutcome::kUntrustedAnchors},
      {"only the anchor that signs nothing", {"pki/oj-anchor-2.pem"}, EvidenceOutcome::kUntrustedAnchors},
      {"no anchors at all", {}, EvidenceOutcome::kUntrustedAnchors},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EvidenceSources s = from_store();
    s.trusted_anchors.emplace();
    for (const auto& f : c.trusted) {
      for (auto& a : pem(f)) {
        s.trusted_anchors->push_back(std::move(a));
      }
    }
    EvidenceCheck chk = verify(m_record, s);
    EXPECT_EQ(chk.outcome, c.expected) << all(chk);
    EXPECT_EQ(chk.same, c.expected == EvidenceOutcome::kSame);
    if (c.expected == EvidenceOutcome::kUntrustedAnchors) {
      EXPECT_EQ(chk.verdict, RecordVerdict::kNone) << "the decision must not be re-run on untrusted anchors";
      EXPECT_NE(all(chk).find("lotl_anchors"), std::string::npos) << all(chk);
    }
  }
}

// A record made on a PKI of one's own, checked by someone whose store was filled with
// other anchors: the store's anchors decide, and the record is refused.
TEST_F(EvidenceTrust, StoreFilledWithOtherAnchorsRefusesTheRecord) {
  auto other = cache::Store::open(m_dir / "other-store");
  ASSERT_TRUE(other);
  cache::Snapshot snap = test::import_fixture_lists(*other, {"pss/lotl-pss.xml"}, {}, "pki/oj-anchor-rsa.pem");
  ASSERT_FALSE(snap.id.empty());
  EvidenceSources s;
  s.store = m_dir / "other-store";
  EvidenceCheck chk = verify(m_record, s);
  EXPECT_EQ(chk.outcome, EvidenceOutcome::kUntrustedAnchors) << all(chk);
  EXPECT_NE(all(chk).find("store snapshot " + snap.id), std::string::npos) << all(chk);
  // The same record against the store it was made with re-verifies.
  EXPECT_EQ(verify(m_record, from_store()).outcome, EvidenceOutcome::kSame) << all(verify(m_record, from_store()));
}

TEST_F(EvidenceTrust, NoStoreAndNoAnchorsGivenIsNotTrusted) {
  EvidenceCheck chk = verify(m_record, EvidenceSources{});
  EXPECT_EQ(chk.outcome, EvidenceOutcome::kUntrustedAnchors) << all(chk);
  EXPECT_NE(all(chk).find("never trusted"), std::string::npos) << all(chk);
}

// nlohmann keeps the last copy of a repeated key, so a key repeated before the real one
// leaves the integrity digest intact: only the strict parse sees it.
TEST_F(EvidenceTrust, RepeatedKeyAnywhereMakesTheRecordInvalid) {
  struct Case {
    const char* name;
    std::string anchor;  // text after which the repeated key is inserted
    std::string insert;
    const char* path;
  };
  const Case cases[] = {
      {"top-level verdict", "{\n", "  \"verdict\": \"refuted\",\n", "verdict"},
      {"nested in the question", "\"question\": {\n", "    \"at\": \"2030-01-01T00:00:00Z\",\n", "question.at"},
      {"inside a list entry", "\"lists\": [\n    {\n", "      \"result\": \"invalid\",\n", "lists[].result"},
  };
  ASSERT_EQ(verify(m_record, from_store()).outcome, EvidenceOutcome::kSame);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = m_record;
    const auto pos = text.find(c.anchor);
    ASSERT_NE(pos, std::string::npos) << c.anchor;
    text.insert(pos + c.anchor.size(), c.insert);
    // Without the strict parse the text reads as the original record.
    ASSERT_EQ(json::parse(text), json::parse(m_record));
    EXPECT_TRUE(is_evidence_record(text));
    EvidenceCheck chk = verify(text, from_store());
    EXPECT_EQ(chk.outcome, EvidenceOutcome::kDiffers) << all(chk);
    EXPECT_NE(all(chk).find("\"" + std::string(c.path) + "\" appears twice"), std::string::npos) << all(chk);
  }
}

TEST_F(EvidenceTrust, PrunedListsAreInputsMissingNotTampering) {
  const json rec = json::parse(m_record);
  const std::string hex = rec["lists"][1]["sha256"];
  fs::remove(m_dir / "store" / "blobs" / hex.substr(0, 2) / hex);
  fs::remove_all(m_dir / "lists");  // the recorded source paths are gone too
  EvidenceCheck chk = verify(m_record, from_store());
  EXPECT_EQ(chk.outcome, EvidenceOutcome::kInputsMissing) << all(chk);
  EXPECT_FALSE(chk.same);
  EXPECT_EQ(chk.verdict, RecordVerdict::kNone);
  EXPECT_NE(all(chk).find("input missing: no bytes with SHA-256 " + hex), std::string::npos) << all(chk);

  // Missing inputs and an edited field: the edit wins (tampering is the stronger finding).
  json edited = rec;
  edited["checked_at"] = "2030-01-01T00:00:00Z";
  chk = verify(edited.dump(2), from_store());
  EXPECT_EQ(chk.outcome, EvidenceOutcome::kDiffers) << all(chk);
}

TEST(EvidenceRecordShape, WhatIsNotARecordIsSaidSo) {
  EXPECT_FALSE(is_evidence_record("{}"));
  EXPECT_FALSE(is_evidence_record("[]"));
  EXPECT_FALSE(is_evidence_record("{\"schema\": \"eutl-evidence/4\"}"));
  EXPECT_FALSE(is_evidence_record("{\"results\": {\"overall\": {\"status\": \"qualified\"}}}"));  // check --json
  EXPECT_FALSE(is_evidence_record("not json"));
  EXPECT_TRUE(is_evidence_record("{\"schema\": \"eutl-evidence/1\"}"));
  EXPECT_TRUE(is_evidence_record("{\"schema\": \"eutl-evidence/2\"}"));
  EXPECT_TRUE(is_evidence_record("{\"schema\": \"eutl-evidence/3\"}"));
  auto chk = verify_evidence("{}", EvidenceSources{});
  ASSERT_TRUE(chk);
  EXPECT_EQ(chk->outcome, EvidenceOutcome::kNotARecord);
  EXPECT_EQ(to_string(EvidenceOutcome::kInputsMissing), "inputs-missing");
}

}  // namespace
}  // namespace eutl::evidence
