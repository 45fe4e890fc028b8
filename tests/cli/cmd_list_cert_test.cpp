// `eutl list --cert FILE`: the services whose digital identity is that certificate,
// matched by public key and subject name (ETSI TS 119 612 §5.5.3; eutl::
// services_identified_by): the listed certificate itself, a renewal of it for the same
// key and name, but not a certificate with the same name and another key, nor one the
// service issued. A file that is not a certificate is a usage error naming it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/product_cli_support.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

std::string pki(const char* name) { return "'" + (fixtures() / "pki" / name).string() + "'"; }

CommandResult list_cert(const std::string& file, const std::string& redirect = " 2>/dev/null") {
  return run_command(cli() + " list --json" + fixture_list_args() + " --cert " + file + redirect);
}

class ListCert : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "pki/ca-qc-AA.pem")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    m_dir = fresh_store_dir("list-cert");
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(ListCert, TheListedCertificateFindsItsService) {
  auto r = list_cert(pki("ca-qc-AA.pem"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  json rows = json::parse(r.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["territory"], "AA");
  EXPECT_EQ(rows[0]["service_name"], "Alpha Qualified CA 1");
  EXPECT_EQ(rows[0]["identity_match"], "same-certificate");

  auto bb = list_cert(pki("ca-qwac-BB.pem"));
  ASSERT_EQ(bb.exit_code, 0);
  json b = json::parse(bb.out);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0]["service_name"], "Beta Qualified Website CA");

  // The text table shows the same service.
  auto text = run_command(cli() + " list" + fixture_list_args() + " --cert " + pki("ca-qc-AA.pem") + " 2>&1");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("Alpha Qualified CA 1"));
  EXPECT_THAT(text.out, HasSubstr("1 of "));
}

TEST_F(ListCert, ARenewalForTheSameKeyAndNameMatches) {
  // Re-signed with the same key and subject, another validity: other certificate bytes.
  const fs::path renewed = m_dir / "renewed.pem";
  auto made = run_command("openssl x509 -in " + pki("ca-qc-AA.pem") + " -signkey " + pki("ca-qc-AA.key") +
                          " -days 400 -out '" + renewed.string() + "' 2>&1");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  ASSERT_NE(read_all(renewed), read_all(fixtures() / "pki/ca-qc-AA.pem"));
  auto r = list_cert("'" + renewed.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  json rows = json::parse(r.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["service_name"], "Alpha Qualified CA 1");
  EXPECT_EQ(rows[0]["identity_match"], "same-key-and-subject");
}

TEST_F(ListCert, SameNameOtherKeyOrAnIssuedCertificateMatchNothing) {
  // ca-lookalike-AA: the subject of ca-qc-AA with another key.
  auto lookalike = list_cert(pki("ca-lookalike-AA.pem"), " 2>&1 >/dev/null");
  EXPECT_EQ(lookalike.exit_code, 1);
  EXPECT_THAT(lookalike.out, HasSubstr("no service of the valid lists has the certificate of"));
  auto json_out = list_cert(pki("ca-lookalike-AA.pem"));
  EXPECT_EQ(json::parse(json_out.out), json::array());
  // An end-entity certificate issued by ca-qc-AA is not the service's identity.
  auto leaf = list_cert("'" + (fixtures() / "certs/qes-natural.pem").string() + "'", " 2>&1 >/dev/null");
  EXPECT_EQ(leaf.exit_code, 1);
  EXPECT_THAT(leaf.out, HasSubstr("'eutl check' finds the service that issued a certificate"));
}

TEST_F(ListCert, AFileThatIsNotACertificateIsAUsageErrorNamingIt) {
  const fs::path junk = m_dir / "notes.txt";
  std::ofstream(junk) << "not a certificate\n";
  auto r = list_cert("'" + junk.string() + "'", " 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("eutl: --cert " + junk.string() + ": not a certificate"));
  auto missing = list_cert("'" + (m_dir / "absent.pem").string() + "'", " 2>&1 >/dev/null");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.out, HasSubstr("--cert " + (m_dir / "absent.pem").string()));
}

// The real 2026 set: CA certificates of ../shared/realdata/certs/ca find their services.
class ListCertRealData : public Real2026StoreTest {
 protected:
  static json list(const std::string& args) { return list_json(args); }
  static std::string ca(const std::string& prefix) {
    for (const auto& e : fs::directory_iterator(realdata() / "certs/ca")) {
      if (e.path().filename().string().rfind(prefix, 0) == 0) {
        return shell_quote(e.path());
      }
    }
    ADD_FAILURE() << "no " << prefix << "* in certs/ca";
    return "";
  }
};

TEST_F(ListCertRealData, CaCertificatesFindTheirServices) {
  json harica = list("--cert " + ca("EL-HARICA-Qualified-Web-Authentication"));
  ASSERT_TRUE(harica.is_array());
  ASSERT_EQ(harica.size(), 1u);
  EXPECT_EQ(harica[0]["territory"], "EL");
  EXPECT_EQ(harica[0]["service_name"], "HARICA Qualified Web Authentication Certificates RSA");
  EXPECT_EQ(harica[0]["identity_match"], "same-certificate");
  // Combined with the other filters: the same service is listed for website authentication.
  EXPECT_EQ(list("--cert " + ca("EL-HARICA-Qualified-Web-Authentication") + " --for wsa").size(), 1u);

  json disig = list("--cert " + ca("SK-CA-Disig-QCA3"));
  ASSERT_EQ(disig.size(), 1u);
  EXPECT_EQ(disig[0]["territory"], "SK");
  EXPECT_EQ(disig[0]["service_name"], "(73) CA Disig QCA3");
}

}  // namespace
}  // namespace eutl::test
