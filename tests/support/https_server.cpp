#include "tests/support/https_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace eutl::test {
namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p != nullptr) {
      Free(p);
    }
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using SslPtr = std::unique_ptr<SSL, Deleter<SSL_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
    throw std::runtime_error("X509 extension");
  }
}

// Self-signed P-256 certificate, CA:TRUE so it can be its own trust anchor.
// `subject_alt_names` as OpenSSL's config syntax ("IP:127.0.0.1,DNS:a.example").
X509Ptr make_certificate(EVP_PKEY* key, const std::string& subject_alt_names) {
  const bool name_ok = subject_alt_names.starts_with("IP:127.0.0.1");
  X509Ptr cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), name_ok ? 1 : 2);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name_ok ? "127.0.0.1" : "wrong.example"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  add_extension(cert.get(), NID_subject_alt_name, subject_alt_names.c_str());
  if (X509_sign(cert.get(), key, EVP_sha256()) <= 0) {
    throw std::runtime_error("X509_sign");
  }
  return cert;
}

// One accepted connection: TLS when `ssl` is set, plain TCP otherwise.
struct Connection final {
  SSL* ssl = nullptr;
  int fd = -1;
  int read(char* buf, int n) const {
    return ssl != nullptr ? SSL_read(ssl, buf, n) : static_cast<int>(::read(fd, buf, static_cast<std::size_t>(n)));
  }
  int write(const char* data, int n) const {
    return ssl != nullptr ? SSL_write(ssl, data, n)
                          : static_cast<int>(::send(fd, data, static_cast<std::size_t>(n), MSG_NOSIGNAL));
  }
  bool pending() const { return ssl != nullptr && SSL_pending(ssl) > 0; }
};

bool write_all(const Connection& conn, const char* data, std::size_t n) {
  while (n > 0) {
    int w = conn.write(data, static_cast<int>(std::min<std::size_t>(n, 1 << 16)));
    if (w <= 0) {
      return false;
    }
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

std::string header(const std::string& request, const std::string& name) {
  auto pos = request.find("\r\n" + name + ":");
  if (pos == std::string::npos) {
    return {};
  }
  pos += name.size() + 3;
  auto end = request.find("\r\n", pos);
  std::string v = request.substr(pos, end - pos);
  while (!v.empty() && v.front() == ' ') {
    v.erase(0, 1);
  }
  return v;
}

std::string etag_of(const std::string& body) {
  return "\"" + std::to_string(std::hash<std::string>{}(body)) + "\"";
}

}  // namespace

HttpsServer::HttpsServer(bool certificate_name_ok)
    : HttpsServer(certificate_name_ok ? "IP:127.0.0.1" : "DNS:wrong.example", true) {}

HttpsServer::HttpsServer(const std::vector<std::string>& dns_names) : HttpsServer([&dns_names] {
  std::string names = "IP:127.0.0.1";
  for (const std::string& n : dns_names) {
    names += ",DNS:" + n;
  }
  return names;
}(), true) {}

std::unique_ptr<HttpsServer> HttpsServer::plain_http() {
  return std::unique_ptr<HttpsServer>(new HttpsServer(std::string(), false));
}

HttpsServer::HttpsServer(const std::string& subject_alt_names, bool tls) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the test
  X509Ptr cert;
  if (tls) {
    PkeyPtr key(EVP_EC_gen("P-256"));
    cert = make_certificate(key.get(), subject_alt_names);
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    if (ctx == nullptr || SSL_CTX_use_certificate(ctx, cert.get()) != 1 ||
        SSL_CTX_use_PrivateKey(ctx, key.get()) != 1) {
      throw std::runtime_error("SSL_CTX setup");
    }
    m_ctx = ctx;
  }

  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(m_listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen_fd, 64) != 0) {
    throw std::runtime_error("bind/listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  m_port = ntohs(addr.sin_port);

  if (cert) {
    m_ca_file = std::filesystem::temp_directory_path() /
                ("eutl-test-ca-" + std::to_string(::getpid()) + "-" + std::to_string(m_port) + ".pem");
    FILE* f = std::fopen(m_ca_file.c_str(), "w");
    PEM_write_X509(f, cert.get());
    std::fclose(f);
    char hashed[16];
    std::snprintf(hashed, sizeof hashed, "%08lx.0", X509_subject_name_hash(cert.get()));
    m_ca_hashed_name = hashed;
  }
  m_acceptor = std::thread([this] { accept_loop(); });
}

HttpsServer::~HttpsServer() {
  m_stop = true;
  m_acceptor.join();
  for (std::thread& t : m_threads) {
    t.join();
  }
  ::close(m_listen_fd);
  SSL_CTX_free(static_cast<SSL_CTX*>(m_ctx));
  if (!m_ca_file.empty()) {
    std::error_code ec;
    std::filesystem::remove(m_ca_file, ec);
  }
}

std::string HttpsServer::connect_to() const { return "127.0.0.1:443:127.0.0.1:" + std::to_string(m_port); }

void HttpsServer::set_route(const std::string& path, Route route) {
  std::lock_guard lock(m_mutex);
  m_routes[path] = std::move(route);
}

void HttpsServer::set_fault(const std::string& path, Fault fault) {
  std::lock_guard lock(m_mutex);
  m_routes[path].fault = fault;
}

void HttpsServer::set_etag(const std::string& path, std::string etag) {
  std::lock_guard lock(m_mutex);
  m_routes[path].etag = std::move(etag);
}

int HttpsServer::requests(const std::string& path) const {
  std::lock_guard lock(m_mutex);
  auto it = m_requests.find(path);
  return it == m_requests.end() ? 0 : it->second;
}

void HttpsServer::limit_to_tls12() {
  if (m_ctx == nullptr || SSL_CTX_set_max_proto_version(static_cast<SSL_CTX*>(m_ctx), TLS1_2_VERSION) != 1) {
    throw std::runtime_error("TLS 1.2 limit");
  }
}

void HttpsServer::reset_counters() {
  std::lock_guard lock(m_mutex);
  m_requests.clear();
  m_body_bytes = 0;
  m_handshakes = 0;
  m_resumed_handshakes = 0;
}

void HttpsServer::accept_loop() {
  while (!m_stop) {
    pollfd p{m_listen_fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) {
      continue;
    }
    int fd = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
      m_threads.emplace_back([this, fd] { serve(fd); });
    }
  }
}

void HttpsServer::serve(int fd) {
  SslPtr ssl(m_ctx != nullptr ? SSL_new(static_cast<SSL_CTX*>(m_ctx)) : nullptr);
  const Connection conn{ssl.get(), fd};
  if (ssl) {
    SSL_set_fd(ssl.get(), fd);
  }
  auto wait_readable = [&]() {
    while (!m_stop) {
      if (conn.pending()) {
        return true;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) > 0) {
        return true;
      }
    }
    return false;
  };
  bool keep_alive = wait_readable() && (!ssl || SSL_accept(ssl.get()) == 1);
  if (keep_alive && ssl) {
    ++m_handshakes;
    if (SSL_session_reused(ssl.get()) == 1) {
      ++m_resumed_handshakes;
    }
  }
  while (keep_alive && !m_stop) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      if (!wait_readable()) {
        break;
      }
      int n = conn.read(buf, sizeof buf);
      if (n <= 0) {
        break;
      }
      request.append(buf, static_cast<std::size_t>(n));
    }
    if (request.find("\r\n\r\n") == std::string::npos) {
      break;
    }
    const auto sp1 = request.find(' ');
    const std::string path = request.substr(sp1 + 1, request.find(' ', sp1 + 1) - sp1 - 1);
    Route route;
    bool known = false;
    {
      std::lock_guard lock(m_mutex);
      ++m_requests[path];
      if (auto it = m_routes.find(path); it != m_routes.end()) {
        route = it->second;
        known = true;
      }
    }
    auto simple = [&](const std::string& status, const std::string& extra = {}) {
      std::string r = "HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n" + extra + "\r\n";
      return write_all(conn, r.data(), r.size());
    };
    if (!known || route.fault == Fault::kNotFound) {
      keep_alive = simple("404 Not Found");
      continue;
    }
    switch (route.fault) {
      case Fault::kNone: {
        const std::string etag = route.etag.empty() ? etag_of(route.body) : route.etag;
        if (header(request, "If-None-Match") == etag) {
          keep_alive = simple("304 Not Modified", "ETag: " + etag + "\r\n");
          break;
        }
        std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.etsi.tsl+xml\r\nETag: " + etag +
                           "\r\nContent-Length: " + std::to_string(route.body.size()) + "\r\n\r\n";
        keep_alive = write_all(conn, head.data(), head.size()) &&
                     write_all(conn, route.body.data(), route.body.size());
        m_body_bytes += route.body.size();
        break;
      }
      case Fault::kServerError:
        keep_alive = simple("500 Internal Server Error");
        break;
      case Fault::kRedirectLoop:
        keep_alive = simple("302 Found", "Location: " + path + "\r\n");
        break;
      case Fault::kRedirect:
        keep_alive = simple("302 Found", "Location: " + route.body + "\r\n");
        break;
      case Fault::kNotFoundPage: {
        std::string r = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: " +
                        std::to_string(route.body.size()) + "\r\n\r\n" + route.body;
        keep_alive = write_all(conn, r.data(), r.size());
        break;
      }
      case Fault::kReset: {
        linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        keep_alive = false;
        break;
      }
      case Fault::kHalfBody: {
        std::string head = "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(route.body.size()) + "\r\n\r\n";
        write_all(conn, head.data(), head.size());
        write_all(conn, route.body.data(), route.body.size() / 2);
        m_body_bytes += route.body.size() / 2;
        keep_alive = false;
        break;
      }
      case Fault::kStall: {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!m_stop && std::chrono::steady_clock::now() < until) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        keep_alive = false;
        break;
      }
      case Fault::kHuge: {
        std::string head = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n<?xml version=\"1.0\"?>";
        write_all(conn, head.data(), head.size());
        const std::string chunk(1 << 16, ' ');
        for (std::uint64_t sent = 0; sent < (1ull << 30) && !m_stop; sent += chunk.size()) {
          if (!write_all(conn, chunk.data(), chunk.size())) {
            break;
          }
          m_body_bytes += chunk.size();
        }
        keep_alive = false;
        break;
      }
      case Fault::kNotFound:
        break;
    }
  }
  if (ssl && SSL_is_init_finished(ssl.get()) == 1) {
    // Count the connection as shut down (nothing is sent): OpenSSL drops from its server
    // cache a session whose connection was not, and TLS 1.2 resumes by that cache
    // (curl turns session tickets off, RFC 5077).
    SSL_set_shutdown(ssl.get(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
  }
  ::close(fd);
}

}  // namespace eutl::test
