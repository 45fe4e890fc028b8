#include "tests/support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace eutl::test {
namespace {

using Clock = std::chrono::steady_clock;

int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Appends what arrives within `timeout` (or less); false once the peer closed or failed.
bool receive_some(int fd, std::string& into, Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) {
    return false;
  }
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left)) <= 0) {
    return false;
  }
  char buf[8192];
  const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  if (n <= 0) {
    return false;
  }
  into.append(buf, static_cast<std::size_t>(n));
  return true;
}

// Whether `raw` holds a whole answer (headers and Content-Length body).
bool complete(const std::string& raw) {
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) {
    return false;
  }
  std::string rest;
  const HttpReply r = parse_http_reply(raw, &rest);
  return r.status != 0;
}

}  // namespace

HttpReply parse_http_reply(const std::string& raw, std::string* rest) {
  HttpReply r;
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos || raw.rfind("HTTP/1.", 0) != 0) {
    return r;
  }
  std::size_t line_end = raw.find("\r\n");
  const std::string status_line = raw.substr(0, line_end);
  std::size_t pos = line_end + 2;
  while (pos < end) {
    line_end = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, line_end - pos);
    pos = line_end + 2;
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    r.headers[name] = value;
  }
  const std::size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
  if (raw.size() < end + 4 + length) {
    return HttpReply{};  // not all of the body yet
  }
  r.body = raw.substr(end + 4, length);
  r.status = std::stoi(status_line.substr(9, 3));
  if (rest != nullptr) {
    *rest = raw.substr(end + 4 + length);
  }
  return r;
}

HttpReply http_request(int port, const std::string& method, const std::string& target, const std::string& body,
                       const HeaderList& headers, std::chrono::milliseconds timeout) {
  RawConnection c(port);
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) {
    request += name + ": " + value + "\r\n";
  }
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  if (!c.connected() || !c.send(request)) {
    return HttpReply{};
  }
  return c.read_reply(timeout);
}

RawConnection::RawConnection(int port) : m_fd(connect_loopback(port)) {}

RawConnection::~RawConnection() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

bool RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return false;
    }
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string RawConnection::read_until_closed(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string out = std::move(m_pending);
  m_pending.clear();
  while (receive_some(m_fd, out, deadline)) {
  }
  return out;
}

HttpReply RawConnection::read_reply(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!complete(m_pending) && receive_some(m_fd, m_pending, deadline)) {
  }
  std::string rest;
  HttpReply r = parse_http_reply(m_pending, &rest);
  if (r.status != 0) {
    m_pending = std::move(rest);
  }
  return r;
}

std::chrono::milliseconds RawConnection::time_until_closed(std::chrono::milliseconds timeout) {
  const auto start = Clock::now();
  const auto deadline = start + timeout;
  std::string ignored;
  while (receive_some(m_fd, ignored, deadline)) {
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

}  // namespace eutl::test
