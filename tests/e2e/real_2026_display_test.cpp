// The v6 service types of the real 2026 lists as `show`, `list` and `show-service`
// print them: readable names (TS 119 612 V2.4.1 §5.5.1) beside the identifiers, and a
// service identified by DigitalId/Other shown with that identifier.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kQSigCd = "RemoteQSigCDManagement/Q";
constexpr const char* kQSigCdName = "qualified management of remote signature creation devices (QSigCD)";
// SE names its remote QSigCD management services by URIs of this form (no certificate).
constexpr const char* kSeUriPrefix = "http://uri.signatur.pts.se/SE";

using test::shell_quote;

class Real2026Display : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_REALDATA();
    if (!fs::exists(test::realdata() / "MANIFEST-2026.md")) {
      GTEST_SKIP() << "no 2026 set in ../shared/realdata";
    }
  }
  // LOTL 390 and SE-seq62, anchored in OJ C/2026/1944, at 2026-08-21.
  static std::string se_lists() {
    const fs::path r = test::realdata();
    return " --lists " + shell_quote(r / "lotl/eu-lotl-seq390-2026-08-03.xml") + " --lists " + shell_quote(r / "tl/2026/SE-seq62.xml") +
           " --lotl-signers " + shell_quote(r / "oj/oj-C2026-1944-lotl-signers.pem") + " --at 2026-08-21T12:00:00Z";
  }
  static json run_json(const std::string& args) {
    auto r = test::run_command(test::cli() + " " + args + " --json 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    auto j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j;
  }
};

TEST_F(Real2026Display, ShowCountsTheServiceTypesWithTheirNames) {
  const fs::path hu = test::realdata() / "tl/2026/HU-seq99.xml";
  const json j = run_json("show " + shell_quote(hu));
  bool eaa = false;
  std::size_t total = 0;
  for (const auto& t : j["service_types"]) {
    total += t["services"].get<std::size_t>();
    if (t["type_short"] == "EAA/Q") {
      eaa = true;
      EXPECT_EQ(t["type_name"], "qualified electronic attestation of attributes");
      EXPECT_EQ(t["type"], "http://uri.etsi.org/TrstSvc/Svctype/EAA/Q");
    }
  }
  EXPECT_TRUE(eaa) << j["service_types"].dump(1);
  EXPECT_EQ(total, j["service_count"].get<std::size_t>());

  const auto text = test::run_command(test::cli() + " show " + shell_quote(hu) + " 2>&1");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("EAA/Q                       qualified electronic attestation of attributes"),
            std::string::npos)
      << text.out;
}

TEST_F(Real2026Display, ListNamesTheTypeAndKeepsItsColumnApart) {
  const json rows = run_json("list" + se_lists() + " --type " + kQSigCd);
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) {
    EXPECT_EQ(r["type_short"], kQSigCd);
    EXPECT_EQ(r["type_name"], kQSigCdName);
  }
  const auto text = test::run_command(test::cli() + " list" + se_lists() + " --type " + kQSigCd + " 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  // The identifier (24 characters) no longer runs into the status column.
  EXPECT_NE(text.out.find(std::string(kQSigCd) + "  granted"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(kQSigCdName), std::string::npos) << text.out;  // the legend on stderr
}

TEST_F(Real2026Display, ShowServiceNamesTheTypeAndTheDigitalIdOther) {
  std::string id;
  for (const auto& r : run_json("list" + se_lists() + " --type " + kQSigCd)) {
    if (r["certificates"] == 0) {
      id = r["id"].get<std::string>();
    }
  }
  ASSERT_FALSE(id.empty()) << "no SE service without a certificate";
  const json j = run_json("show-service " + id + se_lists());
  EXPECT_EQ(j["type_name"], kQSigCdName);
  ASSERT_EQ(j["other_identifiers"].size(), 1u) << j.dump(1);
  const std::string uri = j["other_identifiers"][0];
  EXPECT_TRUE(uri.starts_with(kSeUriPrefix)) << uri;
  EXPECT_EQ(j["certificate_details"].size(), 0u);
  EXPECT_EQ(j["timeline"][0]["type_name"], kQSigCdName);

  const auto text = test::run_command(test::cli() + " show-service " + id + se_lists() + " 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("type       " + std::string(kQSigCdName) + " (" + kQSigCd + ")"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("identifier " + uri), std::string::npos) << text.out;
}

}  // namespace
}  // namespace eutl::cli
