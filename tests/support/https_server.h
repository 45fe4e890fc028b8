// A small HTTPS server for the cache tests: 127.0.0.1 on an ephemeral port, a
// self-signed certificate made with the OpenSSL API at start-up, one thread per
// connection, and faults injectable per path. Also as plain HTTP (plain_http()) and
// with a certificate for named hosts that connect-to maps to loopback.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace eutl::test {

enum class Fault {
  kNone,          // 200 with the body; 304 when If-None-Match matches the ETag
  kNotFound,      // 404
  kServerError,   // 500
  kReset,         // TCP reset right after the request
  kHalfBody,      // Content-Length of the whole body, half of it sent, then close
  kStall,         // nothing sent for 30 s (or until the server stops)
  kHuge,          // 1 GB streamed without Content-Length until the client gives up
  kRedirectLoop,  // 302 to itself
  kRedirect,      // 302 to the route's body (a URL)
  kNotFoundPage,  // 404 with the route's body as the error page
};

struct Route final {
  std::string body;
  Fault fault = Fault::kNone;
  std::string etag;  // sent as the ETag instead of one made from the body, when not empty
};

class HttpsServer final {
 public:
  // `certificate_name_ok`: false gives a certificate for "wrong.example" instead of
  // IP 127.0.0.1 (an invalid TLS certificate for clients).
  explicit HttpsServer(bool certificate_name_ok = true);
  // A certificate for these DNS names (and IP 127.0.0.1): real URLs whose hosts are
  // all sent to this server by connect-to.
  explicit HttpsServer(const std::vector<std::string>& dns_names);
  // The same server without TLS, for http:// URLs; ca_file() is empty.
  static std::unique_ptr<HttpsServer> plain_http();
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  int port() const { return m_port; }
  // PEM of the server's certificate, to pass as --cacert.
  const std::filesystem::path& ca_file() const { return m_ca_file; }
  // The name `openssl rehash` gives that certificate in a hashed CA directory
  // ("0123abcd.0": its subject's hash); empty for plain HTTP.
  const std::string& ca_hashed_name() const { return m_ca_hashed_name; }
  // "127.0.0.1:443:127.0.0.1:<port>": lets https://127.0.0.1/… URLs reach this server.
  std::string connect_to() const;

  // Offers TLS 1.2 at most from now on (sessions resumed as RFC 5077 describes).
  void limit_to_tls12();
  void set_route(const std::string& path, Route route);
  void set_fault(const std::string& path, Fault fault);
  void set_etag(const std::string& path, std::string etag);
  // Body bytes sent with 200 responses (kNone, kHalfBody, kHuge) since the last reset.
  std::uint64_t body_bytes_sent() const { return m_body_bytes.load(); }
  int requests(const std::string& path) const;
  // TLS handshakes completed since the last reset, and those of them that resumed a
  // session (RFC 8446 §2.2) instead of presenting the certificate.
  int handshakes() const { return m_handshakes.load(); }
  int resumed_handshakes() const { return m_resumed_handshakes.load(); }
  void reset_counters();

 private:
  HttpsServer(const std::string& subject_alt_names, bool tls);
  void accept_loop();
  void serve(int fd);

  int m_listen_fd = -1;
  int m_port = 0;
  void* m_ctx = nullptr;  // SSL_CTX*, kept opaque to keep OpenSSL out of test headers; null: plain HTTP
  std::filesystem::path m_ca_file;
  std::string m_ca_hashed_name;
  std::atomic<bool> m_stop{false};
  std::atomic<std::uint64_t> m_body_bytes{0};
  std::atomic<int> m_handshakes{0};
  std::atomic<int> m_resumed_handshakes{0};
  mutable std::mutex m_mutex;
  std::map<std::string, Route> m_routes;
  std::map<std::string, int> m_requests;
  std::vector<std::thread> m_threads;
  std::thread m_acceptor;
};

}  // namespace eutl::test
