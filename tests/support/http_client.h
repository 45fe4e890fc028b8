// A tiny blocking HTTP/1.1 client over POSIX sockets for the `eutl serve` tests: one
// request per connection (Connection: close) and the answer read to the end, or a raw
// connection that sends exactly the bytes given (half requests, two requests on one
// keep-alive connection, hostile request lines). Loopback only, no TLS.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace eutl::test {

struct HttpReply final {
  int status = 0;  // 0: no answer (refused, closed, timed out)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// The "error"."code" of a JSON error body (the service's error envelope), or "".
inline std::string error_code_of(const HttpReply& r) {
  const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("error") && j["error"].is_object() ? j["error"].value("code", "") : "";
}

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// METHOD target on 127.0.0.1:port with the body (Content-Length set) and headers.
HttpReply http_request(int port, const std::string& method, const std::string& target, const std::string& body = "",
                       const HeaderList& headers = {}, std::chrono::milliseconds timeout = std::chrono::seconds(30));

// The first answer in `raw` (status line, headers, Content-Length body); the bytes
// after it are left in `rest` when given.
HttpReply parse_http_reply(const std::string& raw, std::string* rest = nullptr);

// A connection to 127.0.0.1:port that sends what it is told.
class RawConnection final {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return m_fd >= 0; }
  bool send(const std::string& bytes);
  // Everything received until the peer closes or `timeout` passes.
  std::string read_until_closed(std::chrono::milliseconds timeout);
  // Reads until one whole answer (by Content-Length) is in, or `timeout` passes.
  HttpReply read_reply(std::chrono::milliseconds timeout);
  // How long until the peer closed the connection (the timeout itself when it did not).
  std::chrono::milliseconds time_until_closed(std::chrono::milliseconds timeout);

 private:
  int m_fd = -1;
  std::string m_pending;  // received beyond the last answer read
};

}  // namespace eutl::test
