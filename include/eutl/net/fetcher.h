// Downloads over HTTP(S) with libcurl's multi interface: many requests in parallel
// over a bounded number of connections, each with its own timeouts, size limit,
// redirect bound and retries. Proxies come from the usual environment variables
// (curl's default). No curl type appears here.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "eutl/net/fetch_status.h"
#include "eutl/net/tls_sessions.h"
#include "eutl/tsl/bytes.h"

namespace eutl::net {

struct FetchOptions final {
  // CA certificates replacing the system's: a PEM bundle, or a directory in OpenSSL's
  // hashed form (`openssl rehash`). Empty: the system's (/etc/ssl/certs as a hashed
  // directory when it is one, else curl's default bundle).
  std::string cacert;
  std::string user_agent = "eutl";
  std::chrono::milliseconds connect_timeout{10'000};  // TCP connect and TLS handshake, per attempt
  std::chrono::milliseconds total_timeout{120'000};   // per attempt
  // Everything one Fetcher downloads (LOTL, pivots, lists, retries) ends by then,
  // counted from its construction: no stalled server holds a fetch longer.
  std::chrono::milliseconds deadline{300'000};
  // Abort when fewer than low_speed_bytes per second arrive for low_speed_time.
  long low_speed_bytes = 512;
  std::chrono::seconds low_speed_time{20};
  std::uint64_t max_body_bytes = 64ull << 20;  // real lists are < 5 MB
  long max_redirects = 5;  // an https URL is never redirected to http
  long max_connections = 8;  // parallel transfers in total
  long max_per_host = 4;
  int max_retries = 2;  // for 5xx, resets and timeouts
  std::chrono::milliseconds retry_backoff{500};  // doubled on each retry
  // curl's CONNECT_TO entries ("HOST:PORT:CONNECT-HOST:CONNECT-PORT"), as `eutl fetch
  // --connect-to` takes them: connect to another host and port (a mirror, a local test
  // server) while the URL, the Host header and the TLS name stay as listed, so the
  // server must still present a certificate for the listed host. Tests use it to map
  // real host names to a server on 127.0.0.1.
  std::vector<std::string> connect_to;
  // Sessions to resume and to keep (include/eutl/net/tls_sessions.h); null: every
  // handshake is a full one. Outlives the Fetcher; its sessions of another CA setting
  // are dropped when the first transfer starts.
  TlsSessions* tls_sessions = nullptr;
};

struct FetchRequest final {
  std::string url;
  // Conditional GET validators from the previous attempt; empty: unconditional.
  std::string etag;
  std::string last_modified;
};

struct FetchResponse final {
  FetchStatus status = FetchStatus::kNotAttempted;
  std::string error;
  long http_status = 0;
  std::string etag;
  std::string last_modified;
  tsl::Bytes body;  // complete body on kOk; empty otherwise
  std::uint64_t bytes_received = 0;  // body bytes over the wire, all attempts
  int attempts = 0;
  std::string effective_url;
};

struct FetchProgress final {
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t failures = 0;
  std::uint64_t bytes = 0;
};
using ProgressFn = std::function<void(const FetchProgress&)>;

class Fetcher final {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // One response per request, in request order. Never fails as a whole.
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests, const ProgressFn& progress = {});

 private:
  struct Multi;  // curl's multi handle, shared by every fetch_all() (net/fetcher.cpp)

  FetchOptions m_options;
  std::chrono::steady_clock::time_point m_deadline;
  std::unique_ptr<Multi> m_multi;
};

// True when the bytes look like XML (optional BOM and whitespace, then '<').
bool looks_like_xml(tsl::ByteView bytes);

}  // namespace eutl::net
