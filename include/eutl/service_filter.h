// The filters of `eutl list` and GET /v1/services, read and checked before anything
// is listed: a value that can match nothing is a usage error naming the option, the
// value and the valid values, never an empty table. Each option takes a comma list
// and may be repeated. `option` names it in messages ("--type" on the command line,
// "type" as a query parameter).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/service_index.h"

namespace eutl {

struct ListFilter final {
  std::vector<std::string> territories;  // upper case; empty: every territory
  std::vector<std::string> types;        // short forms as in TS 119 612 §5.5.1 ("TSA/QTST")
  std::vector<std::string> statuses;     // last URI segments ("granted")
};

// --type: a short form (CA/QC, TSA/QTST, …), its last part when that names one type
// (QTST, PKC), or the full URI; any case.
[[nodiscard]] Result<std::vector<std::string>> parse_type_filter(const std::vector<std::string>& given,
                                                                 std::string_view option = "--type");
// --status: granted, withdrawn, … (TS 119 612 §5.5.4, Annex J) or the full URI.
[[nodiscard]] Result<std::vector<std::string>> parse_status_filter(const std::vector<std::string>& given,
                                                                   std::string_view option = "--status");
// --territory: two-letter codes; when `present` is not empty, only those (`absent`
// says why another is refused: "has no valid list here").
[[nodiscard]] Result<std::vector<std::string>> parse_territory_filter(const std::vector<std::string>& given,
                                                                      const std::vector<std::string>& present,
                                                                      std::string_view absent = "has no valid list here",
                                                                      std::string_view option = "--territory");

bool matches(const ListFilter& filter, const tsl::IndexedService& service);

}  // namespace eutl
