// The read-only routes over the snapshot in use and its store, each answering the
// JSON of the CLI command named: GET /v1/status (`status --json`), /v1/services
// (`list --json`, the list filters as query parameters),
// /v1/services/{territory}/{tsp}/{service} (the service ID TERRITORY/TSP/SERVICE as
// the path; `show-service --json`), /v1/export.pem (`export --pem --for …`),
// /v1/anchors (`anchors --json`) and /v1/openapi.json (docs/openapi.json).
#pragma once

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] Response status_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response services_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response service_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response export_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response anchors_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response openapi_route(const Request& request, const RequestContext& context);

}  // namespace eutl::server
