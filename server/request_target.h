// The request target (RFC 9112 §3.2, origin-form "/path?query") as the routes see it:
// the path percent-decoded (RFC 3986 §2.1), the query split into decoded key/value
// pairs ('+' is a space in a query, as HTML forms send it). A target that could reach
// outside the routes is refused before any route runs (400 "bad_path"): not starting
// with '/', a ".." anywhere in the decoded path, a NUL or a backslash, an encoded '/'
// (which would make one segment look like two) and a malformed %-escape.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "eutl/result.h"

namespace eutl::server {

struct RequestTarget final {
  std::string path;
  std::map<std::string, std::string> query;  // the last value of a repeated key
};

// kMalformed with a message for people when the target is refused.
[[nodiscard]] Result<RequestTarget> parse_request_target(std::string_view target);

// RFC 3986 §2.1 decoding; `plus_is_space` for query components. nullopt-like failure
// (kMalformed) on a '%' not followed by two hex digits.
[[nodiscard]] Result<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace eutl::server
