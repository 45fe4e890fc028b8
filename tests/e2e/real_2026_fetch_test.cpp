// `eutl fetch` end to end on the real 2026 lists, offline: every URL LOTL 390 names
// is answered by loopback servers with the files of ../shared/realdata, and the
// snapshot must show each territory as MANIFEST-2026.md establishes it; then a real
// certificate decided from that store, its evidence record re-verified, a second fetch
// that downloads nothing, and the same fetch anchored through the pivot chain from the
// OJ C 276/2019 signers alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/real_2026_web_test.h"
#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

// The time of the 2026 snapshot: LOTL 390 (2026-08-03) in force, before RO-seq84.
constexpr const char* kOj2019Signers = "oj/oj-C276-2019-lotl-signers.pem";
constexpr const char* kDecidedCert = "certs/qualified/PT-EUROPEAN-COMMISSION-e0a620fb.pem";

using test::shell_quote;

nlohmann::json parse_json(const test::CommandResult& r) {
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// What MANIFEST-2026.md establishes for each territory of LOTL 390 on 2026-08-21:
// HR-seq52 is signed by a certificate not in the HR pointer (refused: the list is
// invalid and nothing is in use); there is no DE or LI list (missing); NL-seq76
// (NextUpdate 2026-08-10) and NO-seq87 (2026-08-04) are past their next update
// (expired); every other list verifies and its signer is in the pointer (valid).
std::string expected_result(const std::string& territory) {
  if (territory == "HR") return "invalid";
  if (territory == "DE" || territory == "LI") return "missing";
  if (territory == "NL" || territory == "NO") return "expired";
  return "valid";
}

class Real2026Fetch : public test::Real2026WebTest {
 protected:
  void SetUp() override {
    Real2026WebTest::SetUp();
    if (!IsSkipped()) {
      m_store = scratch("eutl-real2026");
    }
  }

  // `signers` null: no --lotl-signers, so the Official Journal anchors bundled with
  // eutl (OJ C 276/2019 and OJ C/2026/1944) are used, as on a user's first fetch.
  test::CommandResult fetch(const char* signers = nullptr, std::vector<std::string> more = {},
                            const char* stderr_to = "/dev/null") const {
    std::vector<std::string> args = {test::cli(), "fetch", "--store", m_store.string(), "--lotl-url", test::kEuLotlUrl,
                                     "--at",      test::kReal2026At,     "--json"};
    if (signers != nullptr) {
      args.insert(args.end(), {"--lotl-signers", (test::realdata() / signers).string()});
    }
    for (const auto& a : m_web->fetch_transport_args()) {
      args.push_back(a);
    }
    args.insert(args.end(), more.begin(), more.end());
    return test::run_command(test::shell_line(args) + " 2>" + stderr_to);
  }

  nlohmann::json status() const {
    return parse_json(test::run_command(test::cli() + " status --json --at " + test::kReal2026At + " --store " + shell_quote(m_store.string()) +
                                        " 2>/dev/null"));
  }

  // Every territory LOTL 390 points to has the result MANIFEST-2026.md establishes.
  void expect_manifest_results(const nlohmann::json& st) const {
    ASSERT_EQ(st["lotl"]["result"], "valid") << st.dump(1);
    std::map<std::string, std::string> seen;
    for (const auto& l : st["lists"]) {
      if (l["in_use"] != "none") {  // territories without a list are those of "missing"
        seen[l["territory"].get<std::string>()] = l["result"].get<std::string>();
      }
      if (l["territory"] == "HR") {
        ASSERT_FALSE(l["reasons"].empty()) << l.dump(1);
        EXPECT_EQ(l["reasons"][0]["code"], "signer-not-in-pointer") << l.dump(1);
      }
    }
    for (const auto& m : st["missing"]) {
      EXPECT_EQ(seen.count(m["territory"].get<std::string>()), 0u) << m.dump();
      seen[m["territory"].get<std::string>()] = "missing";
    }
    ASSERT_EQ(m_web->pointers().size(), 31u);  // 27 member states, EEA (IS LI NO) and UK
    for (const auto& [territory, url] : m_web->pointers()) {
      EXPECT_EQ(seen[territory], expected_result(territory)) << territory << " at " << url;
    }
    EXPECT_EQ(seen.size(), m_web->pointers().size()) << st.dump(1);
  }

  fs::path m_store;
};

TEST_F(Real2026Fetch, EachTerritoryHasTheResultTheManifestEstablishes) {
  const auto r = fetch();
  EXPECT_EQ(r.exit_code, 1) << r.out;  // HR refused: a list failed, the LOTL is fine
  const auto j = parse_json(r);
  EXPECT_EQ(j["lotl"]["result"], "valid") << r.out;
  expect_manifest_results(status());
  // Refused: the invalid HR list contributes no service (TS 119 615 §4.2: only lists
  // whose signature and signer check out are used).
  // `list` says so rather than printing an empty table.
  auto hr = test::run_command(test::cli() + " list --territory HR --json --quiet --at " + test::kReal2026At + " --store " +
                              shell_quote(m_store.string()) + " 2>&1");
  EXPECT_EQ(hr.exit_code, 2) << hr.out;
  EXPECT_THAT(hr.out, ::testing::HasSubstr("--territory: 'HR' has no valid list here; valid values: AT, BE")) << hr.out;
}

// MANIFEST.md: the EUROPEAN COMMISSION e-seal that signs LOTL 390 itself (e0a620fb,
// valid 2023-11-17 .. 2027-11-17, QcType eseal, QSCD) is issued by DIGITALSIGN
// QUALIFIED CA G1, a CA/QC service of the PT list (PT-seq112 in the 2026 set).
TEST_F(Real2026Fetch, ARealCertificateIsDecidedAndItsEvidenceReverifies) {
  ASSERT_NE(fetch().exit_code, 2);
  const fs::path cert = test::realdata() / kDecidedCert;
  const fs::path record = m_store.string() + "-record.json";
  auto c = test::run_command(test::cli() + " check " + shell_quote(cert.string()) + " --store " + shell_quote(m_store.string()) +
                             " --at " + test::kReal2026At + " --evidence " + shell_quote(record.string()) + " --json 2>/dev/null");
  const auto j = parse_json(c);
  EXPECT_EQ(c.exit_code, 0) << c.out;
  EXPECT_EQ(j["at_time"]["qualified"], true) << c.out;
  EXPECT_EQ(j["at_time"]["qscd"], true) << c.out;
  EXPECT_EQ(j["at_time"]["service"]["list_sequence_number"], 112) << c.out;
  const auto rec = nlohmann::json::parse(test::read_text(record), nullptr, false);
  ASSERT_FALSE(rec.is_discarded());
  ASSERT_FALSE(rec["services"].empty()) << rec.dump(1);
  EXPECT_EQ(rec["services"][0]["territory"], "PT");

  auto v = test::run_command(test::cli() + " evidence verify " + shell_quote(record.string()) + " --store " +
                             shell_quote(m_store.string()) + " --json 2>/dev/null");  // the anchors the store was filled with
  fs::remove(record);
  const auto vj = parse_json(v);
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_EQ(vj["same"], true) << v.out;
  EXPECT_EQ(vj["verdict"], vj["recorded_verdict"]) << v.out;
}

// TS 119 612 §6.1 publication by HTTP: the second fetch asks with the validators of
// the first (If-None-Match) and every list answers 304.
TEST_F(Real2026Fetch, ASecondFetchWithNothingChangedDownloadsNoListBytes) {
  ASSERT_NE(fetch().exit_code, 2);
  m_web->reset_counters();
  const auto r = fetch();
  const auto j = parse_json(r);
  EXPECT_EQ(j["report"]["list_bytes_downloaded"], 0) << r.out;
  EXPECT_EQ(m_web->body_bytes_sent(), 0u);
  EXPECT_EQ(j["lotl"]["fetch"]["status"], "not-modified") << r.out;
  for (const auto& l : j["lists"]) {
    if (l["territory"] != "DE" && l["territory"] != "LI") {
      EXPECT_EQ(l["fetch"]["status"], "not-modified") << l.dump();
    }
  }
  expect_manifest_results(status());
}

// The second fetch resumes the TLS session the first kept for each server
// (include/eutl/net/tls_sessions.h): no certificate presented, none verified again; with
// --no-tls-resumption every handshake is a full one and no session is kept.
TEST_F(Real2026Fetch, ASecondFetchResumesTheTlsSessionOfEachServer) {
  ASSERT_NE(fetch().exit_code, 2);
  const fs::path sessions = m_store / "tls-sessions";
  ASSERT_TRUE(fs::is_regular_file(sessions));
  EXPECT_EQ(fs::status(sessions).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  m_web->reset_counters();
  const fs::path err = m_store.string() + "-stderr";
  const auto r = fetch(nullptr, {"--verbose"}, err.c_str());
  EXPECT_EQ(parse_json(r)["lotl"]["fetch"]["status"], "not-modified") << r.out;
  const int handshakes = m_web->tls_handshakes();
  EXPECT_GE(handshakes, 29);  // a connection per host: the LOTL's and the lists'
  EXPECT_EQ(m_web->tls_resumed_handshakes(), handshakes);
  std::ifstream in(err);
  const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(said.find("TLS: " + std::to_string(handshakes) + " of the handshakes resumed a session"), std::string::npos)
      << said;
  fs::remove(err);
  expect_manifest_results(status());

  m_web->reset_counters();
  fs::remove(sessions);
  ASSERT_NE(fetch(nullptr, {"--no-tls-resumption"}).exit_code, 2);
  EXPECT_GE(m_web->tls_handshakes(), 29);
  EXPECT_EQ(m_web->tls_resumed_handshakes(), 0);
  EXPECT_FALSE(fs::exists(sessions));
}

// MANIFEST-2026.md: LOTL 390 is signed by e0a620fb, which is not in OJ C 276/2019 but in
// the EU pointer of pivot 378, reached from the 2019 signers through pivots 282, 300,
// 335 and 341 (the pivot URLs LOTL 390 names in its SchemeInformationURI).
TEST_F(Real2026Fetch, ThroughThePivotChainFromTheOj2019AnchorsAlone) {
  ASSERT_EQ(m_web->pivots().size(), 5u);
  const auto r = fetch(kOj2019Signers);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  const auto j = parse_json(r);
  EXPECT_EQ(j["lotl"]["result"], "valid") << r.out;
  std::vector<std::uint64_t> chain;
  for (const auto& p : j["pivots"]) {
    EXPECT_EQ(p["result"], "valid") << p.dump(1);
    chain.push_back(p["sequence_number"]);
  }
  EXPECT_EQ(chain, (std::vector<std::uint64_t>{378, 341, 335, 300, 282}));
  expect_manifest_results(status());
}

// Without the pivots the 2019 signers do not reach e0a620fb (not in OJ C 276/2019):
// LOTL 390 is not anchored, so no list is trusted.
TEST_F(Real2026Fetch, WithoutThePivotsTheOj2019AnchorsDoNotReachLotl390) {
  for (const std::string& url : m_web->pivots()) {
    m_web->withhold(url);
  }
  const auto r = fetch(kOj2019Signers);
  EXPECT_EQ(r.exit_code, 3) << r.out;
  const auto j = parse_json(r);
  EXPECT_NE(j["lotl"]["result"], "valid") << r.out;
}

}  // namespace
}  // namespace eutl::cli
