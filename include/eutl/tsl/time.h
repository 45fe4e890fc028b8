// UTC time points and the xsd:dateTime / ISO 8601 forms trusted lists use.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "eutl/result.h"

namespace eutl::tsl {

// Second precision is enough: TS 119 612 forbids fractional seconds in list dates
// (§5.1.3) and X.509 times have none. Fractions that appear anyway are truncated.
using TimePoint = std::chrono::sys_seconds;

struct ParsedTime final {
  TimePoint time;
  bool had_zone = true;  // false: no Z/offset given, UTC assumed (a warning for lists)
};

// Parses xsd:dateTime ("2023-09-27T09:00:29Z", "+01:00" offsets, fractional seconds,
// "24:00:00" as the next midnight) and plain dates ("2023-10-28" = midnight UTC).
[[nodiscard]] Result<ParsedTime> parse_datetime(std::string_view text);

// "2023-09-27T09:00:29Z".
std::string format_time(TimePoint t);
std::string format_time(const std::optional<TimePoint>& t, std::string_view none = "null");

// Regulation (EU) 910/2014 applies from 2016-07-01; DSS uses midnight Brussels time.
inline constexpr TimePoint kEidasDate{std::chrono::sys_days{std::chrono::year{2016} / 6 / 30} +
                                      std::chrono::hours{22}};

}  // namespace eutl::tsl
