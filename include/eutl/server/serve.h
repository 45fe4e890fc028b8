// `eutl serve`: the HTTP server over the store's current snapshot, until SIGTERM or
// SIGINT. cli/cmd_serve.cpp fills the configuration and the environment; everything
// the server needs from outside (the clock, how to download and verify, which
// anchors, how to print a fetch report) comes in here, so the server reads no
// global state.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "eutl/cache/refresh.h"
#include "eutl/cache/store.h"
#include "eutl/net/fetcher.h"
#include "eutl/result.h"
#include "eutl/server/server_config.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::server {

struct ServeEnvironment final {
  // The evaluation time of each request and refresh: the wall clock in production (the
  // CLI's), a fixed instant in tests.
  std::function<tsl::TimePoint()> clock;
  net::FetchOptions fetch;        // CA file, connect-to mappings, timeouts of a refresh
  // Each refresh resumes the TLS sessions the store keeps (its `tls-sessions` file, as
  // `eutl fetch` does: include/eutl/net/tls_sessions.h) and keeps its own for the next.
  bool tls_resumption = true;
  cache::Verifier verifier;       // verify::verify_list_set in production
  // The LOTL anchors a refresh of `store` uses.
  std::function<Result<std::vector<tsl::Bytes>>(const cache::Store& store)> lotl_anchors;
  // A refresh report as `eutl fetch --json` prints it (eutl-fetch/1).
  std::function<std::string(const cache::RefreshReport& report, tsl::TimePoint at)> fetch_report_json;
  // A replica of a store another process writes (`eutl fetch`, or one serve that
  // refreshes): a refresh, scheduled or asked, only loads the store's current snapshot.
  bool read_only = false;
  std::ostream* messages = nullptr;  // start, stop and warning lines (stderr); null: none
  bool access_log = true;            // one JSON line per request on `messages`
  std::size_t threads = 4;           // the request threads
  std::chrono::milliseconds drain{10'000};  // how long requests in flight may take at shutdown
};

// Serves until SIGTERM or SIGINT, then drains and returns. Fails (kIo, kUsage) only
// when it cannot listen; a store without a snapshot is served (not ready) as is.
// Prints "eutl: serving on http://HOST:PORT (snapshot ID)" or "(no snapshot yet)" once
// listening, with the port bound when config.listen_port is 0.
[[nodiscard]] Result<void> run_server(const ServerConfig& config, const ServeEnvironment& environment);

}  // namespace eutl::server
