// The check page: GET / shows the form (server/web/assets/check-form.html), which
// works without JavaScript by posting to POST /check; app.js turns the same form into
// fetch() calls to POST /v1/check and POST /v1/check-site. POST /check runs
// server::run_check, the very check POST /v1/check runs, and answers a page with the
// result (server/web/check_result.h) or, for input it cannot use, the form again with
// the reason.
#pragma once

#include "server/http_message.h"
#include "server/route.h"

namespace eutl::server::web {

[[nodiscard]] Response check_form_page(const Request& request, const RequestContext& context);
[[nodiscard]] Response check_post(const Request& request, const RequestContext& context);

}  // namespace eutl::server::web
