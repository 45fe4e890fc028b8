#include "server/web/static_page.h"

#include "server/web/security_headers.h"
#include "server/web/static_assets.h"

namespace eutl::server::web {

Response static_asset(const Request& request, const RequestContext&) {
  const auto name = request.path_params.find("name");
  const WebAsset* asset = name == request.path_params.end() ? nullptr : find_web_asset(name->second);
  if (asset == nullptr) {
    Response missing = json_error(404, "not_found", "no such file among the page's assets");
    add_page_headers(missing);
    return missing;
  }
  const auto version = request.query.find("v");
  return asset_response(*asset, version == request.query.end() ? std::string_view{} : version->second,
                        request.if_none_match);
}

Response favicon(const Request& request, const RequestContext&) {
  const WebAsset* icon = find_web_asset("favicon.svg");
  if (icon == nullptr) {
    return json_error(404, "not_found", "no icon in this build");
  }
  return asset_response(*icon, {}, request.if_none_match);
}

}  // namespace eutl::server::web
