#include "server/ops_routes.h"

#include <nlohmann/json.hpp>

namespace eutl::server {
namespace {

using nlohmann::ordered_json;

Response healthz(const Request&, const RequestContext&) {
  return json_response(R"({"schema":"eutl-health/1","status":"ok"})"
                       "\n");
}

Response readyz(const SnapshotHolder& holder, const RequestContext& context) {
  const SnapshotView view = holder.view(context.now);
  ordered_json j;
  j["schema"] = "eutl-ready/1";
  j["status"] = view.ready ? "ready" : "not-ready";
  j["snapshot"] = view.lists ? ordered_json(view.lists->snapshot_id()) : ordered_json(nullptr);
  j["evaluated_at"] = tsl::format_time(context.now);
  j["problem"] = view.problem.empty() ? ordered_json(nullptr) : ordered_json(view.problem);
  return json_response(j.dump() + "\n", view.ready ? 200 : 503);
}

Response metrics(const SnapshotHolder& holder, const Metrics& metrics, const RequestContext& context) {
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics.render(holder.view(context.now), context.now);
  return response;
}

Response refresh(Refresher* refresher) {
  if (refresher == nullptr) {
    return json_error(503, "refresh_disabled", "this server does not refresh its store");
  }
  auto result = refresher->run_once();
  if (!result) {
    return json_error(409, "refresh_running", "a refresh is running; its snapshot is served once it ends");
  }
  return json_response(std::move(result->json), result->http_status);
}

}  // namespace

std::vector<Route> ops_routes(const OpsParts& parts) {
  SnapshotHolder& holder = parts.holder;
  Metrics& m = parts.metrics;
  Refresher* refresher = parts.refresher;
  return {
      {Method::kGet, "/healthz", healthz},
      {Method::kGet, "/readyz", [&holder](const Request&, const RequestContext& c) { return readyz(holder, c); }},
      {Method::kGet, "/metrics",
       [&holder, &m](const Request&, const RequestContext& c) { return metrics(holder, m, c); }},
      {Method::kPost, "/v1/refresh", [refresher](const Request&, const RequestContext&) { return refresh(refresher); }},
  };
}

}  // namespace eutl::server
