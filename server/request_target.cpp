#include "server/request_target.h"

namespace eutl::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

Error bad(std::string message) { return Error(Errc::kMalformed, std::move(message)); }

}  // namespace

Result<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return bad("a '%' escape needs two hex digits");
      }
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) {
        return bad("a '%' escape needs two hex digits");
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<RequestTarget> parse_request_target(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return bad("the request target must be a path starting with '/'");
  }
  const auto question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  for (std::size_t i = 0; i + 2 < raw_path.size(); ++i) {
    if (raw_path[i] == '%' && raw_path[i + 1] == '2' && (raw_path[i + 2] == 'f' || raw_path[i + 2] == 'F')) {
      return bad("an encoded '/' (%2F) is not accepted in a path");
    }
  }
  auto path = percent_decode(raw_path, false);
  if (!path) {
    return path.error();
  }
  if (path->find("..") != std::string::npos) {
    return bad("'..' is not accepted in a path");
  }
  if (path->find('\0') != std::string::npos || path->find('\\') != std::string::npos) {
    return bad("NUL and '\\' are not accepted in a path");
  }
  RequestTarget out;
  out.path = std::move(*path);
  if (question == std::string_view::npos) {
    return out;
  }
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!key || !value) {
      return bad("the query has a malformed '%' escape");
    }
    out.query[std::move(*key)] = std::move(*value);
  }
  return out;
}

}  // namespace eutl::server
