#include "server/web/services_page.h"

#include "eutl/tsl/service_type_names.h"
#include "eutl/tsl/uris.h"
#include "server/web/form_data.h"
#include "server/web/page_layout.h"
#include "server/web/security_headers.h"

namespace eutl::server::web {
namespace {

template <typename Values>
std::string select(std::string_view id, std::string_view label, const Values& values, std::string_view chosen,
                   std::string_view all) {
  std::string out = "<div class=\"field\"><label for=\"" + std::string(id) + "\">" + std::string(label) +
                    "</label><select id=\"" + std::string(id) + "\" name=\"" + std::string(id) +
                    "\"><option value=\"\">" + std::string(all) + "</option>";
  for (const auto& v : values) {
    const std::string value(v);
    out += "<option value=\"" + esc(value) + "\"" + (value == chosen ? " selected" : "") + ">" + esc(value) +
           "</option>";
  }
  return out + "</select></div>";
}

std::string page_link(const ServiceQuery& q, std::size_t page) {
  std::string url = "/services?name=" + form_encode(q.name) + "&territory=" + form_encode(q.territory) +
                    "&type=" + form_encode(q.type) + "&status=" + form_encode(q.status) +
                    "&page=" + std::to_string(page);
  return esc(url);
}

std::string filter_form(const ServiceQuery& q, const std::vector<std::string>& territories) {
  std::string out = "<form id=\"service-search\" class=\"filters\" method=\"get\" action=\"/services\" role=\"search\">"
                    "<div class=\"field\"><label for=\"name\">Name contains</label><input id=\"name\" name=\"name\" "
                    "type=\"search\" maxlength=\"200\" value=\"" + esc(q.name) + "\"></div>";
  out += select("territory", "Territory", territories, q.territory, "all territories");
  out += select("type", "Service type", tsl::known_service_types(), q.type, "all types");
  out += select("status", "Status", tsl::known_service_statuses(), q.status, "all statuses");
  return out + "<div class=\"field\"><button type=\"submit\">Search</button></div></form>\n";
}

}  // namespace

std::string render_services(const ServiceQuery& q, const ServiceMatches& m, const std::vector<std::string>& territories,
                            std::size_t per_page) {
  std::string out = "<h1>Trust services</h1>\n<p>The services of the valid trusted lists. Names are searched in "
                    "every language, ignoring case and accents.</p>\n" + filter_form(q, territories);
  const std::size_t first = (q.page - 1) * per_page;
  out += "<p id=\"match-count\" role=\"status\">";
  if (m.total == 0) {
    out += "No service matches.";
  } else if (m.rows.empty()) {
    out += std::to_string(m.total) + " services match; page " + std::to_string(q.page) + " is past the last.";
  } else {
    out += std::to_string(m.total) + (m.total == 1 ? " service matches" : " services match") + "; showing " +
           std::to_string(first + 1) + "–" + std::to_string(first + m.rows.size()) + ".";
  }
  out += "</p>\n";
  if (!m.rows.empty()) {
    out += "<table class=\"services\" id=\"services\"><thead><tr><th scope=\"col\">ID</th>"
           "<th scope=\"col\">Territory</th><th scope=\"col\">Provider</th><th scope=\"col\">Service</th>"
           "<th scope=\"col\">Type</th><th scope=\"col\">Status</th><th scope=\"col\">Since</th></tr></thead><tbody>\n";
    for (const ServiceRow& r : m.rows) {
      out += "<tr><td><a href=\"/v1/services/" + esc(r.id) + "\"><code>" + esc(r.id) + "</code></a></td><td>" +
             esc(r.territory) + "</td><td class=\"provider\">" + esc(r.provider) + "</td><td>" + esc(r.service) +
             "</td><td title=\"" + esc(tsl::service_type_label("http://uri.etsi.org/TrstSvc/Svctype/" + r.type)) +
             "\">" + esc(r.type) + "</td><td>" + esc(r.status) + "</td><td>" + esc(r.since) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }
  if (q.page > 1 || first + m.rows.size() < m.total) {
    out += "<nav class=\"pages\" aria-label=\"Result pages\">";
    if (q.page > 1) {
      out += "<a rel=\"prev\" href=\"" + page_link(q, q.page - 1) + "\">Previous page</a> ";
    }
    if (first + m.rows.size() < m.total) {
      out += "<a rel=\"next\" href=\"" + page_link(q, q.page + 1) + "\">Next page</a>";
    }
    out += "</nav>\n";
  }
  return out;
}

Response services_page(const Request& request, const RequestContext& context) {
  const PageFrame frame{"Trust services", Section::kServices, context.lists_problem};
  if (!context.lists) {
    return html_page(render_page(frame, "<h1>Trust services</h1>\n<p id=\"no-lists\">No verified snapshot of the "
                                        "trusted lists is loaded yet.</p>\n"), 503);
  }
  const std::vector<std::string> territories = service_territories(*context.lists);
  auto query = read_service_query(request.query);
  auto matches = query ? search_services(*context.lists, *query) : Result<ServiceMatches>(query.error());
  if (!matches) {
    const std::string main = "<h1>Trust services</h1>\n<div class=\"error\" id=\"error\" role=\"alert\"><p>" +
                             esc(matches.error().message) + "</p></div>\n" + filter_form({}, territories);
    return html_page(render_page(frame, main), 400);
  }
  return html_page(render_page(frame, render_services(*query, *matches, territories)));
}

}  // namespace eutl::server::web
