// TS 119 615 §4.4 steps 7-8 (docs) and TS 119 612 Annex J: a CA/QC period qualifies
// when its status is `granted` for periods starting on or after the eIDAS date, or
// `undersupervision`, `supervisionincessation` or `accredited` for periods starting
// before it. Anything else (withdrawn, ceased, national statuses, setbynationallaw)
// does not. `eutl export` and `eutl list` ask the same of one period
// (is_granted_ca_qc).
#include "verify/rules/rules.h"

namespace eutl::verify {

bool status_granted(const tsl::ServicePeriod& period) {
  using S = tsl::ServiceStatus;
  S s = period.state->status;
  if (period.start >= tsl::kEidasDate) {
    return s == S::kGranted;
  }
  return s == S::kUnderSupervision || s == S::kSupervisionInCessation || s == S::kAccredited;
}

bool is_granted_ca_qc(const tsl::ServicePeriod& period) {
  return period.state->type == tsl::ServiceType::kCaQc && entry_usable(*period.state) && status_granted(period);
}

namespace detail {

RuleOutcome<Candidates> filter_granted(const RuleContext& ctx, const Candidates& in) {
  RuleOutcome<Candidates> r;
  for (const Candidate& c : in) {
    bool ok = is_granted_ca_qc(*c.period);
    ctx.trace.add(kGrantedStatus, ok ? Outcome::kPass : Outcome::kFail, c.subject,
                  std::string(tsl::service_type_short(c.state().type_uri)) + " " +
                      std::string(tsl::to_string(c.state().status)) + " since " + tsl::format_time(c.period->start) +
                      (c.period_post_eidas() ? " (eIDAS period)" : " (pre-eIDAS period)") +
                      (ok ? ": a qualified CA at this time" : ": not a qualified CA at this time"));
    if (ok) {
      r.value.push_back(c);
    }
  }
  r.outcome = r.value.empty() ? Outcome::kFail : Outcome::kPass;
  if (r.value.empty()) {
    r.why = "no granted CA/QC service at this time";
    ctx.add(kGrantedStatus, r.outcome, r.why);
  }
  return r;
}

}  // namespace detail
}  // namespace eutl::verify
