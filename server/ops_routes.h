// The operations routes of the server core:
//   GET  /healthz      200 {"schema":"eutl-health/1","status":"ok"} while the process serves
//   GET  /readyz       200 when a verified snapshot that can answer is served
//                      (snapshot_health.h), else 503 saying why (schema eutl-ready/1)
//   GET  /metrics      Prometheus text format 0.0.4 (metrics.h)
//   POST /v1/refresh   refresh the store now (refresher.h): 200 with eutl-refresh/1,
//                      409 "refresh_running" while one runs, 503 "refresh_failed" (eutl-error/1)
#pragma once

#include <vector>

#include "server/dispatcher.h"
#include "server/metrics.h"
#include "server/refresher.h"
#include "server/route.h"
#include "server/snapshot_holder.h"

namespace eutl::server {

struct OpsParts final {
  SnapshotHolder& holder;
  Metrics& metrics;
  Refresher* refresher = nullptr;  // null: POST /v1/refresh answers 503 "refresh_disabled"
};

[[nodiscard]] std::vector<Route> ops_routes(const OpsParts& parts);

}  // namespace eutl::server
