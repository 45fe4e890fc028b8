// A route: method, path pattern and the function that answers it. The server core
// (server/router.cpp) matches a request against the tables from api_routes() and
// web_routes(), fills Request::path_params from the pattern's {name} segments, times
// the call per pattern for /metrics, and hands the handler the snapshot the request
// started with: a refresh that swaps snapshots meanwhile does not change it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "eutl/outcome.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "server/check_memo.h"
#include "server/http_message.h"
#include "server/status_memo.h"
#include "eutl/server/server_config.h"

namespace eutl::server {

// What the server counts on behalf of the handlers (implemented by the metrics of
// server/metrics.h; a test may pass its own).
class VerdictSink {
 public:
  virtual ~VerdictSink() = default;
  virtual void count_verdict(Answer answer) = 0;
  // A check answered from the answers kept for the snapshot (check_memo.h).
  virtual void count_kept_answer() {}
};

struct RequestContext final {
  // The verified snapshot this request runs on; null before the first one is loaded.
  std::shared_ptr<const TrustedLists> lists;
  // Why no usable snapshot is loaded, or why the loaded one is stale; empty when fresh.
  std::string lists_problem;
  const ServerConfig& config;
  // The instant the request arrived: the default evaluation time (style C13).
  tsl::TimePoint now;
  VerdictSink& verdicts;
  // The answers of this snapshot's checks (check_memo.h); null: every check is decided.
  std::shared_ptr<CheckMemo> checks = nullptr;
  // What this snapshot's status says at any instant (status_memo.h); null: gathered at
  // each request.
  std::shared_ptr<StatusMemo> status = nullptr;
};

using Handler = std::function<Response(const Request&, const RequestContext&)>;

struct Route final {
  Method method = Method::kGet;
  std::string pattern;  // "/v1/evidence/{id}/report": literal segments and {name} captures
  Handler handler;
};

}  // namespace eutl::server
