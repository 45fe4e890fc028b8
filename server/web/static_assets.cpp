#include "server/web/static_assets.h"

#include <algorithm>

#include "server/web/entity_tag.h"
#include "server/web/security_headers.h"

namespace eutl::server::web {
namespace {

constexpr std::size_t kVersionDigits = 16;

std::string_view version_of(const WebAsset& asset) { return asset.sha256.substr(0, kVersionDigits); }

}  // namespace

const WebAsset* find_web_asset(std::string_view name) noexcept {
  const auto assets = web_assets();
  const auto it = std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.name == name; });
  return it == assets.end() ? nullptr : &*it;
}

std::string asset_url(std::string_view name) {
  std::string url = "/static/" + std::string(name);
  if (const WebAsset* asset = find_web_asset(name)) {
    url += "?v=" + std::string(version_of(*asset));
  }
  return url;
}

Response asset_response(const WebAsset& asset, std::string_view version, std::string_view if_none_match) {
  Response response;
  if (if_none_match_matches(if_none_match, asset.sha256)) {
    response.status = 304;  // RFC 9110 §15.4.5: no content, the headers a 200 would send
    response.content_type.clear();
  } else {
    response.content_type = std::string(asset.content_type);
    response.body = std::string(asset.body);
  }
  // RFC 9110 §8.8.3: a strong validator, quoted.
  response.headers.emplace_back("ETag", "\"" + std::string(asset.sha256) + "\"");
  // RFC 9111 §5.2.2 and RFC 8246: a URL that names the asset's digest never changes.
  response.headers.emplace_back("Cache-Control", version == version_of(asset)
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  add_page_headers(response);
  return response;
}

}  // namespace eutl::server::web
