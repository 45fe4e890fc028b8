// `eutl serve` keeps a bounded number of evidence records: with --evidence-max-records 2,
// four distinct checks leave the two newest records once the background prune has run
// (waited for by polling /metrics, bounded), /metrics counts them, and the oldest ID
// answers 404 with a message that says how long records are kept. A --read-only
// replica runs no retention; a bad --evidence-keep is refused before serving.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using nlohmann::json;
using test::http_request;
using ::testing::HasSubstr;

class ServeEvidenceRetention : public test::FixtureStoreTest {
 protected:
  std::string args(const std::string& more) const {
    return store() + " --now " + test::kFixtureAt + " --refresh 0 --quiet " + more;
  }
  std::size_t records_on_disk() const {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(m_store / "evidence", ec)) {
      n += entry.path().extension() == ".json" ? 1 : 0;
    }
    return n;
  }
};

TEST_F(ServeEvidenceRetention, KeepsAtMostTheNewestRecordsAndCountsThem) {
  test::ServeProcess server(args("--evidence-max-records 2"));
  ASSERT_TRUE(server.started()) << server.log();
  const int port = server.port();
  const std::string pem = test::read_text(test::fixtures() / "certs/qwac.pem");

  // Four distinct records: the same certificate evaluated at four instants.
  std::vector<std::string> ids;
  for (const char* at : {"2025-03-01T00:00:00Z", "2025-03-01T01:00:00Z", "2025-03-01T02:00:00Z",
                         "2025-03-01T03:00:00Z"}) {
    const auto check = http_request(port, "POST", std::string("/v1/check?for=qwac&at=") + at, pem,
                                    {{"Content-Type", "application/x-pem-file"}});
    ASSERT_EQ(check.status, 200) << check.body;
    const json decision = json::parse(check.body, nullptr, false);
    ASSERT_TRUE(decision.is_object()) << check.body;
    ids.push_back(decision.value("evidence_id", ""));
    ASSERT_TRUE(std::regex_match(ids.back(), std::regex("[0-9a-f]{64}"))) << check.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // distinct file times: "oldest" is well defined
  }
  ASSERT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 4u);

  // The prune runs in the background: poll /metrics (bounded).
  std::string metrics;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    metrics = http_request(port, "GET", "/metrics").body;
    if (metrics.find("\neutl_evidence_pruned_total 2\n") != std::string::npos &&
        metrics.find("\neutl_evidence_records 2\n") != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_THAT(metrics, HasSubstr("\n# TYPE eutl_evidence_records gauge\neutl_evidence_records 2\n"));
  EXPECT_THAT(metrics, HasSubstr("\n# TYPE eutl_evidence_pruned_total counter\neutl_evidence_pruned_total 2\n"));
  EXPECT_EQ(records_on_disk(), 2u);

  // The two oldest are gone, with the retention named; the two newest are there.
  for (std::size_t i = 0; i < 2; ++i) {
    const auto gone = http_request(port, "GET", "/v1/evidence/" + ids[i]);
    EXPECT_EQ(gone.status, 404) << gone.body;
    const json error = json::parse(gone.body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << gone.body;
    EXPECT_EQ(error["error"].value("code", ""), "not_found") << gone.body;
    EXPECT_THAT(error["error"].value("message", ""), HasSubstr("records are kept for 90 days, and only the newest 2"));
  }
  for (std::size_t i = 2; i < 4; ++i) {
    const auto kept = http_request(port, "GET", "/v1/evidence/" + ids[i]);
    EXPECT_EQ(kept.status, 200) << kept.body.substr(0, 300);
    EXPECT_THAT(kept.body, HasSubstr("\"eutl-evidence/3\""));
  }
  EXPECT_EQ(server.terminate(std::chrono::seconds(20)), 0) << server.log();

  // A --read-only replica of the same store runs no retention: no gauge, records stay.
  test::ServeProcess replica(args("--read-only --evidence-max-records 1"));
  ASSERT_TRUE(replica.started()) << replica.log();
  const std::string replica_metrics = http_request(replica.port(), "GET", "/metrics").body;
  EXPECT_THAT(replica_metrics, HasSubstr("\neutl_evidence_pruned_total 0\n"));
  EXPECT_THAT(replica_metrics, ::testing::Not(HasSubstr("eutl_evidence_records")));
  EXPECT_EQ(records_on_disk(), 2u);
}

TEST_F(ServeEvidenceRetention, ABadAgeIsRefusedBeforeServing) {
  const auto r = test::run_command(test::cli() + " serve --listen 127.0.0.1:0" + store() +
                                   " --evidence-keep 3weeks 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("--evidence-keep '3weeks': give a number with s, m, h or d"));
}

}  // namespace
}  // namespace eutl::cli
