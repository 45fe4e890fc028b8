// The HTTP request and response as the route handlers see them: plain values, no
// Boost.Beast type, so a handler is a function that a unit test calls directly.
// server/http_server.cpp turns Beast messages into these and back; it has already
// applied the limits (body, header, time) before a handler runs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eutl::server {

enum class Method { kGet, kHead, kPost, kOther };

struct Request final {
  Method method = Method::kGet;
  std::string target;                        // as sent: path and query, percent-encoded
  std::string path;                          // percent-decoded path, no query
  std::map<std::string, std::string> query;  // percent-decoded; the last value of a repeated key
  std::string content_type;                  // media type only, lower case ("application/json")
  std::string accept;                        // the Accept header as sent
  // The boundary parameter of a multipart Content-Type (RFC 2046 §5.1.1), unquoted;
  // empty when there is none.
  std::string boundary;
  // If-None-Match as sent (RFC 9110 §13.1.2), repeated fields joined by ", "; empty: none.
  std::string if_none_match;
  std::string body;
  std::string remote;                        // peer address, for the access log
  std::map<std::string, std::string> path_params;  // {id} captures of the matched route
};

struct Response final {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the body instead of `body`: bytes kept elsewhere (an answer the check memo
  // keeps), sent as they are, without a copy.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  // The bytes sent: `shared_body` when set, else `body`.
  [[nodiscard]] std::string_view content() const noexcept { return shared_body ? *shared_body : body; }
};

// {"schema":"eutl-error/1","error":{"code":CODE,"message":MESSAGE}} with `status`.
// `code` is stable (docs/serve.md lists them); `message` is for people.
[[nodiscard]] Response json_error(int status, std::string_view code, std::string_view message);

// A JSON body (already serialised) with status 200 unless told.
[[nodiscard]] Response json_response(std::string body, int status = 200);
// The same with a body that is kept elsewhere and not copied.
[[nodiscard]] Response json_response(std::shared_ptr<const std::string> body, int status = 200);

}  // namespace eutl::server
