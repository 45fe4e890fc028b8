// The JSON shape of a qualification decision's parts (evidence/json_shapes.h): one
// time of the decision, the service period it used and the claim, for `eutl check
// --json` and the evidence record alike.
#include "eutl/tsl/time.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::evidence::detail {

using nlohmann::json;

json tri_json(verify::Tri t) { return t == verify::Tri::kUnknown ? json(nullptr) : json(t == verify::Tri::kTrue); }

json time_json(const std::optional<tsl::TimePoint>& t) { return t ? json(tsl::format_time(*t)) : json(nullptr); }

json service_use_core_json(const verify::ServiceUse& s) {
  return {{"type", s.type_uri},
          {"status", s.status_uri},
          {"period_start", tsl::format_time(s.start)},
          {"period_end", time_json(s.end)},
          {"captured_qualifiers", s.captured_qualifiers},
          {"additional_information", s.additional_information}};
}

json at_time_core_json(const verify::QualificationAtTime& r, json service) {
  return {{"time", tsl::format_time(r.time)},
          {"qualified", tri_json(r.qualified)},
          {"type", verify::to_string(r.type)},
          {"qscd", tri_json(r.qscd)},
          {"status", verify::to_string(r.status)},
          {"reason", r.reason},
          {"service", std::move(service)}};
}

json claim_core_json(const verify::ClaimResult& c) {
  return {{"claim", c.claim.text},
          {"verdict", verify::to_string(c.verdict)},
          {"failing_part", c.failing_part.empty() ? json(nullptr) : json(c.failing_part)}};
}

}  // namespace eutl::evidence::detail
