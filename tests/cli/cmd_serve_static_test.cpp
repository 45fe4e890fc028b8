// `eutl serve` revalidates its compiled-in web assets over HTTP (RFC 9110 §13.1.2):
// the ETag of a first GET sent back in If-None-Match (as is, weak, or "*") answers 304
// Not Modified with no body and the same ETag and Cache-Control; a different tag gets
// the asset again with 200. A HEAD is answered the same way.
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

class ServeStaticLive : public test::FixtureStoreTest {};

TEST_F(ServeStaticLive, IfNoneMatchWithTheETagAnswersNotModified) {
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

}  // namespace
}  // namespace eutl::cli
