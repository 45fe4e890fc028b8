// TS 119 615 §4.4 step 6 (docs): when several service periods remain (a CA listed
// twice, in two lists, or under two types), each gives its own result; if they
// disagree there is no result (N/A).
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<> check_conflict(const RuleContext& ctx, const Candidates& cands, const std::vector<EntryResult>& results) {
  RuleOutcome<> r;
  r.outcome = Outcome::kPass;
  if (results.size() < 2) {
    return r;
  }
  for (std::size_t i = 1; i < results.size(); ++i) {
    if (!(results[i] == results[0])) {
      auto show = [](const EntryResult& r) {
        return "qc=" + std::string(to_string(r.qc)) + " type=" + std::string(to_string(r.type)) +
               " qscd=" + std::string(to_string(r.qscd));
      };
      r.outcome = Outcome::kIndeterminate;
      r.why = "services disagree: " + cands[0].subject + " gives " + show(results[0]) + ", " + cands[i].subject +
              " gives " + show(results[i]);
      ctx.add(kConflict, r.outcome, r.why);
      return r;
    }
  }
  ctx.add(kConflict, Outcome::kPass, std::to_string(results.size()) + " service periods agree");
  return r;
}

}  // namespace eutl::verify::detail
