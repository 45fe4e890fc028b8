// The /v1 JSON API (docs/openapi.json): check, check-site, evidence, status,
// services, export, anchors and the OpenAPI document itself. Same JSON shapes as the
// CLI's --json. The operations routes (/healthz, /readyz, /metrics, POST /v1/refresh)
// belong to the server core (server/ops_routes.h).
#pragma once

#include <vector>

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] std::vector<Route> api_routes();

}  // namespace eutl::server
