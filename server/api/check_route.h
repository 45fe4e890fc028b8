// POST /v1/check: one certificate decided against the snapshot in use, its evidence
// record kept (docs/openapi.json). Errors: 400 bad_json / bad_certificate / bad_claim /
// bad_time, 415 unsupported_media_type, 503 no_lists.
#pragma once

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] Response check_route(const Request& request, const RequestContext& context);

}  // namespace eutl::server
