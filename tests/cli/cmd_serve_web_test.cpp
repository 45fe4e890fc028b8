// The web page of `eutl serve` over HTTP: the compiled-in assets are revalidated (RFC
// 9110 §13.1.2): the ETag of a first GET sent back in If-None-Match (as is, weak, or
// "*") answers 304 Not Modified with no body and the same ETag and Cache-Control; a
// different tag gets the asset again with 200; a HEAD is answered the same way. The
// no-JavaScript form's multipart post is read with the boundary of its Content-Type,
// so a preamble before the first part is ignored (RFC 2046 §5.1.1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/cli_stores.h"
#include "tests/support/fixture_server.h"
#include "tests/support/http_client.h"
#include "tests/support/serve_process.h"

namespace eutl::cli {
namespace {

using test::http_request;
using ::testing::HasSubstr;

class ServeWebLive : public test::FixtureStoreTest {};

TEST_F(ServeWebLive, IfNoneMatchWithTheETagAnswersNotModified) {
  test::ServeProcess server(store() + " --now " + test::kFixtureAt + " --refresh 0 --quiet");
  ASSERT_TRUE(server.started()) << server.log();
  const int port = server.port();

  for (const std::string path : {"/static/app.css", "/favicon.ico"}) {
    const auto first = http_request(port, "GET", path);
    ASSERT_EQ(first.status, 200) << path << ": " << first.body;
    const std::string etag = first.header("etag");
    ASSERT_TRUE(etag.size() == 66 && etag.front() == '"' && etag.back() == '"') << path << ": " << etag;
    ASSERT_FALSE(first.body.empty());

    for (const std::string& field : {etag, "W/" + etag, std::string("*"), "\"0000\", " + etag}) {
      const auto again = http_request(port, "GET", path, "", {{"If-None-Match", field}});
      EXPECT_EQ(again.status, 304) << path << " If-None-Match: " << field << "\n" << again.body;
      EXPECT_EQ(again.body, "") << path;
      EXPECT_EQ(again.header("etag"), etag) << path;
      EXPECT_EQ(again.header("cache-control"), first.header("cache-control")) << path;
      EXPECT_EQ(again.header("content-length"), "") << path;
    }
    const auto head = http_request(port, "HEAD", path, "", {{"If-None-Match", etag}});
    EXPECT_EQ(head.status, 304) << path;
    EXPECT_EQ(head.header("etag"), etag);

    const auto changed = http_request(port, "GET", path, "", {{"If-None-Match", "\"not-the-digest\""}});
    EXPECT_EQ(changed.status, 200) << path;
    EXPECT_EQ(changed.body, first.body) << path;
    EXPECT_EQ(changed.header("etag"), etag);
  }
  // Counted as 304 in /metrics.
  const auto metrics = http_request(port, "GET", "/metrics");
  EXPECT_THAT(metrics.body, HasSubstr("route=\"/static/{name}\",method=\"GET\",status=\"304\"}"));
}

TEST_F(ServeWebLive, AMultipartPostWithAPreambleIsChecked) {
  test::ServeProcess server(store() + " --now " + test::kFixtureAt + " --refresh 0 --quiet");
  ASSERT_TRUE(server.started()) << server.log();
  const std::string pem = test::read_text(test::fixtures() / "certs/qwac.pem");
  const std::string b = "----eutlBoundary42";
  const std::string body = "This is a multi-part message in MIME format.\r\n--" + b +
                           "\r\nContent-Disposition: form-data; name=\"claim\"\r\n\r\nqwac\r\n--" + b +
                           "\r\nContent-Disposition: form-data; name=\"certificate\"\r\n\r\n" + pem + "\r\n--" + b +
                           "--\r\nan epilogue\r\n";
  const auto posted = http_request(server.port(), "POST", "/check", body,
                                   {{"Content-Type", "multipart/form-data; boundary=\"" + b + "\""}});
  ASSERT_EQ(posted.status, 200) << posted.body.substr(0, 400);
  EXPECT_THAT(posted.body, HasSubstr("/v1/evidence/"));
  EXPECT_THAT(posted.body, HasSubstr("/report"));
  // Without a boundary line the body is refused as the form's error, not a crash.
  const auto broken = http_request(server.port(), "POST", "/check", "no parts at all",
                                   {{"Content-Type", "multipart/form-data; boundary=" + b}});
  EXPECT_EQ(broken.status, 400) << broken.body.substr(0, 400);
  EXPECT_THAT(broken.body, HasSubstr("no boundary line"));
}

}  // namespace
}  // namespace eutl::cli
