// POST /v1/check: one certificate decided against the snapshot in use, its evidence
// record kept (docs/openapi.json). Errors: 400 bad_json / bad_certificate / bad_claim /
// bad_time, 415 unsupported_media_type, 503 no_lists.
#pragma once

#include <string>

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] Response check_route(const Request& request, const RequestContext& context);

// The `check --json` object with "evidence_id" added as its first key.
[[nodiscard]] std::string with_evidence_id(const std::string& check_json, const std::string& evidence_id);

}  // namespace eutl::server
