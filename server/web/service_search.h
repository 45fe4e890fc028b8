// The search behind GET /services: the filters of `eutl list` and GET /v1/services,
// answered by the same eutl::list_services (include/eutl/service_list.h): a name
// (provider, trade or service name in any language, case and accents folded; ETSI TS
// 119 612 V2.4.1 §5.4.1, §5.4.2, §5.5.2), a territory, a service type (§5.5.1 short
// form, "CA/QC") and a status (§5.5.4 / Annex J, "granted"), one page at a time.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/trusted_lists.h"

namespace eutl::server::web {

inline constexpr std::size_t kServicesPerPage = 50;

struct ServiceQuery final {
  std::string name;
  std::string territory;  // as given; empty: all
  std::string type;       // as given; empty: all
  std::string status;     // as given; empty: all
  std::size_t page = 1;   // 1-based
};

// Reads ?name=&territory=&type=&status=&page= (blank values: no filter); kUsage for a
// page that is not a number from 1 or a name over 200 characters.
[[nodiscard]] Result<ServiceQuery> read_service_query(const std::map<std::string, std::string>& query);

struct ServiceRow final {
  std::string id;  // "BB/1/1"
  std::string territory;
  std::string provider;
  std::string service;
  std::string type;    // short form
  std::string status;  // last URI segment
  std::string since;   // StatusStartingTime
};

struct ServiceMatches final {
  std::vector<ServiceRow> rows;  // the requested page only
  std::size_t total = 0;         // every match
};

// The territories of the valid lists' services, sorted.
std::vector<std::string> service_territories(const TrustedLists& lists);

// kUsage naming the parameter and the valid values when a filter can match nothing.
[[nodiscard]] Result<ServiceMatches> search_services(const TrustedLists& lists, const ServiceQuery& query,
                                                     std::size_t per_page = kServicesPerPage);

}  // namespace eutl::server::web
