// A refresh report as `eutl fetch --json` prints it (schema eutl-fetch/1): the
// snapshot, the report counters and the missing territories. `eutl serve` answers
// POST /v1/refresh with the same object under "fetch".
#pragma once

#include <nlohmann/json.hpp>

#include "eutl/cache/refresh.h"
#include "eutl/tsl/time.h"

namespace eutl::cli::store {

nlohmann::json fetch_report_json(const cache::RefreshReport& report, tsl::TimePoint at);

}  // namespace eutl::cli::store
