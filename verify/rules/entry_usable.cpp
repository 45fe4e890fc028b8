// ETSI TS 119 612 V2.4.1 §5.5.9 and Annex B: every extension carries a Critical flag;
// a relying party that does not understand a critical extension must not use the
// service entry (RFC 5280 semantics).
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

Outcome check_entry_usable(const tsl::ServiceState& state, const std::string& subject, Trace& trace) {
  for (const auto& ext : state.extensions.unknown) {
    if (ext.critical) {
      trace.add(kEntryUsable, Outcome::kFail, subject,
                "unknown critical extension " + ext.element + ": this service period is not used");
      return Outcome::kFail;
    }
  }
  return Outcome::kPass;
}

}  // namespace eutl::verify::detail
