// GET /static/{name}: an asset of the compiled-in table (server/web/static_assets.h)
// or 404. The name is only ever compared with the table's names, so "..", "%2F" or an
// absolute path cannot reach a file.
#pragma once

#include "server/http_message.h"
#include "server/route.h"

namespace eutl::server::web {

[[nodiscard]] Response static_asset(const Request& request, const RequestContext& context);

// GET /favicon.ico: the page's icon (favicon.svg), for pages that do not link one.
[[nodiscard]] Response favicon(const Request& request, const RequestContext& context);

}  // namespace eutl::server::web
