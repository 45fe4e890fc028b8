// parse_form: the request's media type picks the parser; anything else is refused.
#include "server/web/form_data.h"

#include <gtest/gtest.h>

namespace eutl::server::web {
namespace {

Request post(std::string type, std::string body) {
  Request r;
  r.method = Method::kPost;
  r.content_type = std::move(type);
  r.body = std::move(body);
  return r;
}

TEST(FormData, BothEncodingsGiveTheSameFields) {
  auto a = parse_form(post("application/x-www-form-urlencoded", "claim=qwac&at=2025-03-01"));
  auto b = parse_form(post("multipart/form-data",
                           "--XyZ\r\nContent-Disposition: form-data; name=\"claim\"\r\n\r\nqwac\r\n"
                           "--XyZ\r\nContent-Disposition: form-data; name=\"at\"\r\n\r\n2025-03-01\r\n--XyZ--\r\n"));
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(a->size(), b->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].name, (*b)[i].name);
    EXPECT_EQ((*a)[i].value, (*b)[i].value);
  }
}

TEST(FormData, TheBoundaryOfTheContentTypeAllowsAPreamble) {
  Request r = post("multipart/form-data",
                   "a preamble (RFC 2046 §5.1.1)\r\n"
                   "--XyZ\r\nContent-Disposition: form-data; name=\"claim\"\r\n\r\nqwac\r\n--XyZ--\r\n");
  EXPECT_FALSE(parse_form(r));  // no boundary known: it must start the body
  r.boundary = "XyZ";
  auto f = parse_form(r);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].value, "qwac");
}

TEST(FormData, OtherContentTypesAreUnsupported) {
  for (const char* type : {"application/json", "text/plain", ""}) {
    auto f = parse_form(post(type, "claim=qwac"));
    ASSERT_FALSE(f) << type;
    EXPECT_EQ(f.error().code, Errc::kUnsupported);
    EXPECT_NE(f.error().message.find("multipart/form-data"), std::string::npos);
  }
}

}  // namespace
}  // namespace eutl::server::web
