#include "server/router.h"

#include <gtest/gtest.h>

namespace eutl::server {
namespace {

Handler json_handler(std::string body) {
  return [body](const Request&, const RequestContext&) { return json_response(body); };
}

Router table() {
  return Router({{Method::kGet, "/healthz", json_handler("health")},
                 {Method::kPost, "/v1/refresh", json_handler("refresh")},
                 {Method::kGet, "/v1/evidence/{id}", json_handler("record")},
                 {Method::kGet, "/v1/evidence/{id}/report", json_handler("report")},
                 {Method::kGet, "/v1/services/{id}", json_handler("service")},
                 {Method::kGet, "/", json_handler("page")}});
}

TEST(Router, LiteralRoutesMatchExactly) {
  const Router r = table();
  struct Case {
    Method method;
    const char* path;
    MatchKind kind;
    std::size_t index;
  };
  const Case cases[] = {
      {Method::kGet, "/healthz", MatchKind::kFound, 0},
      {Method::kGet, "/", MatchKind::kFound, 5},
      {Method::kGet, "/healthz/", MatchKind::kNotFound, 0},  // a trailing slash is another path
      {Method::kGet, "/health", MatchKind::kNotFound, 0},
      {Method::kGet, "/healthzz", MatchKind::kNotFound, 0},
      {Method::kPost, "/v1/refresh", MatchKind::kFound, 1},
  };
  for (const Case& c : cases) {
    const RouteMatch m = r.match(c.method, c.path);
    EXPECT_EQ(m.kind, c.kind) << c.path;
    if (c.kind == MatchKind::kFound) {
      EXPECT_EQ(m.index, c.index) << c.path;
    }
  }
}

TEST(Router, CapturesFillPathParams) {
  const Router r = table();
  RouteMatch m = r.match(Method::kGet, "/v1/evidence/ab12cd");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.index, 2u);
  EXPECT_EQ(m.params.at("id"), "ab12cd");
  m = r.match(Method::kGet, "/v1/evidence/ab12cd/report");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.index, 3u);
  EXPECT_EQ(m.params.at("id"), "ab12cd");
  EXPECT_EQ(m.params.size(), 1u);
}

TEST(Router, ACaptureNeverTakesAnEmptySegmentOrASlash) {
  const Router r = table();
  EXPECT_EQ(r.match(Method::kGet, "/v1/evidence/").kind, MatchKind::kNotFound);
  EXPECT_EQ(r.match(Method::kGet, "/v1/evidence//report").kind, MatchKind::kNotFound);
  // "a/b" is two segments: it does not match {id}, and "/v1/services/a/b" no route.
  EXPECT_EQ(r.match(Method::kGet, "/v1/services/a/b").kind, MatchKind::kNotFound);
  EXPECT_EQ(r.match(Method::kGet, "/v1/evidence/x/y/report").kind, MatchKind::kNotFound);
}

TEST(Router, WrongMethodNamesTheMethodsThePathHas) {
  const Router r = table();
  RouteMatch m = r.match(Method::kGet, "/v1/refresh");
  EXPECT_EQ(m.kind, MatchKind::kWrongMethod);
  ASSERT_EQ(m.allowed.size(), 1u);
  EXPECT_EQ(m.allowed[0], Method::kPost);
  m = r.match(Method::kPost, "/healthz");
  EXPECT_EQ(m.kind, MatchKind::kWrongMethod);
  EXPECT_EQ(r.match(Method::kOther, "/v1/evidence/x").kind, MatchKind::kWrongMethod);
}

TEST(Router, HeadIsAnsweredByTheGetRoute) {
  const Router r = table();
  const RouteMatch m = r.match(Method::kHead, "/healthz");
  EXPECT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.index, 0u);
  EXPECT_EQ(r.match(Method::kHead, "/v1/refresh").kind, MatchKind::kWrongMethod);
}

TEST(Router, FirstRouteInTableOrderWins) {
  const Router r({{Method::kGet, "/v1/services/{id}", json_handler("capture")},
                  {Method::kGet, "/v1/services/export", json_handler("literal")}});
  EXPECT_EQ(r.match(Method::kGet, "/v1/services/export").index, 0u);
  EXPECT_EQ(method_name(Method::kPost), "POST");
}

}  // namespace
}  // namespace eutl::server
