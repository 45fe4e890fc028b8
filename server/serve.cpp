#include "eutl/server/serve.h"

#include <csignal>

#include "server/access_log.h"
#include "server/api/api_routes.h"
#include "server/api/evidence_pruner.h"
#include "server/dispatcher.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/ops_routes.h"
#include "server/refresher.h"
#include "server/snapshot_holder.h"
#include "server/web/web_routes.h"

namespace eutl::server {
namespace {

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

Result<void> run_server(const ServerConfig& config, const ServeEnvironment& environment) {
  std::ostream* messages = environment.messages;
  auto say = [messages](const std::string& line) {
    if (messages != nullptr) {
      *messages << "eutl: " << line << '\n' << std::flush;
    }
  };
  SnapshotHolder holder(config.store);
  Metrics metrics;
  if (auto loaded = holder.load_current(environment.clock()); !loaded) {
    say("warning: " + holder.view(environment.clock()).problem);
  }
  RefreshSettings settings;
  settings.download = !environment.read_only;
  settings.lotl_url = config.lotl_url.empty() ? std::string(cache::kDefaultLotlUrl) : config.lotl_url;
  settings.fetch = environment.fetch;
  settings.tls_resumption = environment.tls_resumption;
  settings.verifier = environment.verifier;
  settings.lotl_anchors = environment.lotl_anchors;
  settings.report_json = environment.fetch_report_json;
  Refresher refresher(holder, metrics, settings, environment.clock);

  std::vector<Route> routes = ops_routes({holder, metrics, &refresher});
  for (auto* more : {&api_routes, &web_routes}) {
    for (Route& r : more()) {
      routes.push_back(std::move(r));
    }
  }
  metrics.set_routes(routes);
  ServerConfig served = config;  // with the evidence pruner's counter
  auto pruner = evidence_pruner_for(served, environment.read_only, metrics, environment.clock, say);
  AccessLog log(environment.access_log ? messages : nullptr);
  Dispatcher dispatcher(served, Router(std::move(routes)), holder, metrics, log, environment.clock);
  HttpServer http(served, dispatcher, metrics);
  auto port = http.listen();
  if (!port) {
    return port.error();
  }
  const std::string id = holder.snapshot_id();
  say("serving on http://" + url_host(config.listen_host) + ":" + std::to_string(*port) + " (" +
      (id.empty() ? std::string("no snapshot yet") : "snapshot " + id) + ")");
  const SnapshotView view = holder.view(environment.clock());
  if (!view.problem.empty()) {
    say(std::string(view.ready ? "warning: " : "not ready: ") + view.problem);
  }
  http.stop_on_signals(environment.drain, [&say](int signal) {
    say(std::string(signal == SIGTERM ? "SIGTERM" : "SIGINT") +
        ": no new connections; finishing the requests in flight, then exiting");
  });
  refresher.start_schedule(config.refresh_every);
  if (pruner) {
    pruner->start();  // at once, then every 10 minutes or sooner past the count
  }
  http.run(std::max<std::size_t>(1, environment.threads));
  refresher.stop();
  say("stopped");
  return {};
}

}  // namespace eutl::server
