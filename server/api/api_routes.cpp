// The /v1 JSON API (server/api/api_routes.h).
#include "server/api/api_routes.h"

#include "server/api/catalogue_routes.h"
#include "server/api/check_route.h"
#include "server/api/evidence_routes.h"
#include "server/api/site_route.h"

namespace eutl::server {

std::vector<Route> api_routes() {
  return {
      {Method::kPost, "/v1/check", check_route},
      {Method::kPost, "/v1/check-site", check_site_route},
      {Method::kGet, "/v1/evidence/{id}", evidence_route},
      {Method::kGet, "/v1/evidence/{id}/report", evidence_report_route},
      {Method::kGet, "/v1/evidence/{id}/verify", evidence_verify_route},
      {Method::kGet, "/v1/status", status_route},
      {Method::kGet, "/v1/services", services_route},
      {Method::kGet, "/v1/services/{territory}/{tsp}/{service}", service_route},
      {Method::kGet, "/v1/export.pem", export_route},
      {Method::kGet, "/v1/anchors", anchors_route},
      {Method::kGet, "/v1/openapi.json", openapi_route},
  };
}

}  // namespace eutl::server
