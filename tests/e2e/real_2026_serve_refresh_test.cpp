// `eutl serve` refreshing from the real 2026 lists, offline (the loopback servers of
// tests/support/real_lists_web.h): a refresh in which nothing changed resumes the TLS
// session the refresh before kept with each server (include/eutl/net/tls_sessions.h),
// from the store's `tls-sessions` file it shares with `eutl fetch`; with
// --no-tls-resumption every handshake is a full one and no session is kept.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_stores.h"
#include "tests/support/http_client.h"
#include "tests/support/real_2026_web_test.h"
#include "tests/support/serve_process.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class Real2026ServeRefresh : public test::Real2026WebTest {
 protected:
  void SetUp() override {
    Real2026WebTest::SetUp();
    if (!IsSkipped()) {
      m_store = scratch("eutl-real2026-serve");
    }
  }

  std::string serve_args(const std::vector<std::string>& more = {}) const {
    std::vector<std::string> args = {"--store", m_store.string(), "--now",       test::kReal2026At,
                                     "--refresh", "0",            "--lotl-url", test::kEuLotlUrl};
    for (const auto& a : m_web->fetch_transport_args()) {
      args.push_back(a);
    }
    args.insert(args.end(), more.begin(), more.end());
    return test::shell_line(args);
  }

  // POST /v1/refresh; the answer's outcome.
  static std::string refresh(const test::ServeProcess& server) {
    const auto r = test::http_request(server.port(), "POST", "/v1/refresh");
    EXPECT_EQ(r.status, 200) << r.body;
    const json j = json::parse(r.body, nullptr, false);
    return j.is_object() && j["outcome"].is_string() ? j["outcome"].get<std::string>() : r.body;
  }

  fs::path m_store;
};

TEST_F(Real2026ServeRefresh, ARefreshResumesTheTlsSessionsTheLastOneKept) {
  test::ServeProcess server(serve_args());
  ASSERT_TRUE(server.started()) << server.log();
  EXPECT_EQ(refresh(server), "installed");
  const fs::path sessions = m_store / "tls-sessions";
  ASSERT_TRUE(fs::is_regular_file(sessions));
  EXPECT_EQ(fs::status(sessions).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);

  m_web->reset_counters();
  EXPECT_EQ(refresh(server), "installed");  // a snapshot of this refresh's time, the same lists
  const int handshakes = m_web->tls_handshakes();
  EXPECT_GE(handshakes, 29);  // a connection per host: the LOTL's and the lists'
  EXPECT_EQ(m_web->tls_resumed_handshakes(), handshakes);
}

TEST_F(Real2026ServeRefresh, WithoutResumptionEveryHandshakeIsFullAndNoSessionIsKept) {
  test::ServeProcess server(serve_args({"--no-tls-resumption"}));
  ASSERT_TRUE(server.started()) << server.log();
  EXPECT_EQ(refresh(server), "installed");
  m_web->reset_counters();
  EXPECT_EQ(refresh(server), "installed");
  EXPECT_GE(m_web->tls_handshakes(), 29);
  EXPECT_EQ(m_web->tls_resumed_handshakes(), 0);
  EXPECT_FALSE(fs::exists(m_store / "tls-sessions"));
}

}  // namespace
}  // namespace eutl::cli
