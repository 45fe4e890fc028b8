// `eutl serve` refreshes, live, from the fixture lists served by the loopback HTTPS
// server: readiness before and after the first snapshot, POST /v1/refresh and its
// answer, one refresh at a time, and the switch-over under load (zero failed
// requests; the snapshot served changes exactly once).
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "eutl/cache/store.h"
#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class ServeRefreshCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated";
    ASSERT_EQ(test::serve_fixture_lists(m_lists, test::fixtures()), 5);
    m_store = test::fresh_store_dir(std::string("serve-refresh-") +
                                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { std::filesystem::remove_all(m_store); }

  std::string serve_args(const std::string& more = "") const {
    return "--store " + test::shell_quote(m_store) + " --now " + test::kFixtureAt + " --refresh 0 --lotl-url " +
           test::kFixtureLotlUrl + " --lotl-signers " + test::shell_quote(test::fixtures() / "pki/oj-anchors.pem") +
           " --cacert " + test::shell_quote(m_lists.ca_file()) + " --connect-to " + m_lists.connect_to() + " " + more;
  }

  test::HttpsServer m_lists;
  std::filesystem::path m_store;
};

TEST_F(ServeRefreshCli, NotReadyBeforeTheFirstSnapshotReadyAfterARefresh) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  EXPECT_NE(server.start_line().find("(no snapshot yet)"), std::string::npos) << server.start_line();
  const auto before = test::http_request(server.port(), "GET", "/readyz");
  EXPECT_EQ(before.status, 503);
  const json b = json::parse(before.body);
  EXPECT_EQ(b["status"], "not-ready");
  EXPECT_TRUE(b["snapshot"].is_null());
  EXPECT_NE(b["problem"].get<std::string>().find("no snapshot yet"), std::string::npos) << before.body;

  const auto refresh = test::http_request(server.port(), "POST", "/v1/refresh");
  ASSERT_EQ(refresh.status, 200) << refresh.body;
  const json r = json::parse(refresh.body);
  EXPECT_EQ(r["schema"], "eutl-refresh/1");
  EXPECT_EQ(r["outcome"], "installed");
  EXPECT_TRUE(r["previous_snapshot"].is_null());
  EXPECT_TRUE(r["ready"].get<bool>());
  ASSERT_TRUE(r["snapshot"].is_string());
  // The fetch report is the one `eutl fetch --json` prints.
  EXPECT_EQ(r["fetch"]["schema"], "eutl-fetch/1");
  EXPECT_EQ(r["fetch"]["snapshot"], r["snapshot"]);
  EXPECT_TRUE(r["fetch"]["report"]["lotl_verified"].get<bool>());
  EXPECT_EQ(r["fetch"]["lotl"]["result"], "valid");

  const auto after = test::http_request(server.port(), "GET", "/readyz");
  EXPECT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(json::parse(after.body)["snapshot"], r["snapshot"]);
  const auto metrics = test::http_request(server.port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find(R"(eutl_refresh_total{outcome="installed"} 1)"), std::string::npos) << metrics.body;
}

TEST_F(ServeRefreshCli, AFailedRefreshKeepsTheSnapshotAndSaysWhy) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  ASSERT_EQ(test::http_request(server.port(), "POST", "/v1/refresh").status, 200);
  const std::string served = json::parse(test::http_request(server.port(), "GET", "/readyz").body)["snapshot"];
  // The store is locked by another writer: the refresh cannot run.
  auto st = cache::Store::open(m_store);
  ASSERT_TRUE(st);
  auto lock = st->lock_for_writing();
  ASSERT_TRUE(lock);
  const auto busy = test::http_request(server.port(), "POST", "/v1/refresh");
  EXPECT_EQ(busy.status, 503) << busy.body;
  const json e = json::parse(busy.body);
  EXPECT_EQ(e["schema"], "eutl-error/1");
  EXPECT_EQ(e["error"]["code"], "refresh_failed");
  const auto ready = test::http_request(server.port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(json::parse(ready.body)["snapshot"], served);
}

TEST_F(ServeRefreshCli, OneRefreshAtATime) {
  // The LOTL answers after a stall: the first refresh runs while the second is asked.
  m_lists.set_fault("/lotl.xml", test::Fault::kStall);
  test::ServeProcess server(serve_args("--deadline 3"));
  ASSERT_TRUE(server.started()) << server.log();
  std::thread first([&] { (void)test::http_request(server.port(), "POST", "/v1/refresh"); });
  std::this_thread::sleep_for(500ms);
  const auto second = test::http_request(server.port(), "POST", "/v1/refresh");
  first.join();
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(json::parse(second.body)["error"]["code"], "refresh_running");
  // Requests went on meanwhile.
  EXPECT_EQ(test::http_request(server.port(), "GET", "/healthz").status, 200);
}

TEST_F(ServeRefreshCli, SwitchOverUnderLoadHasNoFailureAndChangesOnce) {
  ASSERT_NE(test::import_fixture_lists(m_store).out.find("snapshot"), std::string::npos);
  test::ServeProcess server(serve_args("--quiet"));
  ASSERT_TRUE(server.started()) << server.log();
  const std::string first = json::parse(test::http_request(server.port(), "GET", "/readyz").body)["snapshot"];

  std::atomic<bool> stop{false};
  std::vector<std::vector<std::pair<int, std::string>>> seen(2);  // per client: status, snapshot
  std::vector<std::thread> clients;
  for (auto& mine : seen) {
    clients.emplace_back([&server, &stop, &mine] {
      while (!stop.load()) {
        const auto r = test::http_request(server.port(), "GET", "/readyz");
        const json j = json::parse(r.body, nullptr, false);
        mine.emplace_back(r.status, j.is_object() && j["snapshot"].is_string() ? j["snapshot"].get<std::string>() : "");
      }
    });
  }
  std::this_thread::sleep_for(300ms);
  const auto refresh = test::http_request(server.port(), "POST", "/v1/refresh");
  std::this_thread::sleep_for(300ms);
  stop = true;
  for (auto& t : clients) {
    t.join();
  }
  ASSERT_EQ(refresh.status, 200) << refresh.body;
  const json r = json::parse(refresh.body);
  EXPECT_EQ(r["outcome"], "installed");
  EXPECT_EQ(r["previous_snapshot"], first);
  const std::string second = r["snapshot"];
  EXPECT_NE(second, first);
  for (const auto& mine : seen) {
    ASSERT_GT(mine.size(), 5u);
    int changes = 0;
    for (std::size_t i = 0; i < mine.size(); ++i) {
      EXPECT_EQ(mine[i].first, 200) << "request " << i;
      EXPECT_TRUE(mine[i].second == first || mine[i].second == second) << mine[i].second;
      changes += i > 0 && mine[i].second != mine[i - 1].second ? 1 : 0;
    }
    EXPECT_EQ(mine.front().second, first);
    EXPECT_EQ(mine.back().second, second);
    EXPECT_EQ(changes, 1);
  }
}

}  // namespace
}  // namespace eutl::cli
