// The headers every page and asset of the web page carries. The Content-Security-
// Policy (W3C CSP Level 3) allows only this origin's own script, style, image and
// fetch() targets, forms that post back here, and no framing: the pages have no
// inline script or style, so an injected tag that escaping missed still cannot run.
#pragma once

#include <string_view>

#include "server/http_message.h"

namespace eutl::server::web {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// CSP, X-Content-Type-Options: nosniff (WHATWG Fetch §3.5), Referrer-Policy: no-referrer.
void add_page_headers(Response& response);

// An HTML page: text/html; charset=utf-8, `status`, not cached (it shows live lists).
[[nodiscard]] Response html_page(std::string body, int status = 200);

}  // namespace eutl::server::web
