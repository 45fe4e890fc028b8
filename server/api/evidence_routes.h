// GET /v1/evidence/{id}, /v1/evidence/{id}/report, /v1/evidence/{id}/verify: a record
// POST /v1/check kept, its HTML report (as `eutl evidence report` makes it) and its
// re-verification (as `eutl evidence verify --json` prints it). {id} is the record's
// SHA-256 in lower-case hex (400 bad_id otherwise, 404 not_found when unknown).
#pragma once

#include "server/route.h"

namespace eutl::server {

[[nodiscard]] Response evidence_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response evidence_report_route(const Request& request, const RequestContext& context);
[[nodiscard]] Response evidence_verify_route(const Request& request, const RequestContext& context);

}  // namespace eutl::server
