// TS 119 615 §4.4 step 3 (docs): keep the CA/QC entries (TS 119 612 V2.4.1 §5.5.1.1).
// When there is none, keep everything; the status step will then refuse them.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<Candidates> filter_ca_qc(const RuleContext& ctx, const Candidates& in) {
  RuleOutcome<Candidates> r;
  for (const Candidate& c : in) {
    if (c.state().type == tsl::ServiceType::kCaQc) {
      r.value.push_back(c);
    }
  }
  if (r.value.empty()) {
    r.outcome = Outcome::kWarning;
    r.why = "no CA/QC service among the issuer's services";
    r.value = in;
    ctx.add(kCaQc, r.outcome, r.why);
    return r;
  }
  r.outcome = Outcome::kPass;
  if (r.value.size() < in.size()) {
    ctx.add(kCaQc, Outcome::kPass, std::to_string(in.size() - r.value.size()) + " non-CA/QC period(s) set aside");
  } else {
    ctx.add(kCaQc, Outcome::kPass, "issuer service type is CA/QC");
  }
  return r;
}

}  // namespace eutl::verify::detail
