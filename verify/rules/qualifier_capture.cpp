// TS 119 615 §4.4 step 1 (docs): for each Qualification element of a service period,
// when its CriteriaList matches the end-entity certificate, every qualifier of the
// element is captured. Unknown qualifier URIs are reported and ignored.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

RuleOutcome<QualifierSet> capture_qualifiers(const RuleContext& ctx, const tsl::ServiceState& state) {
  RuleOutcome<QualifierSet> r;
  r.outcome = Outcome::kPass;
  QualifierSet& set = r.value;
  const auto& quals = state.extensions.qualifications;
  for (std::size_t i = 0; i < quals.size(); ++i) {
    const tsl::QualificationElement& q = quals[i];
    RuleOutcome<> matched = match_criteria(ctx, q.criteria);
    Outcome match = matched.outcome;
    const std::string& why = matched.why;
    std::string names;
    for (std::size_t k = 0; k < q.qualifiers.size(); ++k) {
      names += (names.empty() ? "" : ",");
      if (q.qualifiers[k] == tsl::Qualifier::kUnknown) {
        names += "unknown<" + (k < q.qualifier_uris.size() ? q.qualifier_uris[k] : std::string()) + ">";
      } else {
        names += std::string(tsl::to_string(q.qualifiers[k]));
      }
    }
    ctx.add(kCriteriaList, match,
            "Qualification element " + std::to_string(i + 1) + " [" + names + "] " +
                  (match == Outcome::kPass ? "matches" : "does not match") + " the certificate" +
                  (why.empty() ? "" : " (" + why + ")"));
    if (match != Outcome::kPass) {
      continue;
    }
    for (tsl::Qualifier qual : q.qualifiers) {
      if (qual != tsl::Qualifier::kUnknown) {
        set.add(qual);
      }
    }
  }
  if (!quals.empty()) {
    auto captured = set.names();
    std::string list;
    for (const auto& n : captured) {
      list += (list.empty() ? "" : ",") + n;
    }
    ctx.add(kQualifierCapture, Outcome::kPass, "captured qualifiers: " + (list.empty() ? "none" : list));
  }
  return r;
}

}  // namespace eutl::verify::detail
