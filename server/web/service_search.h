// The search behind GET /services, with the filters of `eutl list`: a name (provider
// name, trade name or service name in every language, case and accents folded,
// tsl/name_fold.h; ETSI TS 119 612 V2.4.1 §5.4.1, §5.4.2, §5.5.2), a territory, a
// service type (§5.5.1 short form, "CA/QC") and a status (§5.5.4 / Annex J, "granted"),
// over the services of the valid lists, one page at a time.
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
  std::string territory;  // upper case; empty: all
  std::string type;       // a known short form; empty: all
  std::string status;     // a known status; empty: all
  std::size_t page = 1;   // 1-based
};

// Reads ?name=&territory=&type=&status=&page= (blank values: no filter); kUsage
// naming the parameter and the valid values for one that can match nothing.
[[nodiscard]] Result<ServiceQuery> read_service_query(const std::map<std::string, std::string>& query,
                                                      const std::vector<std::string>& territories);

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

ServiceMatches search_services(const TrustedLists& lists, const ServiceQuery& query,
                               std::size_t per_page = kServicesPerPage);

}  // namespace eutl::server::web
