// EN 319 412-5 V2.4.1 §4.2.3 and TS 119 615 §4.5(b) (docs). From the certificate:
// post-eIDAS, exactly one QcType value gives the type, none with QcCompliance is eSig,
// several is UNKNOWN; pre-eIDAS, eSig if a QC by content. The list overrides (only for
// a QC): a pre-eIDAS period gives eSig; exactly one QCForESig/ESeal/WSA gives that type;
// several give UNKNOWN.
#include <set>

#include "verify/rules/rules.h"

namespace eutl::verify::detail {

CertType type_by_content(const CertFacts& f) {
  if (!f.post_eidas) {
    return qc_by_content(f) ? CertType::kESig : CertType::kUnknown;
  }
  std::set<QcType> known;
  for (QcType t : f.cert.qc.types) {
    if (t != QcType::kUnknownOid) {
      known.insert(t);
    }
  }
  if (known.size() == 1) {
    switch (*known.begin()) {
      case QcType::kESign: return CertType::kESig;
      case QcType::kESeal: return CertType::kESeal;
      case QcType::kWeb: return CertType::kWsa;
      case QcType::kUnknownOid: break;
    }
    return CertType::kUnknown;
  }
  if (known.empty() && f.cert.qc.types.empty() && f.cert.qc.compliance) {
    return CertType::kESig;
  }
  return CertType::kUnknown;
}

RuleOutcome<CertType> type_with_tl(const RuleContext& ctx, const Selection& selected, Tri qualified) {
  const CertFacts& f = ctx.facts;
  auto note = [&](CertType t, const std::string& why) {
    return conclude(ctx, kQcType, t == CertType::kUnknown ? Outcome::kWarning : Outcome::kPass, t, why,
                    "type " + std::string(to_string(t)) + ": " + why);
  };
  if (qualified != Tri::kTrue) {
    return RuleOutcome<CertType>{Outcome::kPass, type_by_content(f), "the TL does not override the type of a non-QC"};
  }
  const Candidate* c = selected.candidate;
  if (c == nullptr) {
    return note(CertType::kUnknown, "no service");
  }
  if (!c->period_post_eidas()) {
    return note(CertType::kESig, "pre-eIDAS service period: QCs were for e-signatures only");
  }
  if (!selected.consistency.type) {
    return note(CertType::kUnknown, "contradictory usage qualifiers");
  }
  const QualifierSet& q = c->qualifiers;
  if (q.has(tsl::Qualifier::kQcForESig)) {
    return note(CertType::kESig, "QCForESig qualifier");
  }
  if (q.has(tsl::Qualifier::kQcForESeal)) {
    return note(CertType::kESeal, "QCForESeal qualifier");
  }
  if (q.has(tsl::Qualifier::kQcForWsa)) {
    return note(CertType::kWsa, "QCForWSA qualifier");
  }
  return note(type_by_content(f), f.cert.qc.types.empty()
                                      ? "no QcType in the certificate (QcCompliance alone means eSig)"
                                      : "from the certificate's QcType");
}

}  // namespace eutl::verify::detail
