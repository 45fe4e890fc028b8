// GET /services: the service browser. A GET form (name, territory, type, status) the
// server answers with an HTML table, a page of kServicesPerPage rows at a time, with
// links to the previous and next pages keeping the filters. No JavaScript is needed;
// each row links to the service as JSON (GET /v1/services/{id}).
#pragma once

#include <string>
#include <vector>

#include "server/http_message.h"
#include "server/route.h"
#include "server/web/service_search.h"

namespace eutl::server::web {

// The <main> content: the filter form (with the query's values selected) and the rows.
std::string render_services(const ServiceQuery& query, const ServiceMatches& matches,
                            const std::vector<std::string>& territories, std::size_t per_page = kServicesPerPage);

[[nodiscard]] Response services_page(const Request& request, const RequestContext& context);

}  // namespace eutl::server::web
