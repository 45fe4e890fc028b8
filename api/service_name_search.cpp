// Name search for `eutl list --name` (api/service_name_search.h).
#include "api/service_name_search.h"

#include "eutl/tsl/name_fold.h"

namespace eutl::detail {

NameSearch::NameSearch(const eutl::TrustedLists& lists, std::string_view text) : m_needle(tsl::fold_for_search(text)) {
  for (const auto& v : lists.lists()) {
    if (v.list) {
      m_lists.emplace(v.digest, &*v.list);
    }
  }
}

bool NameSearch::any_contains(const tsl::MultiLangString& names) const {
  for (const auto& n : names.values) {
    if (tsl::fold_for_search(n.value).find(m_needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool NameSearch::matches(const tsl::IndexedService& service) const {
  if (m_needle.empty()) {
    return true;
  }
  const tsl::ServiceProvenance& p = service.provenance;
  if (tsl::fold_for_search(p.tsp_name).find(m_needle) != std::string::npos ||
      tsl::fold_for_search(p.service_name).find(m_needle) != std::string::npos ||
      any_contains(service.service->current.name)) {
    return true;
  }
  const auto list = m_lists.find(p.list_digest);
  if (list == m_lists.end() || p.tsp_index >= list->second->providers.size()) {
    return false;
  }
  const tsl::TrustServiceProvider& tsp = list->second->providers[p.tsp_index];
  return any_contains(tsp.name) || any_contains(tsp.trade_name);
}

}  // namespace eutl::detail
