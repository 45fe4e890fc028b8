// The rows of `eutl list` as a text table (columns as wide as their content, names
// cut on character boundaries) or as CSV (RFC 4180, a header row).
#pragma once

#include <iosfwd>
#include <vector>

#include "eutl/tsl/service_index.h"

namespace eutl::cli {

// The table on `out`; unless `quiet`, the readable name of each type shown on `legend`.
void print_service_table(std::ostream& out, std::ostream& legend, const std::vector<const tsl::IndexedService*>& rows,
                         bool quiet);

// Columns: id, territory, tsp, service_name, type_short, type_name, status_short,
// status_start, additional_information (";"-separated), type, status.
void print_service_csv(std::ostream& out, const std::vector<const tsl::IndexedService*>& rows);

}  // namespace eutl::cli
