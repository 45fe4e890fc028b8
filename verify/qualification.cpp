// The qualification decision (TS 119 615 as rebuilt in docs §4.4–4.6): explicit
// composition of the rules in verify/rules/, once at issuance and once at time T,
// then the two combined and the claim checked. TL-over-certificate precedence
// (DSS QualificationByTL) is the qc_with_tl / type_with_tl / qscd_with_tl rules.
#include "eutl/verify/qualification.h"

#include <algorithm>

#include "verify/qualification_anchor.h"
#include "verify/rules/rules.h"

namespace eutl::verify {
namespace {

using detail::Candidate;
using detail::Candidates;
using detail::Consistency;
using detail::EntryResult;
using detail::RuleContext;
using detail::Selection;

ServiceUse use_of(const Candidate& c) {
  ServiceUse u;
  u.service = c.service_id;
  u.provenance = c.service->provenance;
  u.history_index = c.period->history_index;
  u.type_uri = c.state().type_uri;
  u.status_uri = c.state().status_uri;
  u.start = c.period->start;
  u.end = c.period->end;
  u.captured_qualifiers = c.qualifiers.names();
  for (const auto& a : c.state().extensions.additional_information) {
    u.additional_information.emplace_back(a.kind == tsl::AdditionalInfo::kUnknown ? std::string_view(a.uri)
                                                                                  : tsl::to_string(a.kind));
  }
  return u;
}

bool usable(const Candidate& c, const Consistency& cons) {
  return is_granted_ca_qc(*c.period) && (c.period_post_eidas() || cons.pre_eidas_status);
}

// The TL-over-certificate rules for one candidate, without trace: to compare services.
EntryResult result_of(const detail::CertFacts& f, const Candidate& c, const Consistency& cons) {
  DiscardTrace discard;
  RuleContext quiet{f, "", discard};
  Selection sel{usable(c, cons) ? &c : nullptr, cons};
  EntryResult r;
  r.qc = detail::qc_with_tl(quiet, sel).value;
  r.type = detail::type_with_tl(quiet, sel, r.qc).value;
  r.qscd = detail::qscd_with_tl(quiet, sel, r.qc).value;
  return r;
}

// Why a certificate under a usable CA/QC period is still not a QC, in the words a
// relying party needs (EN 319 412-5 §4.2.1 and §4.3.3; TS 119 612 §5.5.9.2).
std::string not_qualified_reason(const detail::CertFacts& f, const Candidate& selected) {
  if (selected.qualifiers.has(tsl::Qualifier::kNotQualified)) {
    return "the trusted list marks this certificate NotQualified";
  }
  if (f.cert.qc.cc_legislation) {
    std::string countries;
    for (const auto& c : f.cert.qc.cc_legislation_countries) countries += (countries.empty() ? "" : ", ") + c;
    return "QcCClegislation (" + countries + ") present: qualified under non-EU legislation, not an EU qualified "
           "certificate";
  }
  return "the certificate does not claim to be an EU qualified certificate";
}

QualificationAtTime indeterminate(tsl::TimePoint t, std::string reason) {
  QualificationAtTime r;
  r.time = t;
  r.reason = std::move(reason);
  return r;
}

// Keeps the service the result rested on, but no longer asserts anything.
void make_indeterminate(QualificationAtTime& r, std::string reason) {
  r.set_qualified(Tri::kUnknown);
  r.type = CertType::kUnknown;
  r.qscd = Tri::kUnknown;
  r.reason = std::move(reason);
}

QualificationAtTime decide_at(const RuleContext& ctx, const Candidates& all, tsl::TimePoint t) {
  const detail::CertFacts& f = ctx.facts;
  auto covered = detail::filter_list_covers(ctx, all, t);
  if (covered.value.empty() && !all.empty()) {
    return indeterminate(t, covered.why + " (TS 119 612 §5.3.15): no acceptable list speaks for this instant");
  }
  Candidates at = detail::filter_at_date(ctx, covered.value, t).value;
  if (at.empty()) {
    return indeterminate(t, "no service period of the issuer is in force at " + tsl::format_time(t));
  }
  at = detail::filter_ca_qc(ctx, at).value;
  const Candidate before_type = at.front();
  at = detail::filter_by_type(ctx, at).value;
  detail::check_qc_compliance(ctx);
  QualificationAtTime r;
  r.time = t;
  if (at.empty()) {
    r.service = use_of(before_type);
    r.set_qualified(Tri::kFalse);
    r.type = detail::type_by_content(f);
    r.qscd = Tri::kFalse;
    r.reason = "the issuing service is not listed for " + std::string(to_string(r.type)) + " certificates";
    return r;
  }
  std::vector<Consistency> cons;
  std::vector<EntryResult> results;
  for (const Candidate& c : at) {
    cons.push_back(detail::check_consistency(ctx.about(c.subject), c).value);
    results.push_back(result_of(f, c, cons.back()));
  }
  if (detail::check_conflict(ctx, at, results).outcome != Outcome::kPass) {
    return indeterminate(t, "services disagree: " + at[0].subject + " vs " + at[1].subject);
  }
  Candidates granted = detail::filter_granted(ctx, at).value;
  const Candidate* selected = &at[0];
  Selection sel{nullptr, cons[0]};
  for (const Candidate& g : granted) {
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (sel.candidate == nullptr && at[i].service_id == g.service_id && usable(at[i], cons[i])) {
        selected = &at[i];
        sel = Selection{&at[i], cons[i]};
      }
    }
  }
  r.service = use_of(*selected);
  r.set_qualified(detail::qc_with_tl(ctx, sel).value);
  r.type = detail::type_with_tl(ctx, sel, r.qualified).value;
  r.qscd = detail::qscd_with_tl(ctx, sel, r.qualified).value;
  std::string status(tsl::to_string(selected->state().status));
  if (sel.candidate == nullptr) {
    r.reason = "the issuing service is " + std::string(tsl::service_type_short(selected->state().type_uri)) + " " +
               status + " at this time, not a granted CA/QC";
  } else if (r.qualified != Tri::kTrue) {
    r.reason = not_qualified_reason(f, *selected);
  } else {
    r.reason = "issued under a granted CA/QC service (" + selected->subject + ")";
  }
  return r;
}

// Each list of `found` once: "BE sequence 12 (file): expired: NextUpdate … is before …".
std::string unacceptable_lists(const tsl::ServiceIndex& index, const std::vector<std::uint32_t>& found) {
  std::vector<const tsl::ServiceProvenance*> seen;
  std::string out;
  for (std::uint32_t sid : found) {
    const tsl::ServiceProvenance& p = index.service(sid).provenance;
    bool dup = false;
    for (const auto* q : seen) {
      dup = dup || q->list_digest == p.list_digest;
    }
    if (dup) {
      continue;
    }
    seen.push_back(&p);
    out += (out.empty() ? "" : "; ") + p.territory + " sequence " + std::to_string(p.list_sequence) +
           (p.list_source.empty() ? "" : " (" + p.list_source + ")") + ", not acceptable: " + p.list_unacceptable;
  }
  return out;
}

}  // namespace

std::string_view to_string(CertValidity v) {
  switch (v) {
    case CertValidity::kValid: return "valid";
    case CertValidity::kNotYetValid: return "not_yet_valid";
    case CertValidity::kExpired: return "expired";
  }
  return "valid";
}

std::string_view to_string(Tri t) {
  switch (t) {
    case Tri::kFalse: return "false";
    case Tri::kTrue: return "true";
    case Tri::kUnknown: return "null";
  }
  return "null";
}

std::string_view to_string(CertType t) {
  switch (t) {
    case CertType::kESig: return "esig";
    case CertType::kESeal: return "eseal";
    case CertType::kWsa: return "wsa";
    case CertType::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view to_string(QualStatus s) {
  switch (s) {
    case QualStatus::kQualified: return "qualified";
    case QualStatus::kNotQualified: return "not_qualified";
    case QualStatus::kIndeterminate: return "indeterminate";
  }
  return "indeterminate";
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::kConfirmed: return "confirmed";
    case Verdict::kRefuted: return "refuted";
    case Verdict::kIndeterminate: return "indeterminate";
  }
  return "indeterminate";
}

Result<Claim> parse_claim(std::string_view text) {
  Claim c;
  c.text = std::string(text);
  if (text == "qes") {
    c.kind = ClaimKind::kQes;
  } else if (text == "qc-esig") {
    c.kind = ClaimKind::kQcESig;
  } else if (text == "qseal") {
    c.kind = ClaimKind::kQSeal;
  } else if (text == "qc-eseal") {
    c.kind = ClaimKind::kQcESeal;
  } else if (text == "qwac") {
    c.kind = ClaimKind::kQwac;
  } else if (auto p = policy_profile_from_name(text)) {
    c.kind = ClaimKind::kPolicy;
    c.policy = *p;
  } else {
    return Error(Errc::kUsage, "unknown claim '" + std::string(text) +
                                   "': use qes, qc-esig, qseal, qc-eseal, qwac or a policy profile name "
                                   "(QCP-n, QCP-l-qscd, QNCP-w, OVCP…)");
  }
  return c;
}

std::vector<tsl::IndexInput> valid_index_inputs(const std::vector<VerifiedList>& lists) {
  std::vector<tsl::IndexInput> out;
  for (const VerifiedList& v : lists) {
    if (v.status == ListStatus::kValid && v.list) {
      out.push_back(tsl::IndexInput{&*v.list, v.digest, v.source});
    }
  }
  return out;
}

std::vector<tsl::IndexInput> unacceptable_index_inputs(const std::vector<VerifiedList>& lists) {
  std::vector<tsl::IndexInput> out;
  for (const VerifiedList& v : lists) {
    if (v.status != ListStatus::kValid && v.list && v.kind == ListKind::kTl) {
      std::string why(to_string(v.status));
      for (std::size_t i = 0; i < v.reasons.size(); ++i) {
        why += (i == 0 ? ": " : "; ") + v.reasons[i].message;
      }
      out.push_back(tsl::IndexInput{&*v.list, v.digest, v.source, std::move(why)});
    }
  }
  return out;
}

std::string lists_time_warning(tsl::TimePoint lists_at, tsl::TimePoint at) {
  if (lists_at == at) {
    return "";
  }
  return "the lists were verified at " + tsl::format_time(lists_at) + ", not at time T (" + tsl::format_time(at) +
         "): their acceptability is that of " + tsl::format_time(lists_at) +
         " (TS 119 612 V2.4.1 §5.3.15; a result at T still rests only on lists whose NextUpdate is not before T)";
}

QualificationEngine::QualificationEngine(const tsl::ServiceIndex& index) : QualificationEngine(index, nullptr) {}

QualificationEngine::QualificationEngine(const tsl::ServiceIndex& index, const tsl::ServiceIndex* unacceptable)
    : m_index(index),
      m_unacceptable(unacceptable),
      m_keys(std::make_unique<KeyCache>()),
      m_unacceptable_keys(std::make_unique<KeyCache>()) {}

QualificationEngine::~QualificationEngine() = default;

Result<QualificationResult> QualificationEngine::decide(const QualificationRequest& request) const {
  if (request.certificate == nullptr || !request.certificate->native) {
    return Error(Errc::kUsage, "no decoded certificate given");
  }
  const CertificateProfile& cert = *request.certificate;
  detail::CertFacts facts = detail::make_facts(cert);
  QualificationResult out;
  Trace& trace = out.trace;
  const RuleContext about_cert{facts, "certificate", trace};
  detail::AnchorSearch anchors = detail::find_anchors(about_cert, m_index, *m_keys, request.chain).value;
  out.anchor_services = anchors.services;
  out.unprocessed_critical_extensions = detail::check_critical_extensions(about_cert, request.chain).value;
  if (anchors.services.empty()) {
    // TS 119 615 §4.4 step 1 uses acceptable lists only; the others are searched just to
    // say which list names the issuer and why it cannot be used.
    std::string reason = "issuer not listed in any acceptable trusted list";
    if (m_unacceptable != nullptr) {
      DiscardTrace discard;
      detail::AnchorSearch other =
          detail::find_anchors(RuleContext{facts, "certificate", discard}, *m_unacceptable, *m_unacceptable_keys,
                               request.chain)
              .value;
      if (!other.services.empty()) {
        reason = "the issuer is listed only in trusted lists that are not acceptable at the lists' validation time: " +
                 unacceptable_lists(*m_unacceptable, other.services);
        trace.add(detail::kIssuerKey, Outcome::kIndeterminate, "certificate", reason);
      }
    }
    out.at_issuance = indeterminate(cert.not_before, reason);
    out.at_time = indeterminate(request.at, out.at_issuance.reason);
  } else {
    // Step 1: every period that still applies at or after notBefore, with its qualifiers.
    std::vector<Candidate> all;
    std::size_t unusable = 0;
    for (std::uint32_t sid : anchors.services) {
      const tsl::IndexedService& svc = m_index.service(sid);
      if (anchors.depth > 0 && !svc.service->current.extensions.has(tsl::AdditionalInfo::kRootCaQc)) {
        trace.add(detail::kIssuerKey, Outcome::kWarning, svc.provenance.service_name,
                  "anchor found up the chain but the service is not marked RootCA-QC");
      }
      for (const tsl::ServicePeriod& p : svc.periods) {
        if (p.end && *p.end < cert.not_before) {
          continue;
        }
        std::string subject = detail::describe(svc, p);
        const RuleContext about_period = about_cert.about(subject);
        if (detail::check_entry_usable(about_period, *p.state).outcome != Outcome::kPass) {
          ++unusable;
          continue;
        }
        Candidate c;
        c.service_id = sid;
        c.service = &svc;
        c.period = &p;
        c.subject = subject;
        c.qualifiers = detail::capture_qualifiers(about_period, *p.state).value;
        all.push_back(std::move(c));
      }
    }
    if (all.empty() && unusable > 0) {
      out.at_issuance = indeterminate(cert.not_before, "the issuer's service entries are unusable (unknown critical "
                                                       "extension, TS 119 612 Annex B)");
      out.at_time = indeterminate(request.at, out.at_issuance.reason);
    } else {
      out.at_issuance = decide_at(about_cert.about("at issuance"), all, cert.not_before);
      out.at_time = decide_at(about_cert.about("at time T"), all, request.at);
    }
  }
  // RFC 5280 §4.2: an unprocessed critical extension means the certificate cannot be
  // accepted at any instant.
  if (!out.unprocessed_critical_extensions.empty()) {
    std::string why = "critical extension not processed by eutl (RFC 5280 §4.2): ";
    for (std::size_t i = 0; i < out.unprocessed_critical_extensions.size(); ++i) {
      why += (i == 0 ? "" : ", ") + out.unprocessed_critical_extensions[i];
    }
    make_indeterminate(out.at_issuance, why);
    make_indeterminate(out.at_time, why);
  }
  // RFC 5280 §4.1.2.5: at a time T outside [notBefore, notAfter] the certificate is not
  // valid, so not a qualified certificate at T. The result at issuance is unchanged.
  out.at_issuance.validity = CertValidity::kValid;
  auto validity = detail::check_cert_validity(about_cert.about("at time T"), request.at);
  out.at_time.validity = validity.value;
  if (validity.outcome != Outcome::kPass) {
    out.at_time.set_qualified(Tri::kFalse);
    out.at_time.reason = validity.why;
  }
  out.overall = detail::combine_times(about_cert.about("combined"), out.at_issuance, out.at_time).value;
  if (request.claim) {
    out.claim = detail::evaluate_claim(about_cert, *request.claim, out).value;
  }
  return out;
}

}  // namespace eutl::verify
