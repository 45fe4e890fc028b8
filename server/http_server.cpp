#include "server/http_server.h"

#include <csignal>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

#include "server/http_session.h"

namespace eutl::server {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
  Impl(const ServerConfig& config, Dispatcher& dispatcher, Metrics& metrics)
      : shared{config, dispatcher, metrics} {}

  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void refuse_busy(tcp::socket& socket);
  void begin_shutdown(std::chrono::milliseconds drain);
  void wait_drained(std::chrono::steady_clock::time_point deadline);

  detail::SessionShared shared;  // outlives the io_context and the sessions it holds
  asio::io_context ioc;
  tcp::acceptor acceptor{asio::make_strand(ioc)};
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> drain_timer;
};

void HttpServer::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), beast::bind_front_handler(&Impl::on_accept, this));
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor.is_open()) {
    return;  // shut down
  }
  if (!ec) {
    if (shared.stopping.load()) {
      beast::error_code ignored;
      socket.close(ignored);
    } else if (shared.live.load() >= shared.config.max_connections) {
      refuse_busy(socket);
    } else {
      auto session = std::make_shared<detail::HttpSession>(std::move(socket), shared);
      {
        std::lock_guard lock(shared.mutex);
        shared.sessions.remove_if([](const auto& w) { return w.expired(); });
        shared.sessions.push_back(session);
      }
      session->start();
    }
  }
  accept();
}

// Beyond max_connections: a short 503 written at once, then the connection is closed.
void HttpServer::Impl::refuse_busy(tcp::socket& socket) {
  beast::error_code ec;
  const auto peer = socket.remote_endpoint(ec);
  Request request;
  request.remote = ec ? "?" : peer.address().to_string();
  Response response = shared.dispatcher.refuse(
      request, json_error(503, "busy",
                          "the server has " + std::to_string(shared.config.max_connections) +
                              " connections open, its limit; try again"));
  response.headers.emplace_back("Retry-After", "1");
  auto message = detail::to_beast(std::move(response), 11, false, false);
  beast::http::serializer<false, detail::SharedStringBody> serializer(message);
  beast::http::write(socket, serializer, ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

void HttpServer::Impl::begin_shutdown(std::chrono::milliseconds drain) {
  if (shared.stopping.exchange(true)) {
    return;
  }
  beast::error_code ignored;
  acceptor.close(ignored);
  std::vector<std::shared_ptr<detail::HttpSession>> open;
  {
    std::lock_guard lock(shared.mutex);
    for (const auto& weak : shared.sessions) {
      if (auto s = weak.lock()) {
        open.push_back(std::move(s));
      }
    }
  }
  for (auto& s : open) {
    // Each on its own strand: a request under way finishes, an idle connection closes.
    asio::post(s->executor(), [s] { s->close_if_idle(); });
  }
  wait_drained(std::chrono::steady_clock::now() + drain);
}

void HttpServer::Impl::wait_drained(std::chrono::steady_clock::time_point deadline) {
  if (shared.live.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    ioc.stop();
    return;
  }
  drain_timer.emplace(ioc, std::chrono::milliseconds(20));
  drain_timer->async_wait([this, deadline](beast::error_code) { wait_drained(deadline); });
}

HttpServer::HttpServer(const ServerConfig& config, Dispatcher& dispatcher, Metrics& metrics)
    : m_impl(std::make_unique<Impl>(config, dispatcher, metrics)) {}

HttpServer::~HttpServer() = default;

Result<std::uint16_t> HttpServer::listen() {
  const ServerConfig& config = m_impl->shared.config;
  const std::string host = config.listen_host == "localhost" ? "127.0.0.1" : config.listen_host;
  beast::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) {
    return Error(Errc::kUsage, "--listen: '" + config.listen_host + "' is not an IP address");
  }
  const tcp::endpoint endpoint(address, config.listen_port);
  auto& acceptor = m_impl->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) {
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  }
  if (!ec) {
    acceptor.bind(endpoint, ec);
  }
  if (!ec) {
    acceptor.listen(asio::socket_base::max_listen_connections, ec);
  }
  if (ec) {
    return Error(Errc::kIo, "cannot listen on " + host + ":" + std::to_string(config.listen_port) + ": " +
                                ec.message());
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::stop_on_signals(std::chrono::milliseconds drain, std::function<void(int)> on_signal) {
  m_impl->signals.emplace(m_impl->ioc, SIGINT, SIGTERM);
  m_impl->signals->async_wait([this, drain, on_signal = std::move(on_signal)](beast::error_code ec, int signal) {
    if (ec) {
      return;
    }
    if (on_signal) {
      on_signal(signal);
    }
    asio::post(m_impl->acceptor.get_executor(), [this, drain] { m_impl->begin_shutdown(drain); });
  });
}

void HttpServer::run(std::size_t threads) {
  m_impl->accept();
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < threads; ++i) {
    pool.emplace_back([this] { m_impl->ioc.run(); });
  }
  m_impl->ioc.run();
  for (auto& t : pool) {
    t.join();
  }
}

void HttpServer::shutdown(std::chrono::milliseconds drain) {
  // On the acceptor's strand, where it is used.
  asio::post(m_impl->acceptor.get_executor(), [this, drain] { m_impl->begin_shutdown(drain); });
}

}  // namespace eutl::server
