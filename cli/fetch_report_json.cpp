#include "cli/fetch_report_json.h"

#include "cli/refresh_report.h"
#include "cli/store_common.h"

namespace eutl::cli::store {

nlohmann::json fetch_report_json(const cache::RefreshReport& report, tsl::TimePoint at) {
  nlohmann::json j = snapshot_json(report.snapshot, at);
  j["schema"] = "eutl-fetch/1";
  j["report"] = {{"lotl_verified", report.lotl_verified},
                 {"list_failures", report.list_failures},
                 {"list_bytes_downloaded", report.list_bytes_downloaded},
                 {"notes", report.notes}};
  j["missing"] = missing_json(report.missing);
  return j;
}

}  // namespace eutl::cli::store
