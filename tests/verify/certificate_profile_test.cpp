#include "eutl/verify/certificate_profile.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/verify/qualification_test_support.h"

namespace eutl::verify {
namespace {

using test::der_tlv;
using test::qc_statement;

bool has_anomaly(const CertificateProfile& p, const std::string& prefix) {
  return std::any_of(p.anomalies.begin(), p.anomalies.end(),
                     [&](const std::string& a) { return a.rfind(prefix, 0) == 0; });
}

test::Issued self_signed(test::CertSpec spec) { return test::issue(spec, nullptr); }

TEST(CertificateProfile, ReadsEveryQcStatement) {
  test::CertSpec spec;
  spec.policies = "0.4.0.194112.1.2";
  spec.ekus = "1.3.6.1.5.5.7.3.4";
  spec.qc = {qc_statement("0.4.0.1862.1.1"), qc_statement("0.4.0.1862.1.4"), test::qc_type({"0.4.0.1862.1.6.1"}),
             qc_statement("0.4.0.1862.1.3", der_tlv(0x02, {0x0a})),
             qc_statement("0.4.0.1862.1.2", der_tlv(0x30, test::cat({test::der_str(0x13, "EUR"), der_tlv(0x02, {0x64}),
                                                                     der_tlv(0x02, {0x03})}))),
             qc_statement("0.4.0.1862.1.5",
                          der_tlv(0x30, der_tlv(0x30, test::cat({test::der_str(0x16, "https://pds.example/en"),
                                                                 test::der_str(0x13, "en")})))),
             qc_statement("1.3.6.1.5.5.7.11.2", der_tlv(0x30, test::der_oid("0.4.0.194121.1.1")))};
  auto p = read_certificate_profile(self_signed(spec).der);
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_TRUE(p->qc.extension_present);
  EXPECT_TRUE(p->qc.compliance);
  EXPECT_TRUE(p->qc.sscd);
  ASSERT_EQ(p->qc.types.size(), 1u);
  EXPECT_EQ(p->qc.types[0], QcType::kESign);
  EXPECT_EQ(p->qc.retention_period_years, 10);
  ASSERT_TRUE(p->qc.limit_value.has_value());
  EXPECT_EQ(p->qc.limit_value->currency, "EUR");
  EXPECT_EQ(p->qc.limit_value->amount, 100);
  EXPECT_EQ(p->qc.limit_value->exponent, 3);
  ASSERT_EQ(p->qc.pds.size(), 1u);
  EXPECT_EQ(p->qc.pds[0].url, "https://pds.example/en");
  EXPECT_EQ(p->qc.semantics_ids, std::vector<std::string>{"0.4.0.194121.1.1"});
  EXPECT_TRUE(p->anomalies.empty());
  EXPECT_TRUE(p->has_policy("0.4.0.194112.1.2"));
  EXPECT_TRUE(p->has_eku("1.3.6.1.5.5.7.3.4"));
  EXPECT_TRUE(p->has_key_usage(KeyUsageBit::kNonRepudiation));
  EXPECT_FALSE(p->has_key_usage(KeyUsageBit::kKeyCertSign));
  EXPECT_EQ(p->subject, "CN=Test EE,O=Test Org,C=AA");
  EXPECT_EQ(p->ski.size(), 20u);
  EXPECT_NE(std::find(p->subject_dn_attributes.begin(), p->subject_dn_attributes.end(), "2.5.4.10"),
            p->subject_dn_attributes.end());
}

TEST(CertificateProfile, ReportsQcComplianceWithValueTwoQcTypesAndUnknownStatement) {
  test::CertSpec spec;
  spec.qc = {qc_statement("0.4.0.1862.1.1", der_tlv(0x05, {})), test::qc_type({"0.4.0.1862.1.6.1"}),
             test::qc_type({"0.4.0.1862.1.6.2"}), qc_statement("1.2.3.4.5")};
  auto p = read_certificate_profile(self_signed(spec).der);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(p->qc.compliance);
  EXPECT_TRUE(has_anomaly(*p, "qc-unexpected-value"));
  EXPECT_TRUE(has_anomaly(*p, "qc-type-twice"));
  EXPECT_TRUE(has_anomaly(*p, "qc-unknown-statement"));
  EXPECT_EQ(p->qc.types.size(), 2u);
}

TEST(CertificateProfile, ReadsPsd2AndCcLegislation) {
  test::CertSpec spec;
  tsl::Bytes role = der_tlv(0x30, test::cat({test::der_oid("0.4.0.19495.1.1"), test::der_str(0x0c, "PSP_AS")}));
  spec.qc = {qc_statement("0.4.0.19495.2", der_tlv(0x30, test::cat({der_tlv(0x30, role), test::der_str(0x0c, "NCA"),
                                                                   test::der_str(0x0c, "AA-NCA")}))),
             qc_statement("0.4.0.1862.1.7", der_tlv(0x30, test::der_str(0x13, "ZZ")))};
  auto p = read_certificate_profile(self_signed(spec).der);
  ASSERT_TRUE(p.has_value());
  ASSERT_TRUE(p->qc.psd2.has_value());
  EXPECT_EQ(p->qc.psd2->role_names, std::vector<std::string>{"PSP_AS"});
  EXPECT_EQ(p->qc.psd2->nca_id, "AA-NCA");
  EXPECT_TRUE(p->qc.cc_legislation);
  EXPECT_EQ(p->qc.cc_legislation_countries, std::vector<std::string>{"ZZ"});
}

TEST(CertificateProfile, RejectsTrailingBytesInQcStatements) {
  test::CertSpec spec;
  spec.raw_qc = true;
  spec.qc_raw = test::cat({der_tlv(0x30, qc_statement("0.4.0.1862.1.1")), tsl::Bytes{0x00}});
  auto p = read_certificate_profile(self_signed(spec).der);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, Errc::kMalformed);
}

TEST(CertificateProfile, RejectsNonMinimalLengthInQcStatement) {
  test::CertSpec spec;
  spec.raw_qc = true;
  tsl::Bytes oid = test::der_oid("0.4.0.1862.1.1");
  tsl::Bytes stmt{0x30, 0x81, static_cast<std::uint8_t>(oid.size())};
  stmt.insert(stmt.end(), oid.begin(), oid.end());
  spec.qc_raw = der_tlv(0x30, stmt);
  EXPECT_FALSE(read_certificate_profile(self_signed(spec).der).has_value());
}

TEST(CertificateProfile, RejectsNotACertificate) {
  tsl::Bytes junk{0x30, 0x03, 0x02, 0x01, 0x01};
  EXPECT_FALSE(read_certificate_profile(junk).has_value());
}

TEST(CertificateProfile, NoQcStatementsMeansNoClaims) {
  auto p = read_certificate_profile(self_signed(test::CertSpec{}).der);
  ASSERT_TRUE(p.has_value());
  EXPECT_FALSE(p->qc.extension_present);
  EXPECT_FALSE(p->qc.compliance);
  EXPECT_TRUE(p->self_issued);
}

TEST(KeyUsageBitFromName, MapsTrustedListNames) {
  EXPECT_EQ(key_usage_bit_from_name("nonRepudiation"), KeyUsageBit::kNonRepudiation);
  EXPECT_EQ(key_usage_bit_from_name("contentCommitment"), KeyUsageBit::kNonRepudiation);
  EXPECT_EQ(key_usage_bit_from_name("decipherOnly"), KeyUsageBit::kDecipherOnly);
  EXPECT_FALSE(key_usage_bit_from_name("bogus").has_value());
}

}  // namespace
}  // namespace eutl::verify
