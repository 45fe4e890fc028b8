// ETSI TS 119 612 V2.4.1 §5.5.9 and Annex B: every extension carries a Critical flag;
// a relying party that does not understand a critical extension must not use the
// service entry (RFC 5280 semantics).
#include "verify/rules/rules.h"

namespace eutl::verify {

bool entry_usable(const tsl::ServiceState& state) { return !state.extensions.has_unknown_critical(); }

namespace detail {

RuleOutcome<> check_entry_usable(const RuleContext& ctx, const tsl::ServiceState& state) {
  RuleOutcome<> r;
  r.outcome = Outcome::kPass;
  for (const auto& ext : state.extensions.unknown) {
    if (ext.critical) {
      r.outcome = Outcome::kFail;
      r.why = "unknown critical extension " + ext.element + ": this service period is not used";
      ctx.add(kEntryUsable, r.outcome, r.why);
      return r;
    }
  }
  return r;
}

}  // namespace detail
}  // namespace eutl::verify
