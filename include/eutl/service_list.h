// The services of `eutl list` and GET /v1/services: the filters read and checked (a
// value that names nothing is a usage error naming the option), the matching rows of
// the index of VALID lists, the warnings about lists that could not be used, and the
// JSON both print (schema eutl-list/1 per row, docs/schemas/eutl-list-1.schema.json);
// and `eutl show-service` / GET /v1/services/{id} (schema eutl-show-service/1).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/list_warnings.h"
#include "eutl/result.h"
#include "eutl/service_filter.h"
#include "eutl/service_query.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl {

// The filters as given (each a comma list, repeatable), named as `eutl list`'s flags.
struct ServiceListQuery final {
  std::vector<std::string> territories;  // --territory
  std::string name;                      // --name: folded substring of any name, any language
  std::vector<std::string> types;        // --type
  std::vector<std::string> statuses;     // --status
  std::string use;                       // --for: esig, eseal or wsa
  std::string qualified_at;              // --qualified-at: date or date-time
  // --cert: the services whose digital identity is one of these (TS 119 612 §5.5.3).
  std::optional<std::vector<verify::CertificateProfile>> identity;
};

// Index position of each service matching `identity` -> how it matched (the closest
// match when several certificates match one service).
using IdentityMatches = std::map<std::uint32_t, IdentityMatch>;
[[nodiscard]] IdentityMatches services_with_identity(const std::vector<verify::CertificateProfile>& certificates,
                                                     const tsl::ServiceIndex& index);

struct ServiceListing final {
  std::vector<const tsl::IndexedService*> rows;  // into lists.index(), in index order
  std::optional<IdentityMatches> identity;       // when the query had one
  std::vector<ListWarning> warnings;             // list_warnings(lists)
};

// kUsage naming the option (`prefix` + its name: "--type", or "type" for a query
// parameter) when a filter is malformed or names nothing; checked in the order
// qualified-at, for, territory, type, status.
[[nodiscard]] Result<ServiceListing> list_services(const TrustedLists& lists, const ServiceListQuery& query,
                                                   std::string_view prefix = "--");

// The JSON array of `eutl list --json` (two-space indent, no trailing newline): one
// eutl-list/1 object per row, with identity_match and list_warnings when they apply.
[[nodiscard]] std::string service_list_json(const TrustedLists& lists, const ServiceListing& listing);

// The eutl-show-service/1 object of one service (two-space indent, no trailing newline).
[[nodiscard]] std::string show_service_json(const tsl::IndexedService& service);

}  // namespace eutl
