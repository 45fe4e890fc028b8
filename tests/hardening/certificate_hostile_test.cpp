// Hostile certificates for both certificate readers (tsl::CertificateBlob, the strict
// DER walk every listed certificate goes through, and verify::read_certificate_profile,
// OpenSSL plus our qcStatements walk): truncated and padded DER, malformed QC
// statements, negative serials, huge extensions. Each must end in a clear error or a
// correct reading, never a crash, and never a QC type that is not there.
//
// The certificates are made here by the openssl CLI (a third-party tool), in a
// temporary directory, with deliberately broken extension bytes.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "eutl/tsl/certificate_blob.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/certificate_profile.h"
#include "tests/test_paths.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;

class HardeningCertificate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = fs::temp_directory_path() / ("eutl-hostile-certs-" + std::to_string(::getpid()));
    fs::create_directories(s_dir);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(s_dir, ec);
  }

  // A self-signed P-256 certificate made by `openssl req -x509` with the given serial
  // and extra extension config lines; returns its DER (empty when openssl refused).
  static tsl::Bytes make(const std::string& name, const std::string& serial, const std::string& extensions) {
    const fs::path cnf = s_dir / (name + ".cnf");
    std::ofstream(cnf) << "[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=" << name
                       << "\nC=AA\n[ext]\nbasicConstraints=CA:false\n"
                       << extensions << "\n";
    const fs::path der = s_dir / (name + ".der");
    std::string cmd = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout '" +
                      (s_dir / (name + ".key")).string() + "' -config '" + cnf.string() + "' -set_serial " + serial +
                      " -days 30 -outform DER -out '" + der.string() + "' 2>&1";
    auto r = test::run_command(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd << "\n" << r.out;
    auto bytes = tsl::read_file(der);
    return bytes ? *bytes : tsl::Bytes{};
  }

  static inline fs::path s_dir;
};

// EN 319 412-5 OIDs in DER: 0.4.0.1862.1.1 = 06 06 04 00 8E 46 01 01.
constexpr const char* kQcComplianceDer = "3008060604008E460101";

TEST_F(HardeningCertificate, WellFormedQcStatementsAsABaseline) {
  auto der = make("baseline", "12345", std::string("1.3.6.1.5.5.7.1.3=DER:300A") + kQcComplianceDer);
  ASSERT_FALSE(der.empty());
  auto p = read_certificate_profile(der);
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_TRUE(p->qc.compliance);
  EXPECT_TRUE(tsl::CertificateBlob::from_der(der).has_value());
}

TEST_F(HardeningCertificate, MalformedQcStatementsAreAClearErrorOrNoClaim) {
  struct Case {
    const char* name;
    const char* value;  // the qcStatements extension value, hex
  };
  const Case cases[] = {
      {"inner-length-overruns", "3006300306050400"},
      {"indefinite-length", "3080300806060400" "8E4601010000"},
      {"outer-not-a-sequence", "0403010203"},
      {"empty-statement", "30023000"},
      {"statement-id-not-an-oid", "300530030401FF"},
      {"oid-with-unterminated-arc", "30053003060188"},
      {"qctype-value-not-a-sequence",
       "300F300D060604008E4601060403060101"},
      {"qctype-huge-arc", "3019301706060400" "8E460106300D060BFFFFFFFFFFFFFFFFFFFF7F"},
      {"long-form-length-for-a-short-value", "30810A" "3008060604008E460101"},
      {"trailing-bytes-after-the-sequence", "300A3008060604008E46010100"},
  };
  for (const auto& c : cases) {
    auto der = make(c.name, "7", std::string("1.3.6.1.5.5.7.1.3=DER:") + c.value);
    ASSERT_FALSE(der.empty()) << c.name;
    auto blob = tsl::CertificateBlob::from_der(der);  // the list walk does not read QC statements
    EXPECT_TRUE(blob.has_value()) << c.name << ": " << (blob ? "" : blob.error().message);
    auto p = read_certificate_profile(der);
    if (!p) {
      EXPECT_EQ(p.error().code, Errc::kMalformed) << c.name;
      EXPECT_FALSE(p.error().message.empty()) << c.name;
      continue;
    }
    // Read anyway: then nothing may be claimed that the bytes do not say.
    EXPECT_FALSE(p->has_qc_type(QcType::kESign)) << c.name;
    EXPECT_FALSE(p->has_qc_type(QcType::kESeal)) << c.name;
    EXPECT_FALSE(p->has_qc_type(QcType::kWeb)) << c.name;
    EXPECT_FALSE(p->qc.sscd) << c.name;
  }
}

TEST_F(HardeningCertificate, NegativeSerialIsReadAndFlagged) {
  // RFC 5280 §4.1.2.2 requires a positive serial; real lists still carry a few.
  auto der = make("negative-serial", "-5", "");
  ASSERT_FALSE(der.empty());
  auto blob = tsl::CertificateBlob::from_der(der);
  ASSERT_TRUE(blob.has_value()) << blob.error().message;
  ASSERT_EQ(blob->serial().size(), 3u);  // 02 01 FB
  EXPECT_EQ(blob->serial()[2], 0xFB);
  auto p = read_certificate_profile(der);
  ASSERT_TRUE(p.has_value()) << p.error().message;
  // Kept as read (BN_bn2hex gives "-05"), and flagged as an RFC 5280 anomaly.
  EXPECT_EQ(p->serial_hex, "-05");
  bool flagged = false;
  for (const auto& a : p->anomalies) flagged = flagged || a.rfind("serial-not-positive", 0) == 0;
  EXPECT_TRUE(flagged);
}

TEST_F(HardeningCertificate, HugeExtensionsAreReadQuickly) {
  // A 60,000-byte unknown extension (non-critical) and 2,000 QcCompliance statements.
  std::string big(120000, 'A');
  std::string many;
  for (int i = 0; i < 2000; ++i) many += kQcComplianceDer;
  // 2000 * 10 bytes = 20000 = 0x4E20.
  auto der = make("huge", "9", "1.2.3.4.5=DER:" + big + "\n1.3.6.1.5.5.7.1.3=DER:30824E20" + many);
  ASSERT_FALSE(der.empty());
  auto start = std::chrono::steady_clock::now();
  auto blob = tsl::CertificateBlob::from_der(der);
  auto p = read_certificate_profile(der);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(blob.has_value()) << blob.error().message;
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_TRUE(p->qc.compliance);
  EXPECT_TRUE(p->unknown_critical_extensions.empty());
  EXPECT_LT(ms, 1000) << "issue 8 bound: a hostile certificate is handled within 1 s";
}

TEST_F(HardeningCertificate, EveryTruncationAndATrailingByteAreRefused) {
  auto file = tsl::read_file(test::fixtures() / "certs/qes-natural.pem");
  ASSERT_TRUE(file.has_value());
  auto certs = read_certificate_file(test::fixtures() / "certs/qes-natural.pem");
  ASSERT_TRUE(certs.has_value() && certs->size() == 1);
  const tsl::Bytes& der = certs->front();
  for (std::size_t n = 0; n < der.size(); ++n) {
    tsl::Bytes cut(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(tsl::CertificateBlob::from_der(cut).has_value()) << n;
    EXPECT_FALSE(read_certificate_profile(cut).has_value()) << n;
  }
  tsl::Bytes longer = der;
  longer.push_back(0);
  EXPECT_FALSE(tsl::CertificateBlob::from_der(longer).has_value());
  EXPECT_FALSE(read_certificate_profile(longer).has_value());
  EXPECT_TRUE(read_certificate_profile(der).has_value());
}

}  // namespace
}  // namespace eutl::verify
