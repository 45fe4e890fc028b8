// TS 119 615 §4.4 step 2 (docs): keep the service periods with start <= T <= end.
// At a change instant two periods of one service match (docs §5 pitfall 12); the
// newer one is kept, deterministically.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

std::vector<Candidate> filter_at_date(const std::vector<Candidate>& in, tsl::TimePoint t, const std::string& label,
                                      Trace& trace) {
  std::vector<Candidate> out;
  for (const Candidate& c : in) {
    if (!c.period->covers(t)) {
      continue;
    }
    bool newer_kept = false;
    for (const Candidate& o : out) {
      newer_kept = newer_kept || o.service_id == c.service_id;
    }
    if (!newer_kept) {
      out.push_back(c);
    }
  }
  if (out.empty()) {
    trace.add(kAtDate, Outcome::kIndeterminate, label,
              "no period of the issuer's services is in force at " + tsl::format_time(t));
  } else {
    for (const Candidate& c : out) {
      trace.add(kAtDate, Outcome::kPass, label,
                c.subject + " in force: " + std::string(tsl::to_string(c.state().status)) + " since " +
                    tsl::format_time(c.period->start) + " until " + tsl::format_time(c.period->end, "now"));
    }
  }
  return out;
}

}  // namespace eutl::verify::detail
