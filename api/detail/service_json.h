// Internal: the JSON of one service as `eutl list`, `eutl show-service` and the
// /v1/services routes print it (include/eutl/service_list.h is the public entry), and
// the short names the CLI's text output shares with it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/tsl/service_index.h"

namespace eutl::detail {

// "granted" of a status URI.
std::string short_status(std::string_view status_uri);
// The last URI segments of the AdditionalServiceInformation / qualifiers.
std::vector<std::string> asi_names(const tsl::ServiceExtensions& ext);
std::vector<std::string> qualifier_names(const tsl::ServiceExtensions& ext);

// One eutl-list/1 row: id, territory, tsp, service_name, type(_short, _name),
// status(_short, _start), additional_information, certificates, history_periods,
// list_sequence_number.
nlohmann::json service_summary(const tsl::IndexedService& service);
// One period of the status history (show-service's history).
nlohmann::json period_json(const tsl::ServicePeriod& period);
// [{sha256, subject, not_before, not_after}] of the service's identity certificates
// (null fields for one that cannot be read).
nlohmann::json certificate_details_json(const tsl::IndexedService& service);
// The whole eutl-show-service/1 object.
nlohmann::json show_service_object(const tsl::IndexedService& service);

}  // namespace eutl::detail
