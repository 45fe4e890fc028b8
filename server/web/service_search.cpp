#include "server/web/service_search.h"

#include <algorithm>
#include <charconv>

#include "eutl/service_list.h"
#include "eutl/service_query.h"
#include "eutl/tsl/uris.h"

namespace eutl::server::web {
namespace {

std::string trimmed(const std::map<std::string, std::string>& query, const std::string& key) {
  const auto it = query.find(key);
  if (it == query.end()) {
    return {};
  }
  const std::string& v = it->second;
  const std::size_t first = v.find_first_not_of(" \t");
  return first == std::string::npos ? std::string{} : v.substr(first, v.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> one_or_none(const std::string& value) {
  return value.empty() ? std::vector<std::string>{} : std::vector<std::string>{value};
}

}  // namespace

Result<ServiceQuery> read_service_query(const std::map<std::string, std::string>& query) {
  ServiceQuery q;
  q.name = trimmed(query, "name");
  if (q.name.size() > 200) {
    return Error(Errc::kUsage, "name: at most 200 characters");
  }
  q.territory = trimmed(query, "territory");
  q.type = trimmed(query, "type");
  q.status = trimmed(query, "status");
  if (const std::string page = trimmed(query, "page"); !page.empty()) {
    const auto [end, ec] = std::from_chars(page.data(), page.data() + page.size(), q.page);
    if (ec != std::errc{} || end != page.data() + page.size() || q.page == 0 || q.page > 100000) {
      return Error(Errc::kUsage, "page: a number from 1, not '" + page + "'");
    }
  }
  return q;
}

std::vector<std::string> service_territories(const TrustedLists& lists) {
  std::vector<std::string> out;
  for (const tsl::IndexedService& s : lists.index().services()) {
    out.push_back(s.provenance.territory);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<ServiceMatches> search_services(const TrustedLists& lists, const ServiceQuery& query, std::size_t per_page) {
  ServiceListQuery filters;
  filters.name = query.name;
  filters.territories = one_or_none(query.territory);
  filters.types = one_or_none(query.type);
  filters.statuses = one_or_none(query.status);
  auto listing = list_services(lists, filters, "");
  if (!listing) {
    return std::move(listing).error();
  }
  ServiceMatches out;
  out.total = listing->rows.size();
  const std::size_t first = std::min((query.page - 1) * per_page, out.total);
  const std::size_t last = std::min(first + per_page, out.total);
  for (std::size_t i = first; i < last; ++i) {
    const tsl::IndexedService& s = *listing->rows[i];
    const tsl::ServiceState& current = s.service->current;
    out.rows.push_back(ServiceRow{to_string(service_id(s.provenance)), s.provenance.territory, s.provenance.tsp_name,
                                  s.provenance.service_name, std::string(tsl::service_type_short(current.type_uri)),
                                  std::string(uri_tail(current.status_uri)),
                                  tsl::format_time(current.status_start, "")});
  }
  return out;
}

}  // namespace eutl::server::web
