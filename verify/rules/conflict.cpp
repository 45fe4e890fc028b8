// TS 119 615 §4.4 step 6 (docs): when several service periods remain (a CA listed
// twice, in two lists, or under two types), each gives its own result; if they
// disagree there is no result (N/A).
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

Outcome check_conflict(const std::vector<Candidate>& cands, const std::vector<EntryResult>& results,
                       const std::string& label, Trace& trace) {
  if (results.size() < 2) {
    return Outcome::kPass;
  }
  for (std::size_t i = 1; i < results.size(); ++i) {
    if (!(results[i] == results[0])) {
      auto show = [](const EntryResult& r) {
        return "qc=" + std::string(to_string(r.qc)) + " type=" + std::string(to_string(r.type)) +
               " qscd=" + std::string(to_string(r.qscd));
      };
      trace.add(kConflict, Outcome::kIndeterminate, label,
                "services disagree: " + cands[0].subject + " gives " + show(results[0]) + ", " + cands[i].subject +
                    " gives " + show(results[i]));
      return Outcome::kIndeterminate;
    }
  }
  trace.add(kConflict, Outcome::kPass, label, std::to_string(results.size()) + " service periods agree");
  return Outcome::kPass;
}

}  // namespace eutl::verify::detail
