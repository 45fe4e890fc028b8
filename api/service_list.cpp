// The services of `eutl list` and GET /v1/services (include/eutl/service_list.h).
#include "eutl/service_list.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/detail/service_json.h"
#include "api/service_name_search.h"

namespace eutl {
namespace {

using nlohmann::json;

std::string option(std::string_view prefix, std::string_view name) { return std::string(prefix) + std::string(name); }

Result<ListFilter> read_filter(const ServiceListQuery& q, const TrustedLists& lists, std::string_view prefix) {
  std::vector<std::string> present;
  for (const auto& s : lists.index().services()) {
    if (std::find(present.begin(), present.end(), s.provenance.territory) == present.end()) {
      present.push_back(s.provenance.territory);
    }
  }
  std::sort(present.begin(), present.end());
  ListFilter f;
  auto territories = parse_territory_filter(q.territories, present, "has no valid list here",
                                            option(prefix, "territory"));
  auto types = parse_type_filter(q.types, option(prefix, "type"));
  auto statuses = parse_status_filter(q.statuses, option(prefix, "status"));
  for (const auto* r : {&territories, &types, &statuses}) {
    if (!*r) {
      return r->error();
    }
  }
  f.territories = std::move(*territories);
  f.types = std::move(*types);
  f.statuses = std::move(*statuses);
  return f;
}

json warnings_json(const std::vector<ListWarning>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) {
    out.push_back({{"code", w.code}, {"message", w.message}});
  }
  return out;
}

}  // namespace

IdentityMatches services_with_identity(const std::vector<verify::CertificateProfile>& certificates,
                                       const tsl::ServiceIndex& index) {
  IdentityMatches hits;
  for (const auto& c : certificates) {
    for (const auto& h : services_identified_by(index, c)) {
      auto [it, added] = hits.emplace(h.service, h.match);
      if (!added && h.match == IdentityMatch::kSameCertificate) {
        it->second = h.match;
      }
    }
  }
  return hits;
}

Result<ServiceListing> list_services(const TrustedLists& lists, const ServiceListQuery& q, std::string_view prefix) {
  std::optional<tsl::TimePoint> qualified_at;
  if (!q.qualified_at.empty()) {
    auto t = tsl::parse_datetime(q.qualified_at);
    if (!t) {
      return Error(Errc::kUsage, option(prefix, "qualified-at") + ": " + t.error().message);
    }
    qualified_at = t->time;
  }
  std::optional<verify::CertType> use;
  if (!q.use.empty()) {
    auto u = parse_use(q.use);
    if (!u) {
      return Error(Errc::kUsage, option(prefix, "for") + ": " + u.error().message);
    }
    use = *u;
  }
  ServiceListing out;
  if (q.identity) {
    out.identity = services_with_identity(*q.identity, lists.index());
  }
  auto filter = read_filter(q, lists, prefix);
  if (!filter) {
    return std::move(filter).error();
  }
  out.warnings = list_warnings(lists);
  const detail::NameSearch name(lists, q.name);
  const auto& all = lists.index().services();
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    const tsl::IndexedService& s = all[i];
    bool keep = matches(*filter, s) && name.matches(s);
    keep = keep && (!use || (!s.periods.empty() && period_covers_use(s.periods.front(), *use)));
    keep = keep && (!qualified_at || qualified_ca_at(s, *qualified_at));
    keep = keep && (!out.identity || out.identity->count(i) == 1);
    if (keep) {
      out.rows.push_back(&s);
    }
  }
  return out;
}

std::string service_list_json(const TrustedLists& lists, const ServiceListing& listing) {
  const auto& all = lists.index().services();
  json out = json::array();
  for (const auto* s : listing.rows) {
    json row = detail::service_summary(*s);
    if (listing.identity) {
      row["identity_match"] =
          std::string(to_string(listing.identity->at(static_cast<std::uint32_t>(s - all.data()))));
    }
    if (!listing.warnings.empty()) {
      row["list_warnings"] = warnings_json(listing.warnings);
    }
    out.push_back(std::move(row));
  }
  return out.dump(2);
}

}  // namespace eutl
