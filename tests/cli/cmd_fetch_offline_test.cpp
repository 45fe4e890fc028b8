// `eutl fetch` with no configuration (the EU LOTL URL, the bundled Official Journal
// anchors, the default store) and what it says on stderr when the network fails: the
// host and the cause, in text mode too. No internet: a name under .invalid (RFC 6761
// §6.4: never resolves), a closed loopback port, and a fixture list reset mid-request.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

class FetchOfflineCli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-fetch-offline-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // The CLI with the default store in the test's directory and no proxy.
  std::string eutl() const {
    return "env -u https_proxy -u HTTPS_PROXY -u all_proxy -u ALL_PROXY EUTL_STORE=" + shell_quote(m_dir / "store") + " " +
           test::cli();
  }

  fs::path m_dir;
};

TEST_F(FetchOfflineCli, NoArgumentsFetchesTheEuLotlWithTheBundledAnchorsIntoTheDefaultStore) {
  // ec.europa.eu:443 is sent to a closed loopback port: the default URL is what was asked for.
  auto r = test::run_command(eutl() + " fetch --connect-to ec.europa.eu:443:127.0.0.1:1 --retries 0 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("could not run: the LOTL could not be downloaded from ec.europa.eu (network-error: "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("): https://ec.europa.eu/tools/lotl/eu-lotl.xml"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("--lotl-signers is required"), std::string::npos) << r.out;

  // The snapshot of the attempt recorded the bundled anchors in the default store.
  auto a = json::parse(test::run_command(eutl() + " anchors --json 2>/dev/null").out, nullptr, false);
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a["source"], "store");
  EXPECT_EQ(a["count"], 13);
  for (const auto& anchor : a["anchors"]) {
    EXPECT_TRUE(anchor["bundled"].get<bool>()) << anchor.dump();
  }
}

TEST_F(FetchOfflineCli, UnresolvableHostIsNamedWithTheCauseOnStderr) {
  for (const char* mode : {"", " --json"}) {
    auto r = test::run_command(eutl() + " fetch" + mode +
                               " --lotl-url https://nonexistent.invalid/eu-lotl.xml --retries 0 2>&1 >/dev/null");
    EXPECT_EQ(r.exit_code, 4) << mode << r.out;
    EXPECT_NE(r.out.find("the LOTL could not be downloaded from nonexistent.invalid (network-error: "),
              std::string::npos)
        << mode << r.out;
    EXPECT_NE(r.out.find("resolve"), std::string::npos) << mode << r.out;
  }
}

TEST_F(FetchOfflineCli, RefusedConnectionIsNamedWithTheCauseOnStderr) {
  auto r = test::run_command(eutl() + " fetch --lotl-url https://127.0.0.1:1/eu-lotl.xml --retries 0 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("the LOTL could not be downloaded from 127.0.0.1:1 (network-error: "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("connect"), std::string::npos) << r.out;
}

TEST_F(FetchOfflineCli, NationalListNetworkFailureNamesTerritoryHostAndCause) {
  ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
  test::HttpsServer server;
  ASSERT_EQ(test::serve_fixture_lists(server, test::fixtures()), 5);
  server.set_fault(test::fixture_list_path("BB"), test::Fault::kReset);
  auto r = test::run_command(eutl() + " fetch --lotl-url " + test::kFixtureLotlUrl + " --lotl-signers " +
                             shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --cacert " + shell_quote(server.ca_file()) +
                             " --connect-to " + server.connect_to() + " --at " + test::kFixtureAt +
                             " --timeout 2 --retries 0 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("eutl: BB: cannot download from 127.0.0.1 (network-error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("): https://127.0.0.1/tl-BB.xml"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("eutl: AA:"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eutl::cli
