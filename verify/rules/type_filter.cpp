// TS 119 615 §4.4 step 4 (docs), for certificates issued after the eIDAS date: a
// service period is kept when the certificate's own type is covered by an
// AdditionalServiceInformation (ForeSignatures / ForeSeals / ForWebSiteAuthentication),
// or when exactly one QCForESig/ESeal/WSA was captured and its ASI is present (a
// valid override). QCForLegalPerson cancels ForeSignatures (PRO-4.4.4-12). An UNKNOWN
// certificate type keeps the entry.
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

struct Asi final {
  bool esig = false;
  bool eseal = false;
  bool wsa = false;
};

bool covered(CertType t, const Asi& a) {
  return (t == CertType::kESig && a.esig) || (t == CertType::kESeal && a.eseal) || (t == CertType::kWsa && a.wsa);
}

}  // namespace

std::vector<Candidate> filter_by_type(const std::vector<Candidate>& in, const CertFacts& facts,
                                      const std::string& label, Trace& trace) {
  if (!facts.post_eidas) {
    return in;
  }
  CertType own = type_by_content(facts);
  std::vector<Candidate> out;
  for (const Candidate& c : in) {
    const auto& ext = c.state().extensions;
    Asi asi{ext.has(tsl::AdditionalInfo::kForESignatures), ext.has(tsl::AdditionalInfo::kForESeals),
            ext.has(tsl::AdditionalInfo::kForWebSiteAuthentication)};
    if (c.qualifiers.has(tsl::Qualifier::kQcForLegalPerson)) {
      asi.esig = false;
    }
    int overrides = int(c.qualifiers.has(tsl::Qualifier::kQcForESig)) +
                    int(c.qualifiers.has(tsl::Qualifier::kQcForESeal)) +
                    int(c.qualifiers.has(tsl::Qualifier::kQcForWsa));
    CertType override_type = c.qualifiers.has(tsl::Qualifier::kQcForESig)    ? CertType::kESig
                             : c.qualifiers.has(tsl::Qualifier::kQcForESeal) ? CertType::kESeal
                             : c.qualifiers.has(tsl::Qualifier::kQcForWsa)   ? CertType::kWsa
                                                                             : CertType::kUnknown;
    bool valid_override = overrides == 1 && covered(override_type, asi);
    std::string asis;
    for (auto [on, name] : {std::pair{asi.esig, "ForeSignatures"}, std::pair{asi.eseal, "ForeSeals"},
                            std::pair{asi.wsa, "ForWebSiteAuthentication"}}) {
      if (on) {
        asis += (asis.empty() ? "" : " ") + std::string(name);
      }
    }
    if (own == CertType::kUnknown || covered(own, asi) || valid_override) {
      trace.add(kTypeFilter, Outcome::kPass, c.subject,
                "certificate type " + std::string(to_string(own)) +
                    (own == CertType::kUnknown ? " (unknown: entry kept)"
                     : covered(own, asi)       ? " is covered by ASI [" + asis + "]"
                                               : " overridden to " + std::string(to_string(override_type)) +
                                               " by a QCFor* qualifier with its ASI"));
      out.push_back(c);
    } else {
      trace.add(kTypeFilter, Outcome::kFail, c.subject,
                "certificate type " + std::string(to_string(own)) + " is not covered by ASI [" + asis +
                    "] and no valid QCFor* override: the service does not issue qualified certificates of "
                    "this type");
    }
  }
  if (out.empty()) {
    trace.add(kTypeFilter, Outcome::kFail, label, "no service period is listed for this certificate type");
  }
  return out;
}

}  // namespace eutl::verify::detail
