// TS 119 615 §4.4 step 2 (docs): keep the service periods with start <= T <= end.
// At a change instant two periods of one service match (docs §5 pitfall 12); the
// newer one is kept, deterministically. `eutl export` and `eutl list` ask the same
// question of one service (period_at).
#include <algorithm>

#include "verify/rules/rules.h"

namespace eutl::verify {
namespace {

// The first of `periods` (newest first) in force at `t` among those `eligible` keeps.
template <typename Eligible>
const tsl::ServicePeriod* newest_in_force(const std::vector<tsl::ServicePeriod>& periods, tsl::TimePoint t,
                                          Eligible&& eligible) {
  for (const tsl::ServicePeriod& p : periods) {
    if (p.covers(t) && eligible(p)) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace

const tsl::ServicePeriod* period_at(const tsl::IndexedService& service, tsl::TimePoint t) {
  return newest_in_force(service.periods, t, [](const tsl::ServicePeriod&) { return true; });
}

namespace detail {

RuleOutcome<Candidates> filter_at_date(const RuleContext& ctx, const Candidates& in, tsl::TimePoint t) {
  auto is_candidate = [&](const tsl::ServicePeriod& p) {
    return std::any_of(in.begin(), in.end(), [&](const Candidate& c) { return c.period == &p; });
  };
  RuleOutcome<Candidates> r;
  for (const Candidate& c : in) {
    if (c.period == newest_in_force(c.service->periods, t, is_candidate)) {
      r.value.push_back(c);
    }
  }
  if (r.value.empty()) {
    r.outcome = Outcome::kIndeterminate;
    r.why = "no period of the issuer's services is in force at " + tsl::format_time(t);
    ctx.add(kAtDate, r.outcome, r.why);
    return r;
  }
  r.outcome = Outcome::kPass;
  for (const Candidate& c : r.value) {
    ctx.add(kAtDate, Outcome::kPass,
            c.subject + " in force: " + std::string(tsl::to_string(c.state().status)) + " since " +
                tsl::format_time(c.period->start) + " until " + tsl::format_time(c.period->end, "now"));
  }
  return r;
}

}  // namespace detail
}  // namespace eutl::verify
