// From a request, as read off the wire, to its answer, without any socket: parses the
// target (request_target.h), finds the route (router.h), gives the handler the
// snapshot of the moment (snapshot_holder.h), turns an escaping exception into a JSON
// 500, adds the security headers (response_headers.h), and counts and logs the answer
// (metrics.h, access_log.h). The HTTP server calls it once per request; tests call it
// directly.
#pragma once

#include <functional>
#include <string_view>

#include "eutl/server/server_config.h"
#include "eutl/tsl/time.h"
#include "server/access_log.h"
#include "server/http_message.h"
#include "server/metrics.h"
#include "server/router.h"
#include "server/snapshot_holder.h"

namespace eutl::server {

// The evaluation clock: the wall clock in production, a fixed instant in tests.
using Clock = std::function<tsl::TimePoint()>;

class Dispatcher final {
 public:
  Dispatcher(const ServerConfig& config, Router router, SnapshotHolder& holder, Metrics& metrics, AccessLog& log,
             Clock clock);

  // `request` has method, target, content_type, accept, body and remote set; path,
  // query and path_params are filled here.
  [[nodiscard]] Response dispatch(Request& request);

  // An answer the server makes itself before any route (a limit hit, a bad request
  // line): headers, counted under "unmatched" and logged like any other.
  [[nodiscard]] Response refuse(const Request& request, Response response);

  const Router& router() const noexcept { return m_router; }
  Clock clock() const { return m_clock; }

 private:
  void finish(const Request& request, std::size_t route_index, Response& response,
              std::chrono::steady_clock::time_point start);

  const ServerConfig& m_config;
  Router m_router;
  SnapshotHolder& m_holder;
  Metrics& m_metrics;
  AccessLog& m_log;
  Clock m_clock;
};

}  // namespace eutl::server
