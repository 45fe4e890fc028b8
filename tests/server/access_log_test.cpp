#include "server/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace eutl::server {
namespace {

TEST(AccessLog, OneJsonLinePerRequestWithTheRoutePattern) {
  std::ostringstream out;
  AccessLog log(&out);
  AccessRecord r;
  r.time = tsl::parse_datetime("2026-12-05T09:30:00Z")->time;
  r.remote = "127.0.0.1";
  r.method = "GET";
  r.path = "/v1/evidence/ab\xff";  // not UTF-8: replaced, the request is still logged
  r.route = "/v1/evidence/{id}";
  r.status = 404;
  r.bytes = 77;
  r.duration = std::chrono::microseconds(1234);
  log.write(r);
  log.write(r);
  const std::string text = out.str();
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  const auto j = nlohmann::json::parse(text.substr(0, text.find('\n')));
  EXPECT_EQ(j["time"], "2026-12-05T09:30:00Z");
  EXPECT_EQ(j["remote"], "127.0.0.1");
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["route"], "/v1/evidence/{id}");
  EXPECT_EQ(j["status"], 404);
  EXPECT_EQ(j["bytes"], 77);
  EXPECT_EQ(j["duration_us"], 1234);
  EXPECT_EQ(j["path"].get<std::string>().rfind("/v1/evidence/ab", 0), 0u);
}

TEST(AccessLog, QuietWritesNothing) {
  AccessLog log(nullptr);
  EXPECT_FALSE(log.enabled());
  log.write(AccessRecord{});
}

}  // namespace
}  // namespace eutl::server
