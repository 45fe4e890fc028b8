// ETSI TS 119 612 V2.4.1 §5.3.15: NextUpdate is the latest date by which the next list
// will be issued; past it the list no longer speaks for the present. TS 119 615 §4.4
// step 1 collects the services of acceptable lists only. So a result about an instant
// (the issuance, or time T) may rest on a list only if the instant is not after that
// list's NextUpdate. A closed list (NextUpdate absent, §5.3.15) keeps speaking for
// the past it records.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

std::string list_name(const tsl::ServiceProvenance& p) {
  std::string out = "the trusted list " + p.territory + " sequence " + std::to_string(p.list_sequence);
  if (!p.list_source.empty()) {
    out += " (" + p.list_source + ")";
  }
  return out;
}

}  // namespace

RuleOutcome<Candidates> filter_list_covers(const RuleContext& ctx, const Candidates& in, tsl::TimePoint t) {
  RuleOutcome<Candidates> r;
  Candidates& out = r.value;
  std::vector<const tsl::ServiceProvenance*> reported;
  for (const Candidate& c : in) {
    const tsl::ServiceProvenance& p = c.service->provenance;
    if (!p.list_next_update || t <= *p.list_next_update) {
      out.push_back(c);
      continue;
    }
    bool seen = false;
    for (const auto* r : reported) {
      seen = seen || (r->territory == p.territory && r->list_sequence == p.list_sequence &&
                      r->list_digest == p.list_digest);
    }
    if (seen) {
      continue;
    }
    reported.push_back(&p);
    std::string why = list_name(p) + " does not cover " + tsl::format_time(t) + ": its NextUpdate is " +
                      tsl::format_time(*p.list_next_update);
    if (r.why.empty()) {
      r.why = why;
    }
    ctx.add(kListCovers, Outcome::kIndeterminate, why + "; its services are not used for this instant");
  }
  r.outcome = reported.empty() ? Outcome::kPass : Outcome::kIndeterminate;
  if (reported.empty() && !in.empty()) {
    ctx.add(kListCovers, Outcome::kPass, "every list the issuer's services come from covers " + tsl::format_time(t));
  }
  return r;
}

}  // namespace eutl::verify::detail
