// TS 119 615 §4.4 steps 7-8 (docs) and TS 119 612 Annex J: a CA/QC period qualifies
// when its status is `granted` for periods starting on or after the eIDAS date, or
// `undersupervision`, `supervisionincessation` or `accredited` for periods starting
// before it. Anything else (withdrawn, ceased, national statuses, setbynationallaw)
// does not.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

bool status_acceptable(const Candidate& c) {
  using S = tsl::ServiceStatus;
  S s = c.state().status;
  if (c.period_post_eidas()) {
    return s == S::kGranted;
  }
  return s == S::kUnderSupervision || s == S::kSupervisionInCessation || s == S::kAccredited;
}

std::vector<Candidate> filter_granted(const std::vector<Candidate>& in, const std::string& label, Trace& trace) {
  std::vector<Candidate> out;
  for (const Candidate& c : in) {
    bool ok = status_acceptable(c) && c.state().type == tsl::ServiceType::kCaQc;
    trace.add(kGrantedStatus, ok ? Outcome::kPass : Outcome::kFail, c.subject,
              std::string(tsl::service_type_short(c.state().type_uri)) + " " +
                  std::string(tsl::to_string(c.state().status)) + " since " + tsl::format_time(c.period->start) +
                  (c.period_post_eidas() ? " (eIDAS period)" : " (pre-eIDAS period)") +
                  (ok ? ": a qualified CA at this time" : ": not a qualified CA at this time"));
    if (ok) {
      out.push_back(c);
    }
  }
  if (out.empty()) {
    trace.add(kGrantedStatus, Outcome::kFail, label, "no granted CA/QC service at this time");
  }
  return out;
}

}  // namespace eutl::verify::detail
