// The HTTP/1.1 server of `eutl serve`, on Boost.Beast over Boost.Asio (Debian
// libboost-dev, header-only: no other run-time dependency, and the parser enforces the
// header and body limits while it reads). One io_context run by a small fixed pool of
// threads; one strand per connection. Beast types stay inside http_server.cpp: the
// routes see only server::Request and server::Response (http_message.h).
//
// Limits (ServerConfig): a body over max_body_bytes is answered 413 "body_too_large"
// and a header block over max_header_bytes 431 "headers_too_large", both before the
// rest is read, and the connection closed; a request not complete within read_timeout
// (counted from the end of the previous answer) closes the connection; beyond
// max_connections open connections a new one is answered 503 "busy" and closed.
// Keep-alive as the client asks (RFC 9112 §9.3), "Expect: 100-continue" answered.
//
// shutdown(): stop accepting, close connections waiting for a request, let requests
// already begun (a byte of them received) finish and be answered, then stop, or
// stop anyway once `drain` has passed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "eutl/result.h"
#include "eutl/server/server_config.h"
#include "server/dispatcher.h"
#include "server/metrics.h"

namespace eutl::server {

class HttpServer final {
 public:
  HttpServer(const ServerConfig& config, Dispatcher& dispatcher, Metrics& metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds config.listen_host:listen_port (an IP address, or "localhost") and returns
  // the port bound: the one asked, or the one the system chose for port 0. kIo when
  // the address cannot be bound, kUsage when it is not an address.
  [[nodiscard]] Result<std::uint16_t> listen();

  // SIGINT and SIGTERM call `on_signal(signal number)` and then shutdown(drain).
  void stop_on_signals(std::chrono::milliseconds drain, std::function<void(int)> on_signal);

  // Serves on `threads` threads (the caller's among them) until shut down.
  void run(std::size_t threads);

  // Thread-safe; returns at once.
  void shutdown(std::chrono::milliseconds drain);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace eutl::server
