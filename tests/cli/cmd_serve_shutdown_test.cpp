// `eutl serve` stops on SIGTERM without dropping a request: a request begun before the
// signal is finished and answered, idle connections are closed, new ones refused, and
// the process exits 0.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using namespace std::chrono_literals;

class ServeShutdownCli : public test::FixtureStoreTest {};

TEST_F(ServeShutdownCli, SigtermFinishesTheRequestInFlightThenExitsZero) {
  test::ServeProcess server(store() + " --now " + test::kFixtureAt + " --refresh 0");
  ASSERT_TRUE(server.started()) << server.log();
  test::RawConnection idle(server.port());
  test::RawConnection slow(server.port());
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(slow.send("GET /readyz HTTP/1.1\r\nHost: x\r\n"));  // begun, not finished
  std::this_thread::sleep_for(200ms);
  server.signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  // Still serving the one in flight: it is finished and answered.
  ASSERT_TRUE(slow.send("Accept: application/json\r\n\r\n"));
  const auto r = slow.read_reply(10s);
  EXPECT_EQ(r.status, 200) << server.log();
  EXPECT_NE(r.body.find("\"status\":\"ready\""), std::string::npos) << r.body;
  EXPECT_EQ(r.header("connection"), "close");
  // The idle connection was closed, not waited for.
  EXPECT_LT(idle.time_until_closed(5s), 5s);
  const int status = server.wait_exit(10s);
  EXPECT_EQ(status, 0) << server.log();
  const std::string log = server.log();
  EXPECT_NE(log.find("eutl: SIGTERM: no new connections; finishing the requests in flight, then exiting"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("eutl: stopped"), std::string::npos) << log;
  // Nothing listens any more.
  EXPECT_EQ(test::http_request(server.port(), "GET", "/healthz", "", {}, 2s).status, 0);
}

TEST_F(ServeShutdownCli, SigintStopsAnIdleServerAtOnce) {
  test::ServeProcess server(store() + " --now " + test::kFixtureAt + " --refresh 0");
  ASSERT_TRUE(server.started()) << server.log();
  ASSERT_EQ(test::http_request(server.port(), "GET", "/healthz").status, 200);
  const auto start = std::chrono::steady_clock::now();
  server.signal(SIGINT);
  EXPECT_EQ(server.wait_exit(10s), 0) << server.log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_NE(server.log().find("eutl: SIGINT: no new connections"), std::string::npos) << server.log();
}

}  // namespace
}  // namespace eutl::cli
