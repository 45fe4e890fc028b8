// POST /v1/check-site {"host", "port", "claim"}: the TLS chain of a website judged as
// `eutl check-site --json` judges it. Off unless ServerConfig::allow_site_checks (403
// site_checks_disabled); only to public addresses unless allow_private_sites (403
// address_not_allowed, server/api/address_policy.h).
#pragma once

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] Response check_site_route(const Request& request, const RequestContext& context);

}  // namespace eutl::server
