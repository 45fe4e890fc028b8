// `eutl serve` limits, live: an oversized body (413) or header block (431), a slow
// client cut off after --read-timeout, connections beyond --max-connections (503).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class ServeLimitsCli : public test::FixtureStoreTest {
 protected:
  std::string serve_args(const std::string& more) const {
    return store() + " --now " + test::kFixtureAt + " --refresh 0 " + more;
  }
};

TEST_F(ServeLimitsCli, ABodyOverMaxBodyIs413BeforeItIsRead) {
  test::ServeProcess server(serve_args("--max-body 1024"));
  ASSERT_TRUE(server.started()) << server.log();
  const auto big = test::http_request(server.port(), "POST", "/v1/refresh", std::string(4096, 'x'));
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(test::error_code_of(big), "body_too_large");
  EXPECT_NE(big.body.find("larger than 1024 bytes"), std::string::npos) << big.body;

  // Chunked, without a Content-Length: cut off once the chunks pass the limit.
  test::RawConnection c(server.port());
  std::string chunked = "POST /v1/refresh HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) {
    chunked += "400\r\n" + std::string(1024, 'y') + "\r\n";
  }
  chunked += "0\r\n\r\n";
  ASSERT_TRUE(c.send(chunked));
  const auto r = c.read_reply(10s);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(test::error_code_of(r), "body_too_large");
}

TEST_F(ServeLimitsCli, HeadersOverTheLimitAre431) {
  test::ServeProcess server(serve_args(""));
  ASSERT_TRUE(server.started()) << server.log();
  const auto r = test::http_request(server.port(), "GET", "/healthz", "", {{"X-Filler", std::string(20000, 'h')}});
  EXPECT_EQ(r.status, 431) << r.body;
  EXPECT_EQ(test::error_code_of(r), "headers_too_large");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
}

TEST_F(ServeLimitsCli, ASlowClientIsClosedAfterTheReadTimeout) {
  test::ServeProcess server(serve_args("--read-timeout 1"));
  ASSERT_TRUE(server.started()) << server.log();
  test::RawConnection c(server.port());
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // half a request, never finished
  const auto closed_after = c.time_until_closed(10s);
  EXPECT_GE(closed_after, 800ms);
  EXPECT_LT(closed_after, 4s) << "the server kept a slow client " << closed_after.count() << " ms";
  // The server still answers others.
  EXPECT_EQ(test::http_request(server.port(), "GET", "/healthz").status, 200);
}

TEST_F(ServeLimitsCli, ConnectionsBeyondTheLimitGet503Busy) {
  test::ServeProcess server(serve_args("--max-connections 2"));
  ASSERT_TRUE(server.started()) << server.log();
  test::RawConnection a(server.port());
  test::RawConnection b(server.port());
  ASSERT_TRUE(a.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(b.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_EQ(a.read_reply(10s).status, 200);  // both open, kept alive
  ASSERT_EQ(b.read_reply(10s).status, 200);
  const auto third = test::http_request(server.port(), "GET", "/healthz");
  EXPECT_EQ(third.status, 503) << third.body;
  EXPECT_EQ(test::error_code_of(third), "busy");
  EXPECT_EQ(third.header("retry-after"), "1");
}

TEST_F(ServeLimitsCli, GarbageIsA400) {
  test::ServeProcess server(serve_args(""));
  ASSERT_TRUE(server.started()) << server.log();
  test::RawConnection c(server.port());
  ASSERT_TRUE(c.send("THIS IS NOT HTTP\r\n\r\n"));
  const auto r = c.read_reply(10s);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(test::error_code_of(r), "bad_request");
}

}  // namespace
}  // namespace eutl::cli
