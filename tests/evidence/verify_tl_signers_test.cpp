// verify_evidence on a record whose national list rests on the caller's signer: the
// store snapshot of an import with RefreshRequest::tl_signers records the signer, the
// record made from it carries `tl_signers` and `lists[].trust`, re-verification uses
// the record's signers and says so, and a record with another signer differs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eutl/evidence/evidence.h"
#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<tsl::Bytes> signer(const char* pem) {
  auto certs = verify::load_pem_certificates(test::fixtures() / "pki" / pem);
  EXPECT_TRUE(certs.has_value()) << pem;
  return certs ? *certs : std::vector<tsl::Bytes>{};
}

class VerifyTlSigners : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = cache::Store::open(m_dir / "store");
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
  }
  void TearDown() override { fs::remove_all(m_dir); }

  cache::Snapshot import_aa(std::vector<tsl::Bytes> tl_signers) {
    cache::RefreshRequest req;
    req.tl_signers = std::move(tl_signers);
    req.at = test::at("2025-03-01T00:00:00Z");
    req.created = req.at;
    auto bytes = tsl::read_file(test::fixtures() / "lists/tl-AA.xml");
    EXPECT_TRUE(bytes.has_value());
    std::vector<cache::ImportFile> in{{(test::fixtures() / "lists/tl-AA.xml").string(), *bytes}};
    auto lock = m_store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    auto verifier = [](std::vector<verify::ListSetInput> i, const verify::ListSetRequest& r) {
      return verify::verify_list_set(std::move(i), r);
    };
    auto report = cache::import_lists(*m_store, *lock, verifier, std::move(in), req);
    EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().message);
    return report ? report->snapshot : cache::Snapshot{};
  }

  // The record of qes-natural.pem at 2025-03-01 against `snap`, with its signers.
  std::string record(const cache::Snapshot& snap) {
    const tsl::TimePoint at = test::at("2025-03-01T00:00:00Z");
    auto lists = cache::load_snapshot_lists(*m_store, snap, at);
    EXPECT_TRUE(lists.has_value());
    auto ders = verify::read_certificate_file(test::fixtures() / "certs/qes-natural.pem");
    auto profile = verify::read_certificate_profile(ders->front());
    tsl::ServiceIndex index = tsl::ServiceIndex::build(verify::valid_index_inputs(lists->lists));
    verify::QualificationEngine engine(index);
    verify::QualificationRequest req;
    req.certificate = &*profile;
    req.at = at;
    req.claim = *verify::parse_claim("qes");
    auto result = engine.decide(req);
    const DecisionLists basis{lists->lists, index, lists->lotl_anchors, at, snap.id, lists->tl_signers};
    auto rec = make_evidence_record(basis, *profile, {}, at, "qes", *result, {"test", at});
    EXPECT_TRUE(rec.has_value());
    return rec ? *rec : "";
  }

  EvidenceCheck verify(const std::string& text) {
    EvidenceSources s;
    s.store = m_dir / "store";
    s.trusted_anchors = std::vector<tsl::Bytes>{};  // no LOTL anchors in these records
    auto r = verify_evidence(text, s);
    EXPECT_TRUE(r.has_value());
    return r ? *r : EvidenceCheck{};
  }

  fs::path m_dir;
  std::optional<cache::Store> m_store;
};

TEST_F(VerifyTlSigners, SnapshotRecordsTheSignerAndTheRecordReverifiesAgainstIt) {
  const cache::Snapshot snap = import_aa(signer("tl-signer-AA.pem"));
  ASSERT_EQ(snap.tl_signer_digests.size(), 1u);
  EXPECT_EQ(snap.tl_signer_digests[0], tsl::sha256(signer("tl-signer-AA.pem").front()));
  ASSERT_EQ(snap.lists.size(), 1u);
  EXPECT_EQ(snap.lists[0].result, verify::ListStatus::kValid);
  EXPECT_EQ(snap.lotl.in_use, cache::InUse::kNone);

  const std::string text = record(snap);
  const json j = json::parse(text);
  ASSERT_EQ(j["tl_signers"].size(), 1u);
  EXPECT_EQ(j["tl_signers"][0]["sha256"], tsl::to_hex(snap.tl_signer_digests[0]));
  EXPECT_EQ(j["lists"][0]["trust"], "caller-signer");

  EvidenceCheck c = verify(text);
  EXPECT_EQ(c.outcome, EvidenceOutcome::kSame);
  EXPECT_EQ(c.verdict, RecordVerdict::kConfirmed);
  std::string checked;
  for (const auto& s : c.checked) {
    checked += s + "\n";
  }
  EXPECT_NE(checked.find("AA rest on the caller's signers in the record, not on the Official Journal"),
            std::string::npos)
      << checked;
}

TEST_F(VerifyTlSigners, ARecordWithAnotherSignerDiffers) {
  json j = json::parse(record(import_aa(signer("tl-signer-AA.pem"))));
  const tsl::Bytes other = signer("tl-signer-BB.pem").front();
  j["tl_signers"][0]["der_base64"] = tsl::base64_encode(other);
  j["tl_signers"][0]["sha256"] = tsl::to_hex(tsl::sha256(other));
  EvidenceCheck c = verify(j.dump());
  EXPECT_EQ(c.outcome, EvidenceOutcome::kDiffers);
  std::string all;
  for (const auto& d : c.differences) {
    all += d.where + ": " + d.message + "\n";
  }
  EXPECT_NE(all.find("lists[0] AA"), std::string::npos) << all;
}

}  // namespace
}  // namespace eutl::evidence
