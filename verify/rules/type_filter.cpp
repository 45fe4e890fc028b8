// TS 119 615 §4.4 step 4 (docs), for certificates issued after the eIDAS date: a
// service period is kept when the certificate's own type is covered by an
// AdditionalServiceInformation (ForeSignatures / ForeSeals / ForWebSiteAuthentication),
// or when exactly one QCForESig/ESeal/WSA was captured and its ASI is present (a
// valid override). QCForLegalPerson cancels ForeSignatures (PRO-4.4.4-12). An UNKNOWN
// certificate type keeps the entry.
#include "verify/rules/rules.h"

namespace eutl::verify {

// TS 119 612 V2.4.1 §5.5.9.4: the AdditionalServiceInformation URIs that say which
// qualified certificates a CA/QC service issues.
bool listed_for_use(const tsl::ServiceExtensions& ext, CertType use) {
  switch (use) {
    case CertType::kESig: return ext.has(tsl::AdditionalInfo::kForESignatures);
    case CertType::kESeal: return ext.has(tsl::AdditionalInfo::kForESeals);
    case CertType::kWsa: return ext.has(tsl::AdditionalInfo::kForWebSiteAuthentication);
    case CertType::kUnknown: return false;
  }
  return false;
}

bool period_covers_use(const tsl::ServicePeriod& period, CertType use) {
  if (period.start < tsl::kEidasDate) {
    return use == CertType::kESig;
  }
  return listed_for_use(period.state->extensions, use);
}

namespace detail {
namespace {

// The uses a candidate is listed for; QCForLegalPerson cancels ForeSignatures.
bool covered(const Candidate& c, CertType t) {
  if (t == CertType::kESig && c.qualifiers.has(tsl::Qualifier::kQcForLegalPerson)) {
    return false;
  }
  return listed_for_use(c.state().extensions, t);
}

}  // namespace

RuleOutcome<Candidates> filter_by_type(const RuleContext& ctx, const Candidates& in) {
  RuleOutcome<Candidates> r;
  r.outcome = Outcome::kPass;
  if (!ctx.facts.post_eidas) {
    r.value = in;
    return r;
  }
  CertType own = type_by_content(ctx.facts);
  for (const Candidate& c : in) {
    int overrides = int(c.qualifiers.has(tsl::Qualifier::kQcForESig)) +
                    int(c.qualifiers.has(tsl::Qualifier::kQcForESeal)) +
                    int(c.qualifiers.has(tsl::Qualifier::kQcForWsa));
    CertType override_type = c.qualifiers.has(tsl::Qualifier::kQcForESig)    ? CertType::kESig
                             : c.qualifiers.has(tsl::Qualifier::kQcForESeal) ? CertType::kESeal
                             : c.qualifiers.has(tsl::Qualifier::kQcForWsa)   ? CertType::kWsa
                                                                             : CertType::kUnknown;
    bool valid_override = overrides == 1 && covered(c, override_type);
    std::string asis;
    for (auto [use, name] : {std::pair{CertType::kESig, "ForeSignatures"}, std::pair{CertType::kESeal, "ForeSeals"},
                             std::pair{CertType::kWsa, "ForWebSiteAuthentication"}}) {
      if (covered(c, use)) {
        asis += (asis.empty() ? "" : " ") + std::string(name);
      }
    }
    if (own == CertType::kUnknown || covered(c, own) || valid_override) {
      ctx.trace.add(kTypeFilter, Outcome::kPass, c.subject,
                    "certificate type " + std::string(to_string(own)) +
                        (own == CertType::kUnknown ? " (unknown: entry kept)"
                         : covered(c, own)         ? " is covered by ASI [" + asis + "]"
                                                   : " overridden to " + std::string(to_string(override_type)) +
                                                     " by a QCFor* qualifier with its ASI"));
      r.value.push_back(c);
    } else {
      ctx.trace.add(kTypeFilter, Outcome::kFail, c.subject,
                    "certificate type " + std::string(to_string(own)) + " is not covered by ASI [" + asis +
                        "] and no valid QCFor* override: the service does not issue qualified certificates of "
                        "this type");
    }
  }
  if (r.value.empty()) {
    r.outcome = Outcome::kFail;
    r.why = "no service period is listed for this certificate type";
    ctx.add(kTypeFilter, r.outcome, r.why);
  }
  return r;
}

}  // namespace detail
}  // namespace eutl::verify
