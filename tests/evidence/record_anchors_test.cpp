// What a record shows of its anchors (include/eutl/evidence/record_anchors.h): each fact
// is the certificate's own, the bundled Official Journal notices name the anchors they
// announce, and a record made with the facts worked out beforehand is the record made
// without them, byte for byte.
#include "eutl/evidence/record_anchors.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "eutl/trusted_lists.h"
#include "eutl/verify/certificate_headline.h"
#include "eutl/verify/oj_notices.h"
#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;

TEST(RecordAnchors, AreEachCertificatesOwnFactsInOrder) {
  EUTL_REQUIRE_FIXTURES();
  auto fixture = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  ASSERT_TRUE(fixture);
  ASSERT_FALSE(fixture->empty());
  const std::vector<verify::OjNoticeCertificate> bundled = verify::bundled_oj_notice_certificates();
  ASSERT_FALSE(bundled.empty());
  const tsl::Bytes not_a_certificate{0x30, 0x03, 0x02, 0x01, 0x05};
  const std::vector<tsl::Bytes> lotl{bundled.front().der, fixture->front(), not_a_certificate};
  const std::vector<tsl::Bytes> signers{fixture->front()};

  const RecordAnchors a = record_anchors(lotl, signers);
  ASSERT_EQ(a.lotl_anchors.size(), lotl.size());
  ASSERT_EQ(a.tl_signers.size(), signers.size());
  for (std::size_t i = 0; i < lotl.size(); ++i) {
    const RecordAnchor& r = a.lotl_anchors[i];
    EXPECT_EQ(r.der.der_base64, tsl::base64_encode(lotl[i])) << i;
    EXPECT_EQ(r.der.sha256, tsl::sha256(lotl[i])) << i;
    const auto headline = verify::readable_headline(lotl[i]);
    EXPECT_EQ(r.der.subject.has_value(), headline.has_value()) << i;
    if (headline) {
      EXPECT_EQ(*r.der.subject, headline->subject) << i;
      EXPECT_EQ(r.not_before, headline->not_before) << i;
      EXPECT_EQ(r.not_after, headline->not_after) << i;
    }
  }
  // The bundled notice announces its own certificate; the fixture PKI's anchor and
  // bytes that are no certificate are announced by none and have no subject or dates.
  EXPECT_EQ(a.lotl_anchors[0].oj_references, verify::oj_references_of(bundled, bundled.front().der));
  EXPECT_FALSE(a.lotl_anchors[0].oj_references.empty());
  EXPECT_TRUE(a.lotl_anchors[1].oj_references.empty());
  EXPECT_TRUE(a.lotl_anchors[1].der.subject.has_value());
  EXPECT_FALSE(a.lotl_anchors[2].der.subject.has_value());
  EXPECT_FALSE(a.lotl_anchors[2].not_before.has_value());
  EXPECT_FALSE(a.lotl_anchors[2].not_after.has_value());
  EXPECT_EQ(a.tl_signers[0].der.der_base64, a.lotl_anchors[1].der.der_base64);
}

class RecordAnchorsRecordTest : public test::FixtureRecordTest {};

TEST_F(RecordAnchorsRecordTest, GivenBeforehandTheyMakeTheSameRecordByteForByte) {
  auto lists = cache::load_snapshot_lists(*m_store, m_snapshot, m_snapshot.validation_time);
  ASSERT_TRUE(lists);
  const RecordAnchors anchors = record_anchors(lists->lotl_anchors, {});
  for (const char* cert : {"certs/qes-natural.pem", "certs/ovcp-web.pem"}) {
    const std::string worked_out = test::make_record(*m_store, m_snapshot, cert, "2025-03-01T00:00:00Z", "qes");
    const std::string given =
        test::make_record(*m_store, m_snapshot, cert, "2025-03-01T00:00:00Z", "qes", &anchors);
    ASSERT_FALSE(worked_out.empty()) << cert;
    EXPECT_EQ(given, worked_out) << cert;
  }
  // The facts given are the ones written: in the anchors and in the evidence matrix.
  RecordAnchors other = anchors;
  ASSERT_FALSE(other.lotl_anchors.empty());
  other.lotl_anchors.front().der.subject = "CN=Given Beforehand";
  other.lotl_anchors.front().oj_references = {"OJ C 999/2099"};
  const std::string record =
      test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes", &other);
  EXPECT_NE(record.find("\"subject\": \"CN=Given Beforehand\""), std::string::npos);
  EXPECT_NE(record.find("LOTL signer CN=Given Beforehand"), std::string::npos);
  EXPECT_NE(record.find("Official Journal notice OJ C 999/2099"), std::string::npos);

  // Facts of other certificates (here: the bundled anchors) are not written: the record
  // is the one made without them.
  std::vector<tsl::Bytes> bundled;
  for (const auto& c : verify::bundled_oj_notice_certificates()) {
    bundled.push_back(c.der);
  }
  const RecordAnchors others = record_anchors(bundled, {});
  const RecordAnchors one_more = record_anchors(lists->lotl_anchors, lists->lotl_anchors);
  const std::string plain =
      test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes");
  for (const RecordAnchors* wrong : {&others, &one_more}) {
    EXPECT_EQ(test::make_record(*m_store, m_snapshot, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes", wrong),
              plain);
  }
}

TEST(RecordAnchorsOfTrustedLists, AreWorkedOutOnceAndShared) {
  EUTL_REQUIRE_FIXTURES();
  ListSource source;
  source.files = {test::fixtures() / "lists"};
  source.lotl_anchors = *verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  auto lists = TrustedLists::load(source, test::at("2025-03-01T00:00:00Z"));
  ASSERT_TRUE(lists);
  std::vector<const RecordAnchors*> seen(4, nullptr);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) {
      threads.emplace_back([&, i] { seen[i] = &lists->record_anchors(); });
    }
  }
  for (const RecordAnchors* p : seen) {
    EXPECT_EQ(p, seen.front());
  }
  const RecordAnchors fresh = record_anchors(lists->lotl_anchors(), lists->tl_signers());
  ASSERT_EQ(seen.front()->lotl_anchors.size(), fresh.lotl_anchors.size());
  for (std::size_t i = 0; i < fresh.lotl_anchors.size(); ++i) {
    EXPECT_EQ(seen.front()->lotl_anchors[i].der.der_base64, fresh.lotl_anchors[i].der.der_base64);
    EXPECT_EQ(seen.front()->lotl_anchors[i].der.subject, fresh.lotl_anchors[i].der.subject);
    EXPECT_EQ(seen.front()->lotl_anchors[i].oj_references, fresh.lotl_anchors[i].oj_references);
  }
}

}  // namespace
}  // namespace eutl::evidence
