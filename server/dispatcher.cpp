#include "server/dispatcher.h"

#include <exception>

#include "server/request_target.h"
#include "server/response_headers.h"

namespace eutl::server {
namespace {

std::string allow_header(const std::vector<Method>& methods) {
  std::string out;
  bool get = false;
  bool head = false;
  for (Method m : methods) {
    get = get || m == Method::kGet;
    head = head || m == Method::kHead;
    out += (out.empty() ? "" : ", ") + std::string(method_name(m));
  }
  return get && !head ? out + ", HEAD" : out;
}

}  // namespace

Dispatcher::Dispatcher(const ServerConfig& config, Router router, SnapshotHolder& holder, Metrics& metrics,
                       AccessLog& log, Clock clock)
    : m_config(config), m_router(std::move(router)), m_holder(holder), m_metrics(metrics), m_log(log),
      m_clock(std::move(clock)) {}

Response Dispatcher::dispatch(Request& request) {
  const auto start = std::chrono::steady_clock::now();
  auto target = parse_request_target(request.target);
  if (!target) {
    request.path = request.target.substr(0, request.target.find('?'));
    Response response = json_error(400, "bad_path", target.error().message);
    finish(request, m_metrics.unmatched_index(), response, start);
    return response;
  }
  request.path = std::move(target->path);
  request.query = std::move(target->query);
  RouteMatch match = m_router.match(request.method, request.path);
  Response response;
  std::size_t route_index = m_metrics.unmatched_index();
  if (match.kind == MatchKind::kNotFound) {
    response = json_error(404, "not_found", "no route for " + request.path);
  } else if (match.kind == MatchKind::kWrongMethod) {
    response = json_error(405, "method_not_allowed",
                          request.path + " does not take " + std::string(method_name(request.method)));
    response.headers.emplace_back("Allow", allow_header(match.allowed));
  } else {
    route_index = match.index;
    request.path_params = std::move(match.params);
    const tsl::TimePoint now = m_clock();
    SnapshotView view = m_holder.view(now);
    const RequestContext context{std::move(view.lists), std::move(view.problem), m_config, now, m_metrics,
                                 std::move(view.checks), std::move(view.status)};
    try {
      response = m_router.routes()[match.index].handler(request, context);
    } catch (const std::exception& e) {
      response = json_error(500, "internal", std::string("internal error: ") + e.what());
    } catch (...) {
      response = json_error(500, "internal", "internal error");
    }
  }
  finish(request, route_index, response, start);
  return response;
}

Response Dispatcher::refuse(const Request& request, Response response) {
  finish(request, m_metrics.unmatched_index(), response, std::chrono::steady_clock::now());
  return response;
}

void Dispatcher::finish(const Request& request, std::size_t route_index, Response& response,
                        std::chrono::steady_clock::time_point start) {
  add_security_headers(response);
  const auto duration =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  m_metrics.record_request(route_index, response.status, duration);
  if (m_log.enabled()) {
    const bool matched = route_index < m_router.routes().size();
    // The wall clock, not the evaluation clock: a log line says when it happened.
    const auto wall = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    m_log.write({wall, request.remote, method_name(request.method), request.path,
                 matched ? std::string_view(m_router.routes()[route_index].pattern) : std::string_view("unmatched"),
                 response.status, response.content().size(), duration});
  }
}

}  // namespace eutl::server
