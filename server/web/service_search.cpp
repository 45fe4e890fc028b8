#include "server/web/service_search.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "eutl/service_query.h"
#include "eutl/tsl/name_fold.h"
#include "eutl/tsl/service_type_names.h"
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

bool same_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

template <typename Known>
Result<std::string> one_of(const std::string& given, const Known& known, std::string_view what) {
  if (given.empty()) {
    return std::string{};
  }
  for (const auto& k : known) {
    if (same_ascii(k, given)) {
      return std::string(k);
    }
  }
  std::string valid;
  for (const auto& k : known) {
    valid += (valid.empty() ? "" : ", ") + std::string(k);
  }
  return Error(Errc::kUsage, std::string(what) + " '" + given + "' matches nothing; valid values: " + valid);
}

bool any_contains(const tsl::MultiLangString& names, std::string_view needle) {
  return std::any_of(names.values.begin(), names.values.end(),
                     [&](const tsl::LangString& s) { return tsl::contains_folded(s.value, needle); });
}

}  // namespace

Result<ServiceQuery> read_service_query(const std::map<std::string, std::string>& query,
                                        const std::vector<std::string>& territories) {
  ServiceQuery q;
  q.name = trimmed(query, "name");
  if (q.name.size() > 200) {
    return Error(Errc::kUsage, "name: at most 200 characters");
  }
  auto territory = one_of(trimmed(query, "territory"), territories, "territory");
  auto type = one_of(trimmed(query, "type"), tsl::known_service_types(), "type (ETSI TS 119 612 §5.5.1)");
  auto status = one_of(trimmed(query, "status"), tsl::known_service_statuses(), "status (ETSI TS 119 612 §5.5.4)");
  for (auto* r : {&territory, &type, &status}) {
    if (!*r) {
      return r->error();
    }
  }
  q.territory = std::move(*territory);
  q.type = std::move(*type);
  q.status = std::move(*status);
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

ServiceMatches search_services(const TrustedLists& lists, const ServiceQuery& query, std::size_t per_page) {
  std::map<tsl::Sha256, const tsl::TrustedList*> by_digest;
  for (const verify::VerifiedList& v : lists.lists()) {
    if (v.list) {
      by_digest.emplace(v.digest, &*v.list);
    }
  }
  ServiceMatches out;
  const std::size_t first = (query.page - 1) * per_page;
  for (const tsl::IndexedService& s : lists.index().services()) {
    const tsl::ServiceState& current = s.service->current;
    const std::string_view type = tsl::service_type_short(current.type_uri);
    const std::string_view status = eutl::uri_tail(current.status_uri);
    if ((!query.territory.empty() && !same_ascii(query.territory, s.provenance.territory)) ||
        (!query.type.empty() && !same_ascii(query.type, type)) ||
        (!query.status.empty() && !same_ascii(query.status, status))) {
      continue;
    }
    if (!query.name.empty()) {
      const auto list = by_digest.find(s.provenance.list_digest);
      const tsl::TrustServiceProvider* tsp =
          list != by_digest.end() && s.provenance.tsp_index < list->second->providers.size()
              ? &list->second->providers[s.provenance.tsp_index]
              : nullptr;
      const bool hit = tsl::contains_folded(s.provenance.tsp_name, query.name) ||
                       tsl::contains_folded(s.provenance.service_name, query.name) ||
                       any_contains(current.name, query.name) ||
                       (tsp != nullptr && (any_contains(tsp->name, query.name) || any_contains(tsp->trade_name, query.name)));
      if (!hit) {
        continue;
      }
    }
    if (out.total >= first && out.rows.size() < per_page) {
      out.rows.push_back(ServiceRow{to_string(service_id(s.provenance)), s.provenance.territory,
                                    s.provenance.tsp_name, s.provenance.service_name, std::string(type),
                                    std::string(status), tsl::format_time(current.status_start, "")});
    }
    ++out.total;
  }
  return out;
}

}  // namespace eutl::server::web
