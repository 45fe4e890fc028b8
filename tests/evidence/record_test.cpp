// Evidence records against the fixture lists: a record re-verifies from the store,
// and any changed byte (list blob, record, certificate) is named.
#include "eutl/evidence/evidence.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(test::fixtures() / "MANIFEST.txt")) {
      GTEST_SKIP() << "no generated fixtures (fixtures/generate.sh)";
    }
    m_dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = cache::Store::open(m_dir / "store");
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
    m_snapshot = test::import_fixture_lists(*m_store, test::fixture_set());
    m_record = test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes");
    ASSERT_FALSE(m_record.empty());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  EvidenceCheck verify(const std::string& record) {
    EvidenceSources s;
    s.store = m_dir / "store";
    auto r = verify_evidence(record, s);
    EXPECT_TRUE(r.has_value());
    return r ? *r : EvidenceCheck{};
  }

  static std::string all(const EvidenceCheck& c) {
    std::string out;
    for (const auto& d : c.differences) {
      out += d.where + ": " + d.message + "\n";
    }
    return out;
  }

  fs::path m_dir;
  std::optional<cache::Store> m_store;
  cache::Snapshot m_snapshot;
  std::string m_record;
};

TEST_F(EvidenceTest, RecordReverifiesFromTheStore) {
  EvidenceCheck c = verify(m_record);
  EXPECT_TRUE(c.same) << all(c);
  EXPECT_EQ(c.outcome, EvidenceOutcome::kSame);
  EXPECT_EQ(c.verdict, RecordVerdict::kConfirmed);
  EXPECT_EQ(c.recorded_verdict, RecordVerdict::kConfirmed);
}

TEST_F(EvidenceTest, RecordStatesFactsCheckableAgainstIndependentSources) {
  const json rec = json::parse(m_record);
  EXPECT_EQ(rec["schema"], "eutl-evidence/3");
  EXPECT_EQ(rec["snapshot"], m_snapshot.id);
  // tl-AA.xml: seq 7 per fixtures/MANIFEST.txt; its SHA-256 from openssl, not from us.
  auto dgst = test::run_command("openssl dgst -sha256 -r '" + (test::fixtures() / "lists/tl-AA.xml").string() + "'");
  ASSERT_EQ(dgst.exit_code, 0);
  const std::string aa_sha = dgst.out.substr(0, 64);
  const json* aa = nullptr;
  for (const auto& l : rec["lists"]) {
    if (l["territory"] == "AA") {
      aa = &l;
    }
  }
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ((*aa)["sha256"], aa_sha);
  EXPECT_EQ((*aa)["sequence_number"], 7);
  EXPECT_EQ((*aa)["result"], "valid");
  // The certificate digest, again from openssl.
  auto cert = test::run_command("openssl x509 -in '" + (test::fixtures() / "certs/qes-natural.pem").string() +
                                "' -outform DER | openssl dgst -sha256 -r");
  ASSERT_EQ(cert.exit_code, 0);
  EXPECT_EQ(rec["certificate"]["sha256"], cert.out.substr(0, 64));
  // The anchors are carried in full: the OJ file has two certificates.
  EXPECT_EQ(rec["lotl_anchors"].size(), 2u);
  // The service used is in the AA list and its history marks the period that applied.
  ASSERT_FALSE(rec["services"].empty());
  EXPECT_EQ(rec["services"][0]["territory"], "AA");
  EXPECT_EQ(rec["services"][0]["list_sha256"], aa_sha);
  bool applied = false;
  for (const auto& p : rec["services"][0]["history"]) {
    applied = applied || !p["applied_at"].empty();
  }
  EXPECT_TRUE(applied);
  EXPECT_FALSE(rec["trace"].empty());
  for (const auto& e : rec["trace"]) {
    EXPECT_FALSE(e["clause"].get<std::string>().empty()) << e.dump();
  }
}

TEST_F(EvidenceTest, ChangedListBlobIsNamed) {
  const json rec = json::parse(m_record);
  std::string hex;
  for (const auto& l : rec["lists"]) {
    if (l["territory"] == "AA") {
      hex = l["sha256"];
    }
  }
  ASSERT_EQ(hex.size(), 64u);
  const fs::path blob = m_dir / "store" / "blobs" / hex.substr(0, 2) / hex;
  fs::permissions(blob, fs::perms::owner_write, fs::perm_options::add);
  test::flip_byte(blob, 2000);
  EvidenceCheck c = verify(m_record);
  EXPECT_FALSE(c.same);
  EXPECT_EQ(c.outcome, EvidenceOutcome::kDiffers);  // changed bytes are tampering, not a missing input
  const std::string text = all(c);
  EXPECT_NE(text.find("AA"), std::string::npos) << text;
  EXPECT_NE(text.find(hex), std::string::npos) << text;
  EXPECT_NE(text.find("store blob"), std::string::npos) << text;
}

TEST_F(EvidenceTest, EditedRecordFieldIsNamed) {
  json rec = json::parse(m_record);
  for (auto& l : rec["lists"]) {
    if (l["territory"] == "AA") {
      l["sequence_number"] = 8;
    }
  }
  EvidenceCheck c = verify(rec.dump(2));
  EXPECT_FALSE(c.same);
  const std::string text = all(c);
  EXPECT_NE(text.find("modified after it was written"), std::string::npos) << text;
  EXPECT_NE(text.find("sequence_number: recorded 8, re-verified 7"), std::string::npos) << text;
}

TEST_F(EvidenceTest, EditedVerdictIsNamedEvenWithARecomputedDigest) {
  json rec = json::parse(m_record);
  rec["verdict"] = "refuted";
  rec["results"]["claim"]["verdict"] = "refuted";
  rec.erase("integrity");
  rec["integrity"] = {{"algorithm", "sha-256"},
                      {"covers", "x"},
                      {"sha256", tsl::to_hex(tsl::sha256(tsl::as_bytes([&] {
                         json copy = rec;
                         copy.erase("integrity");
                         return copy.dump();
                       }())))}};
  EvidenceCheck c = verify(rec.dump(2));
  EXPECT_FALSE(c.same);
  const std::string text = all(c);
  EXPECT_EQ(text.find("modified after it was written"), std::string::npos) << text;
  EXPECT_NE(text.find("verdict: recorded \"refuted\", re-verified \"confirmed\""), std::string::npos) << text;
}

TEST_F(EvidenceTest, ChangedCertificateByteIsNamed) {
  json rec = json::parse(m_record);
  std::string b64 = rec["certificate"]["der_base64"];
  b64[200] = b64[200] == 'A' ? 'B' : 'A';
  rec["certificate"]["der_base64"] = b64;
  EvidenceCheck c = verify(rec.dump(2));
  EXPECT_FALSE(c.same);
  bool named = false;
  for (const auto& d : c.differences) {
    named = named || (d.where == "certificate" && d.message.find("SHA-256") != std::string::npos);
  }
  EXPECT_TRUE(named) << all(c);
}

TEST_F(EvidenceTest, RecordThatIsNotJsonIsAFinding) {
  EvidenceCheck c = verify(m_record.substr(0, m_record.size() / 2));
  EXPECT_FALSE(c.same);
  EXPECT_EQ(c.outcome, EvidenceOutcome::kNotARecord);
  ASSERT_FALSE(c.differences.empty());
  EXPECT_EQ(c.differences[0].where, "record");
}

// evidence.h: the store's blobs first, then the file path recorded as the list's
// source, for records made from a snapshot too (the bytes count only by SHA-256).
TEST_F(EvidenceTest, MissingBlobIsFoundAtTheRecordedSourcePath) {
  const json rec = json::parse(m_record);
  const std::string hex = rec["lists"][0]["sha256"];
  fs::remove(m_dir / "store" / "blobs" / hex.substr(0, 2) / hex);
  EvidenceCheck c = verify(m_record);
  EXPECT_TRUE(c.same) << all(c);
  bool from_source = false;
  for (const auto& line : c.checked) {
    from_source = from_source || (line.find(hex) != std::string::npos && line.find("source file") != std::string::npos);
  }
  EXPECT_TRUE(from_source);
}

TEST_F(EvidenceTest, RecordMadeEarlierReverifiesAfterTheStoreIsRefreshed) {
  // A newer import (a changed set: CC dropped) moves `current`; the old blobs stay.
  cache::Snapshot newer = test::import_fixture_lists(
      *m_store, {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml", "bad/tl-AA-tampered.xml"});
  auto cur = m_store->current();
  ASSERT_TRUE(cur && *cur);
  EXPECT_NE((*cur)->id, m_snapshot.id);
  EvidenceCheck c = verify(m_record);
  EXPECT_TRUE(c.same) << all(c);
}

}  // namespace
}  // namespace eutl::evidence
