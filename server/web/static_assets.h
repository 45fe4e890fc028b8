// The web page's static assets (server/web/assets/), compiled into the binary by
// CMake (web_assets.cpp.in): GET /static/{name} answers from this table only, so no
// request can reach the file system. Each asset carries its SHA-256 as its ETag
// (RFC 9110 §8.8.3); pages link to /static/NAME?v=ETAG, and such a versioned URL
// may be cached for a year (RFC 8246 immutable).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "server/http_message.h"

namespace eutl::server::web {

struct WebAsset final {
  std::string_view name;          // "app.css": [a-z0-9.-], no directory
  std::string_view content_type;  // "text/css; charset=utf-8"
  std::string_view sha256;        // hex digest of the text
  std::string_view body;
};

// Every compiled-in asset (defined in the generated web_assets.cpp).
std::span<const WebAsset> web_assets() noexcept;

// The asset of that exact name, or null.
const WebAsset* find_web_asset(std::string_view name) noexcept;

// "/static/app.css?v=<first 16 hex of its SHA-256>"; the bare path for an unknown name.
std::string asset_url(std::string_view name);

// The asset with its content type, ETag, cache and security headers. `version` is the
// request's ?v=: when it names this asset's digest the answer may be cached for good.
// `if_none_match` is the request's If-None-Match: when it names the asset's ETag (or is
// "*") the answer is 304 Not Modified with the same ETag and headers and no body
// (RFC 9110 §13.1.2, §15.4.5).
[[nodiscard]] Response asset_response(const WebAsset& asset, std::string_view version,
                                      std::string_view if_none_match = {});

}  // namespace eutl::server::web
