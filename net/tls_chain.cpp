// The chain a TLS server presents, fetched with OpenSSL over a plain socket with
// connect and handshake deadlines (include/eutl/net/tls_chain.h).
#include "eutl/net/tls_chain.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>
#include <pthread.h>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include "tsl/detail/c_handle.h"

namespace eutl::net {
namespace {

using SslCtxPtr = eutl::detail::CHandle<SSL_CTX, SSL_CTX_free>;
using SslPtr = eutl::detail::CHandle<SSL, SSL_free>;
using AddrInfoPtr = eutl::detail::CHandle<addrinfo, freeaddrinfo>;

using Clock = std::chrono::steady_clock;

// A socket closed on scope exit.
class Socket final {
 public:
  explicit Socket(int fd) : m_fd(fd) {}
  Socket(Socket&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  Socket& operator=(Socket&&) = delete;
  ~Socket() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int fd() const { return m_fd; }

 private:
  int m_fd = -1;
};

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

bool wait_fd(int fd, short events, Clock::time_point deadline) {
  pollfd p{fd, events, 0};
  int rc = 0;
  do {
    rc = ::poll(&p, 1, remaining_ms(deadline));
  } while (rc < 0 && errno == EINTR);
  return rc > 0;
}

bool is_ip_literal(const std::string& host) {
  unsigned char buf[16];
  return ::inet_pton(AF_INET, host.c_str(), buf) == 1 || ::inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

std::string address_text(const sockaddr* sa) {
  char host[NI_MAXHOST] = {};
  char serv[NI_MAXSERV] = {};
  socklen_t len = sa->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
  if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return "?";
  }
  return sa->sa_family == AF_INET6 ? "[" + std::string(host) + "]:" + serv : std::string(host) + ":" + serv;
}

// Non-blocking connect to one address, bounded by the deadline.
Result<Socket> connect_one(const addrinfo& ai, Clock::time_point deadline) {
  Socket s(::socket(ai.ai_family, ai.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai.ai_protocol));
  if (s.fd() < 0) {
    return Error(Errc::kIo, std::string("socket: ") + std::strerror(errno));
  }
  if (::connect(s.fd(), ai.ai_addr, ai.ai_addrlen) != 0) {
    if (errno != EINPROGRESS) {
      return Error(Errc::kIo, address_text(ai.ai_addr) + ": " + std::strerror(errno));
    }
    if (!wait_fd(s.fd(), POLLOUT, deadline)) {
      return Error(Errc::kIo, address_text(ai.ai_addr) + ": connect timed out");
    }
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(s.fd(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      return Error(Errc::kIo, address_text(ai.ai_addr) + ": " + std::strerror(err));
    }
  }
  return s;
}

std::string openssl_errors() {
  std::string out;
  while (unsigned long e = ::ERR_get_error()) {
    char buf[256];
    ::ERR_error_string_n(e, buf, sizeof buf);
    out += (out.empty() ? "" : "; ") + std::string(buf);
  }
  return out.empty() ? "handshake failed" : out;
}

Result<void> handshake(SSL* ssl, int fd, Clock::time_point deadline) {
  for (;;) {
    ::ERR_clear_error();
    int rc = ::SSL_connect(ssl);
    if (rc == 1) {
      return {};
    }
    int err = ::SSL_get_error(ssl, rc);
    short events = err == SSL_ERROR_WANT_READ ? POLLIN : err == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
    if (events == 0) {
      return Error(Errc::kCrypto, "TLS handshake: " + openssl_errors());
    }
    if (!wait_fd(fd, events, deadline)) {
      return Error(Errc::kIo, "TLS handshake timed out");
    }
  }
}

// Writes to a socket the peer has closed raise SIGPIPE, which would kill the
// process. A library must not change the process's signal handling, so the signal
// is blocked in this thread for the duration and any pending one is consumed.
class SigpipeBlock final {
 public:
  SigpipeBlock() {
    sigemptyset(&m_pipe);
    sigaddset(&m_pipe, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;
  ~SigpipeBlock() {
    const timespec zero{0, 0};
    while (::sigtimedwait(&m_pipe, nullptr, &zero) > 0) {
    }
    ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }

 private:
  sigset_t m_pipe{};
  sigset_t m_old{};
};

}  // namespace

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

// "https://host[:port]/path?query#fragment" -> "host[:port]" (RFC 3986 §3.2 authority).
Result<std::string> url_authority(const std::string& text) {
  constexpr std::string_view kHttps = "https://";
  if (!starts_with_nocase(text, kHttps)) {
    return Error(Errc::kUsage, "'" + text + "': only https:// URLs name a TLS site");
  }
  std::string rest = text.substr(kHttps.size());
  std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string::npos) {
    return Error(Errc::kUsage, "'" + text + "': user information in the URL is not supported");
  }
  return authority;
}

}  // namespace

Result<TlsTarget> parse_tls_target(const std::string& input) {
  std::string text = input;
  if (input.find("://") != std::string::npos) {
    auto authority = url_authority(input);
    if (!authority) {
      return authority.error();
    }
    text = *authority;
  }
  TlsTarget t;
  std::string port_text;
  bool has_port = false;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos || (close + 1 < text.size() && text[close + 1] != ':')) {
      return Error(Errc::kUsage, "'" + input + "': expected [ADDRESS] or [ADDRESS]:PORT");
    }
    t.host = text.substr(1, close - 1);
    has_port = close + 1 < text.size();
    port_text = has_port ? text.substr(close + 2) : std::string();
  } else if (auto colon = text.find(':'); colon != std::string::npos && text.find(':', colon + 1) == std::string::npos) {
    t.host = text.substr(0, colon);
    has_port = true;
    port_text = text.substr(colon + 1);
  } else {
    t.host = text;  // a name, or a bare IPv6 address (port 443)
  }
  if (t.host.empty()) {
    return Error(Errc::kUsage, "'" + input + "': no host");
  }
  if (has_port) {
    unsigned v = 0;
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), v);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || v == 0 || v > 65535) {
      return Error(Errc::kUsage, "'" + input + "': the port must be 1..65535");
    }
    t.port = static_cast<std::uint16_t>(v);
  }
  return t;
}

Result<TlsChain> fetch_tls_chain(const TlsTarget& target, const TlsChainOptions& options) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(target.port);
  if (int rc = ::getaddrinfo(target.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return Error(Errc::kIo, target.host + ": " + ::gai_strerror(rc));
  }
  AddrInfoPtr addresses(found);  // freeaddrinfo on scope exit
  SigpipeBlock no_sigpipe;

  const auto connect_deadline = Clock::now() + options.connect_timeout;
  std::optional<Socket> sock;
  std::string peer;
  std::string failures;
  for (const addrinfo* ai = addresses.get(); ai != nullptr && !sock; ai = ai->ai_next) {
    auto s = connect_one(*ai, connect_deadline);
    if (s) {
      sock.emplace(std::move(*s));
      peer = address_text(ai->ai_addr);
    } else {
      failures += (failures.empty() ? "" : "; ") + s.error().message;
    }
  }
  if (!sock) {
    return Error(Errc::kIo, "cannot connect to " + target.host + ":" + port + ": " + failures);
  }

  SslCtxPtr ctx(::SSL_CTX_new(::TLS_client_method()));
  if (!ctx) {
    return Error(Errc::kCrypto, "SSL_CTX_new: " + openssl_errors());
  }
  // Observation only: the chain is judged against the trusted lists afterwards.
  ::SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  SslPtr ssl(::SSL_new(ctx.get()));
  if (!ssl || ::SSL_set_fd(ssl.get(), sock->fd()) != 1) {
    return Error(Errc::kCrypto, "SSL_new: " + openssl_errors());
  }
  TlsChain out;
  out.peer_address = peer;
  out.sni = !target.sni.empty() ? target.sni : is_ip_literal(target.host) ? std::string() : target.host;
  if (!out.sni.empty() && ::SSL_set_tlsext_host_name(ssl.get(), out.sni.c_str()) != 1) {
    return Error(Errc::kUsage, "invalid server name '" + out.sni + "'");
  }
  if (auto h = handshake(ssl.get(), sock->fd(), Clock::now() + options.handshake_timeout); !h) {
    return Error(h.error().code, peer + ": " + h.error().message);
  }
  out.protocol = ::SSL_get_version(ssl.get());
  out.cipher = ::SSL_get_cipher_name(ssl.get());
  // Client side: the peer chain includes the server's own certificate first. The
  // stack stays owned by `ssl`.
  STACK_OF(X509)* chain = ::SSL_get_peer_cert_chain(ssl.get());
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); ++i) {
    X509* cert = sk_X509_value(chain, i);
    int len = ::i2d_X509(cert, nullptr);
    if (len <= 0) {
      return Error(Errc::kMalformed, "certificate " + std::to_string(i + 1) + " of the chain cannot be encoded");
    }
    tsl::Bytes der(static_cast<std::size_t>(len));
    unsigned char* p = der.data();
    ::i2d_X509(cert, &p);
    out.certificates.push_back(std::move(der));
  }
  if (out.certificates.empty()) {
    return Error(Errc::kMalformed, peer + ": the server sent no certificate");
  }
  ::SSL_shutdown(ssl.get());  // best effort close_notify; the socket is non-blocking
  return out;
}

}  // namespace eutl::net
