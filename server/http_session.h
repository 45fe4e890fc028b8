// One client connection of the HTTP server (http_server.h): reads requests one after
// the other within the limits, converts each into a server::Request for the
// Dispatcher, and writes the server::Response back. Internal to the server core; the
// only file besides http_server.cpp that sees Beast types.
#pragma once

#include <atomic>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "eutl/server/server_config.h"
#include "server/dispatcher.h"
#include "server/metrics.h"
#include "server/beast_message.h"

namespace eutl::server::detail {

class HttpSession;

// What every connection shares with the listener.
struct SessionShared final {
  const ServerConfig& config;
  Dispatcher& dispatcher;
  Metrics& metrics;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> live{0};  // open sessions
  std::mutex mutex;                  // guards `sessions`
  std::list<std::weak_ptr<HttpSession>> sessions;
};

class HttpSession final : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, SessionShared& shared);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start();
  boost::beast::tcp_stream::executor_type executor() { return m_stream.get_executor(); }
  // On the session's strand: closes the connection unless a request is under way.
  void close_if_idle();

 private:
  void read_next();
  void on_header(boost::beast::error_code ec);
  void on_body(boost::beast::error_code ec);
  void on_read_error(boost::beast::error_code ec);
  void answer(Response response, unsigned version, bool keep_alive, bool head_only);
  void on_write(bool keep_alive, boost::beast::error_code ec);
  void linger_close();
  void close();

  boost::beast::tcp_stream m_stream;
  SessionShared& m_shared;
  boost::beast::flat_buffer m_buffer;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
  std::shared_ptr<BeastResponse> m_response;
  std::string m_remote;
  bool m_busy = false;  // a request read or being answered
  bool m_lingering = false;
};

}  // namespace eutl::server::detail
