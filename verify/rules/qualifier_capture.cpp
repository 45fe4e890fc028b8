// TS 119 615 §4.4 step 1 (docs): for each Qualification element of a service period,
// when its CriteriaList matches the end-entity certificate, every qualifier of the
// element is captured. Unknown qualifier URIs are reported and ignored.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {

QualifierSet capture_qualifiers(const tsl::ServiceState& state, const CertificateProfile& cert,
                                const std::string& subject, Trace& trace) {
  QualifierSet set;
  const auto& quals = state.extensions.qualifications;
  for (std::size_t i = 0; i < quals.size(); ++i) {
    const tsl::QualificationElement& q = quals[i];
    std::string why;
    Outcome match = match_criteria(q.criteria, cert, why);
    std::string names;
    for (std::size_t k = 0; k < q.qualifiers.size(); ++k) {
      names += (names.empty() ? "" : ",");
      if (q.qualifiers[k] == tsl::Qualifier::kUnknown) {
        names += "unknown<" + (k < q.qualifier_uris.size() ? q.qualifier_uris[k] : std::string()) + ">";
      } else {
        names += std::string(tsl::to_string(q.qualifiers[k]));
      }
    }
    trace.add(kCriteriaList, match, subject,
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
    trace.add(kQualifierCapture, Outcome::kPass, subject, "captured qualifiers: " + (list.empty() ? "none" : list));
  }
  return set;
}

}  // namespace eutl::verify::detail
