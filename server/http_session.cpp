#include "server/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>

namespace eutl::server::detail {
namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

namespace {

bool quiet_end(beast::error_code ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::operation_aborted ||
         ec == beast::error::timeout || ec == asio::error::connection_reset || ec == asio::error::bad_descriptor ||
         ec == http::error::partial_message;
}

// What one read asks the socket for. Beast reads max(512, free capacity) bytes at a time,
// so an unreserved buffer takes a POST of one PEM certificate (about 2.5 KB) in five reads,
// each with its own timer update and hand-over between threads.
constexpr std::size_t kReadBytes = 8 * 1024;

}  // namespace

HttpSession::HttpSession(asio::ip::tcp::socket socket, SessionShared& shared)
    : m_stream(std::move(socket)), m_shared(shared) {
  m_buffer.reserve(kReadBytes);
  beast::error_code ec;
  const auto peer = m_stream.socket().remote_endpoint(ec);
  m_remote = ec ? std::string("?") : peer.address().to_string();
  m_shared.live.fetch_add(1);
  m_shared.metrics.connection_opened();
}

HttpSession::~HttpSession() {
  m_shared.metrics.connection_closed();
  m_shared.live.fetch_sub(1);
}

void HttpSession::start() {
  asio::dispatch(m_stream.get_executor(), beast::bind_front_handler(&HttpSession::read_next, shared_from_this()));
}

void HttpSession::read_next() {
  if (m_shared.stopping.load()) {
    close();
    return;
  }
  m_busy = false;
  m_parser.emplace();
  m_parser->header_limit(static_cast<std::uint32_t>(m_shared.config.max_header_bytes));
  m_parser->body_limit(m_shared.config.max_body_bytes);
  // The whole request, headers and body, within read_timeout: a slow client is cut off.
  m_stream.expires_after(m_shared.config.read_timeout);
  http::async_read_header(m_stream, m_buffer, *m_parser,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void HttpSession::on_header(beast::error_code ec) {
  if (ec) {
    on_read_error(ec);
    return;
  }
  m_busy = true;
  const auto& header = m_parser->get();
  if (beast::iequals(header[http::field::expect], "100-continue")) {
    // RFC 9110 §10.1.1: the client waits for this before it sends the body.
    beast::error_code write_ec;
    static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::write(m_stream.socket(), asio::buffer(kContinue, sizeof kContinue - 1), write_ec);
    if (write_ec) {
      close();
      return;
    }
  }
  http::async_read(m_stream, m_buffer, *m_parser,
                   [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_body(e); });
}

void HttpSession::on_body(beast::error_code ec) {
  if (ec) {
    on_read_error(ec);
    return;
  }
  m_busy = true;
  BeastRequest request = m_parser->release();
  const bool keep_alive = request.keep_alive();
  const unsigned version = request.version();
  const bool head_only = request.method() == http::verb::head;
  Request plain = from_beast(std::move(request), m_remote);
  Response response = m_shared.dispatcher.dispatch(plain);
  m_stream.expires_after(m_shared.config.read_timeout);
  answer(std::move(response), version, keep_alive && !m_shared.stopping.load(), head_only);
}

void HttpSession::on_read_error(beast::error_code ec) {
  if (quiet_end(ec) || !m_parser) {
    close();
    return;
  }
  Request plain;
  plain.remote = m_remote;
  if (m_parser->is_header_done()) {
    plain.target = std::string(m_parser->get().target());
    plain.path = plain.target.substr(0, plain.target.find('?'));
  }
  Response response;
  if (ec == http::error::body_limit) {
    response = json_error(413, "body_too_large",
                          "the request body is larger than " + std::to_string(m_shared.config.max_body_bytes) +
                              " bytes");
  } else if (ec == http::error::header_limit) {
    response = json_error(431, "headers_too_large",
                          "the request line and headers are larger than " +
                              std::to_string(m_shared.config.max_header_bytes) + " bytes");
  } else {
    response = json_error(400, "bad_request", "the request is not valid HTTP/1.1: " + ec.message());
  }
  m_busy = true;
  m_stream.expires_after(m_shared.config.read_timeout);
  answer(m_shared.dispatcher.refuse(plain, std::move(response)), 11, false, false);
}

void HttpSession::answer(Response response, unsigned version, bool keep_alive, bool head_only) {
  m_response = std::make_shared<BeastResponse>(to_beast(std::move(response), version, keep_alive, head_only));
  auto on_done = [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
    self->on_write(keep_alive, ec);
  };
  if (head_only) {
    // Only the header: its Content-Length describes the body a GET would get.
    auto serializer = std::make_shared<http::response_serializer<SharedStringBody>>(*m_response);
    http::async_write_header(m_stream, *serializer,
                             [serializer, done = std::move(on_done)](beast::error_code ec, std::size_t n) mutable {
                               done(ec, n);
                             });
    return;
  }
  http::async_write(m_stream, *m_response, std::move(on_done));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec) {
  m_response.reset();
  if (ec || !keep_alive) {
    linger_close();
    return;
  }
  read_next();
}

// After the last answer: stop sending, then read and drop what the client still sends
// (the rest of a refused body) until it closes, for a second at most. Closing with
// unread bytes would reset the connection, and the client could lose the answer
// (RFC 9112 §9.6).
void HttpSession::linger_close() {
  if (!m_lingering) {
    m_lingering = true;
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(std::chrono::seconds(1));
  }
  m_buffer.clear();
  m_stream.async_read_some(m_buffer.prepare(16 * 1024),
                           [self = shared_from_this()](beast::error_code e, std::size_t) {
                             if (e) {
                               self->close();
                               return;
                             }
                             self->m_buffer.clear();
                             self->linger_close();
                           });
}

void HttpSession::close_if_idle() {
  const bool begun = m_busy || (m_parser && m_parser->got_some()) || m_buffer.size() > 0;
  if (!begun) {
    close();
  }
}

void HttpSession::close() {
  beast::error_code ignored;
  m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  m_stream.close();
}

}  // namespace eutl::server::detail
