#include "cli/list_table.h"

#include <algorithm>
#include <map>
#include <ostream>

#include "cli/text_columns.h"
#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/tsl/uris.h"

namespace eutl::cli {
namespace {

constexpr std::size_t kTspWidth = 32;  // the provider name is cut to 30 characters

std::string since(const tsl::ServiceState& s) {
  return s.status_start ? tsl::format_time(*s.status_start).substr(0, 10) : "-";
}

}  // namespace

void print_service_table(std::ostream& out, std::ostream& legend_out,
                         const std::vector<const tsl::IndexedService*>& rows, bool quiet) {
  std::size_t id_width = 4;
  std::size_t type_width = 6;
  std::size_t status_width = 8;
  std::map<std::string, std::string> legend;  // short form → readable name
  for (const auto* s : rows) {
    const tsl::ServiceState& cur = s->service->current;
    id_width = std::max(id_width, eutl::to_string(eutl::service_id(s->provenance)).size() + 2);
    type_width = std::max(type_width, tsl::service_type_short(cur.type_uri).size() + 2);
    status_width = std::max(status_width, eutl::uri_tail(cur.status_uri).size() + 2);
    legend.emplace(tsl::service_type_short(cur.type_uri), tsl::service_type_name(cur.type_uri));
  }
  out << pad("ID", id_width) << pad("TYPE", type_width) << pad("STATUS", status_width) << pad("SINCE", 12)
      << pad("TSP", kTspWidth) << "SERVICE\n";
  for (const auto* s : rows) {
    const tsl::ServiceState& cur = s->service->current;
    out << pad(eutl::to_string(eutl::service_id(s->provenance)), id_width)
        << pad(tsl::service_type_short(cur.type_uri), type_width) << pad(eutl::uri_tail(cur.status_uri), status_width)
        << pad(since(cur), 12) << pad(fit(s->provenance.tsp_name, kTspWidth - 2), kTspWidth)
        << s->provenance.service_name << '\n';
  }
  if (!quiet) {
    for (const auto& [short_form, name] : legend) {
      if (!short_form.empty() && !name.empty()) {
        legend_out << pad(short_form, type_width) << name << '\n';
      }
    }
  }
}

void print_service_csv(std::ostream& out, const std::vector<const tsl::IndexedService*>& rows) {
  out << csv_row({"id", "territory", "tsp", "service_name", "type_short", "type_name", "status_short", "status_start",
                  "additional_information", "type", "status"});
  for (const auto* s : rows) {
    const tsl::ServiceState& cur = s->service->current;
    std::string asi;
    for (const auto& a : cur.extensions.additional_information) {
      asi += (asi.empty() ? "" : ";") + std::string(eutl::uri_tail(a.uri));
    }
    out << csv_row({eutl::to_string(eutl::service_id(s->provenance)), s->provenance.territory, s->provenance.tsp_name,
                    s->provenance.service_name, std::string(tsl::service_type_short(cur.type_uri)),
                    std::string(tsl::service_type_name(cur.type_uri)), std::string(eutl::uri_tail(cur.status_uri)),
                    cur.status_start ? tsl::format_time(*cur.status_start) : "", asi, cur.type_uri, cur.status_uri});
  }
}

}  // namespace eutl::cli
