// TS 119 615 §4.4 step 3 (docs): keep the CA/QC entries (TS 119 612 V2.4.1 §5.5.1.1).
// When there is none, keep everything; the status step will then refuse them.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

std::vector<Candidate> filter_ca_qc(const std::vector<Candidate>& in, const std::string& label, Trace& trace) {
  std::vector<Candidate> out;
  for (const Candidate& c : in) {
    if (c.state().type == tsl::ServiceType::kCaQc) {
      out.push_back(c);
    }
  }
  if (out.empty()) {
    trace.add(kCaQc, Outcome::kWarning, label, "no CA/QC service among the issuer's services");
    return in;
  }
  if (out.size() < in.size()) {
    trace.add(kCaQc, Outcome::kPass, label,
              std::to_string(in.size() - out.size()) + " non-CA/QC period(s) set aside");
  } else {
    trace.add(kCaQc, Outcome::kPass, label, "issuer service type is CA/QC");
  }
  return out;
}

}  // namespace eutl::verify::detail
