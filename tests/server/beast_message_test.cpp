#include "server/beast_message.h"

#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace eutl::server::detail {
namespace {

namespace http = boost::beast::http;

TEST(BeastMessage, ARequestBecomesPlainValues) {
  BeastRequest b{http::verb::post, "/v1/check?for=qwac", 11};
  b.set(http::field::content_type, " Application/JSON ; charset=utf-8");
  b.set(http::field::accept, "text/html, */*");
  b.body() = "{}";
  const Request r = from_beast(std::move(b), "127.0.0.1");
  EXPECT_EQ(r.method, Method::kPost);
  EXPECT_EQ(r.target, "/v1/check?for=qwac");  // decoded later, by the Dispatcher
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.accept, "text/html, */*");
  EXPECT_EQ(r.body, "{}");
  EXPECT_EQ(r.remote, "127.0.0.1");
  EXPECT_EQ(from_beast(BeastRequest{http::verb::delete_, "/", 11}, "").method, Method::kOther);
  EXPECT_EQ(from_beast(BeastRequest{http::verb::head, "/", 11}, "").method, Method::kHead);
}

TEST(BeastMessage, AResponseKeepsStatusTypeHeadersAndBody) {
  Response r = json_error(413, "body_too_large", "too big");
  r.headers.emplace_back("Retry-After", "1");
  const BeastResponse b = to_beast(r, 11, true, false);
  EXPECT_EQ(b.result_int(), 413u);
  EXPECT_EQ(b[http::field::content_type], "application/json");
  EXPECT_EQ(b["Retry-After"], "1");
  ASSERT_NE(b.body(), nullptr);
  EXPECT_EQ(*b.body(), r.body);
  EXPECT_EQ(b[http::field::content_length], std::to_string(r.body.size()));
  EXPECT_TRUE(b.keep_alive());
  EXPECT_FALSE(to_beast(r, 11, false, false).keep_alive());
}

TEST(BeastMessage, HeadKeepsTheLengthWithoutTheBody) {
  const BeastResponse b = to_beast(json_response("{\"a\":1}"), 11, true, true);
  EXPECT_EQ(b.body(), nullptr);
  EXPECT_EQ(b[http::field::content_length], "7");
  const auto kept = std::make_shared<const std::string>("{\"kept\":true}");
  const BeastResponse h = to_beast(json_response(kept), 11, true, true);
  EXPECT_EQ(h.body(), nullptr);
  EXPECT_EQ(h[http::field::content_length], "13");
}

TEST(BeastMessage, ASharedBodyIsHandedOnNotCopiedAndSerialisedWhole) {
  const auto kept = std::make_shared<const std::string>(std::string(40000, 'x') + "}");
  const BeastResponse b = to_beast(json_response(kept), 11, true, false);
  EXPECT_EQ(b.body().get(), kept.get());
  EXPECT_EQ(b[http::field::content_length], "40001");
  std::ostringstream wire;
  wire << b;
  const std::string text = wire.str();
  const auto head_end = text.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_EQ(text.substr(head_end + 4), *kept);
  // An empty shared body is an empty payload.
  const BeastResponse e = to_beast(json_response(std::make_shared<const std::string>()), 11, true, false);
  EXPECT_EQ(e[http::field::content_length], "0");
}

TEST(BeastMessage, IfNoneMatchFieldsAreJoined) {
  BeastRequest b{http::verb::get, "/static/app.css", 11};
  b.insert(http::field::if_none_match, "\"a\", W/\"b\"");
  b.insert(http::field::if_none_match, "\"c\"");
  EXPECT_EQ(from_beast(std::move(b), "").if_none_match, "\"a\", W/\"b\", \"c\"");
  EXPECT_EQ(from_beast(BeastRequest{http::verb::get, "/", 11}, "").if_none_match, "");
}

TEST(BeastMessage, TheMultipartBoundaryIsKeptUnquoted) {
  const auto boundary = [](const std::string& content_type) {
    BeastRequest b{http::verb::post, "/check", 11};
    b.set(http::field::content_type, content_type);
    return from_beast(std::move(b), "").boundary;
  };
  EXPECT_EQ(boundary("multipart/form-data; boundary=----WebKitFormBoundaryX3"), "----WebKitFormBoundaryX3");
  EXPECT_EQ(boundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c\""), "a b:c");
  EXPECT_EQ(boundary("multipart/form-data;boundary=xyz ;charset=utf-8"), "xyz");
  EXPECT_EQ(boundary("multipart/form-data"), "");
  EXPECT_EQ(boundary("application/json; boundary=xyz"), "");  // not multipart: not read
}

TEST(BeastMessage, NotModifiedHasNoBodyTypeOrLength) {
  Response r;
  r.status = 304;
  r.content_type.clear();
  r.headers.emplace_back("ETag", "\"abc\"");
  for (const bool head : {false, true}) {
    const BeastResponse b = to_beast(r, 11, true, head);
    EXPECT_EQ(b.result_int(), 304u);
    EXPECT_EQ(b["ETag"], "\"abc\"");
    EXPECT_EQ(b.body(), nullptr);
    EXPECT_EQ(b.count(http::field::content_type), 0u);
    EXPECT_EQ(b.count(http::field::content_length), 0u);
  }
}

}  // namespace
}  // namespace eutl::server::detail
