// eutl export --pem: the bundle's certificates, fingerprinted by the openssl CLI,
// are exactly the CA certificates MANIFEST.txt says are granted CA/QC for the use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cli/product_cli_support.h"

namespace eutl::test {
namespace {

std::set<std::string> fingerprints_of(std::initializer_list<const char*> pki_names) {
  std::set<std::string> out;
  for (const char* n : pki_names) {
    out.insert(openssl_fingerprint(fixtures() / "pki" / (std::string(n) + ".pem")));
  }
  return out;
}

std::string export_bundle(const std::string& extra, int* rc, const std::string& at = "2025-03-01") {
  auto r = run_command(cli() + " export --pem --quiet" + fixture_list_args(at) + " " + extra + " 2>/dev/null");
  *rc = r.exit_code;
  return r.out;
}

TEST(CliExport, WebsiteAuthenticationBundleHoldsTheQwacCa) {
  auto scratch = make_scratch("export-wsa");
  int rc = -1;
  std::string bundle = export_bundle("--for wsa", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(bundle_fingerprints(bundle, scratch), fingerprints_of({"ca-qwac-BB"}));
  // A header comment names territory, TSP and service before the certificate.
  EXPECT_NE(bundle.find("# BB / "), std::string::npos);
  EXPECT_LT(bundle.find("# BB / "), bundle.find("-----BEGIN CERTIFICATE-----"));
  std::filesystem::remove_all(scratch);
}

TEST(CliExport, SignatureBundleFollowsTheTimeline) {
  auto scratch = make_scratch("export-esig");
  int rc = -1;
  // 2025-03-01: AA granted; CC withdrawn since 2024-06-01; the critical-extension entry never counts.
  std::string now = export_bundle("--for esig", &rc);
  EXPECT_EQ(rc, 0);
  std::set<std::string> got = bundle_fingerprints(now, scratch);
  EXPECT_TRUE(got.count(openssl_fingerprint(fixtures() / "pki/ca-qc-AA.pem")));
  EXPECT_FALSE(got.count(openssl_fingerprint(fixtures() / "pki/ca-qc-CC.pem")));
  EXPECT_FALSE(got.count(openssl_fingerprint(fixtures() / "pki/ca-critext-AA.pem")));
  EXPECT_FALSE(got.count(openssl_fingerprint(fixtures() / "pki/ca-pkc-AA.pem")));
  EXPECT_FALSE(got.count(openssl_fingerprint(fixtures() / "pki/ca-qwac-BB.pem")));
  // 2024-01-01 (lists still verified in their validity): CC was granted then.
  std::string then = export_bundle("--for esig", &rc, "2024-01-01");
  EXPECT_EQ(rc, 0);
  EXPECT_TRUE(bundle_fingerprints(then, scratch).count(openssl_fingerprint(fixtures() / "pki/ca-qc-CC.pem")));
  std::filesystem::remove_all(scratch);
}

TEST(CliExport, NothingGrantedIsExitOne) {
  int rc = -1;
  std::string bundle = export_bundle("--for wsa", &rc, "2010-06-01");
  EXPECT_EQ(rc, 1);
  EXPECT_EQ(bundle.find("BEGIN CERTIFICATE"), std::string::npos);
  // Only the header, which says what was asked for.
  EXPECT_NE(bundle.find("# EU trusted-list CA certificates: granted CA/QC services for wsa at 2010-06-01T00:00:00Z"),
            std::string::npos)
      << bundle;
}

TEST(CliExport, WritesTheFileOpensslReads) {
  auto scratch = make_scratch("export-file");
  auto out = scratch / "wsa.pem";
  auto r = run_command(cli() + " export --pem --for wsa --quiet" + fixture_list_args() + " -o " + out.string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "") << "with -o the bundle goes to the file, not to stdout";
  // openssl verifies the QWAC against the exported bundle as its only trust anchor.
  auto v = run_command("openssl verify -attime 1740787200 -CAfile " + out.string() + " " +
                       (fixtures() / "certs/qwac.pem").string() + " 2>&1");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  std::filesystem::remove_all(scratch);
}

TEST(CliExport, RequiresAFormat) {
  auto r = run_command(cli() + " export" + fixture_list_args() + " 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, ::testing::HasSubstr("eutl: export: choose the output format: --pem"));
}

}  // namespace
}  // namespace eutl::test
