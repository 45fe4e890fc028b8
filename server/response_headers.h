// The headers every answer carries, whatever route (or error) produced it:
//   X-Content-Type-Options: nosniff         on every response;
//   Content-Security-Policy: default-src 'self'; frame-ancestors 'none'
//   and X-Frame-Options: DENY              on HTML, unless the route set its own CSP;
//   Cache-Control: no-store                 unless the route set a Cache-Control (an
//                                           answer depends on the snapshot of the moment).
#pragma once

#include "server/http_message.h"

namespace eutl::server {

void add_security_headers(Response& response);

// The value of an extra header the route set (case-insensitive name), or nullptr.
[[nodiscard]] const std::string* find_header(const Response& response, std::string_view name);

}  // namespace eutl::server
