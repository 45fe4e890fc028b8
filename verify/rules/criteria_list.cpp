// ETSI TS 119 612 V2.4.1 §5.5.9.2.1 (and XSD SvcInfoExt): a CriteriaList combines the
// results of all its children with assert = all | atLeastOne | none. KeyUsage matches
// when every listed bit has the listed value; PolicySet when every OID is among the
// certificate's policies; ExtendedKeyUsage when every EKU is present;
// CertSubjectDNAttribute when every attribute type is in the subject DN.
//
// Deviations: an unknown criterion never matches (DSS throws); a missing assert is
// read as "all" (the parser records it).
#include <algorithm>

#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

bool key_usage_matches(const std::vector<tsl::KeyUsageBit>& bits, const CertificateProfile& cert, std::string& why) {
  for (const auto& b : bits) {
    auto bit = key_usage_bit_from_name(b.name);
    if (!bit) {
      why += "unknown KeyUsageBit '" + b.name + "'; ";
      return false;
    }
    if (cert.has_key_usage(*bit) != b.value) {
      return false;
    }
  }
  return true;
}

template <typename Pred>
bool all_of_set(const std::vector<std::string>& set, Pred&& pred) {
  return std::all_of(set.begin(), set.end(), pred);
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

RuleOutcome<> match_criteria(const RuleContext& ctx, const tsl::CriteriaList& list) {
  const CertificateProfile& cert = ctx.facts.cert;
  RuleOutcome<> r;
  std::string& why = r.why;
  std::vector<bool> results;
  for (const auto& ku : list.key_usages) {
    results.push_back(key_usage_matches(ku, cert, why));
  }
  for (const auto& ps : list.policy_sets) {
    results.push_back(!ps.empty() && all_of_set(ps, [&](const std::string& o) { return cert.has_policy(o); }));
  }
  for (const auto& nested : list.nested) {
    RuleOutcome<> inner = match_criteria(ctx, nested);
    why += inner.why;
    results.push_back(inner.outcome == Outcome::kPass);
  }
  for (const auto& eku : list.extended_key_usages) {
    results.push_back(!eku.empty() && all_of_set(eku, [&](const std::string& o) { return cert.has_eku(o); }));
  }
  for (const auto& dn : list.subject_dn_attributes) {
    results.push_back(!dn.empty() &&
                      all_of_set(dn, [&](const std::string& o) { return has(cert.subject_dn_attributes, o); }));
  }
  for (const auto& qs : list.qc_statement_sets) {
    results.push_back(!qs.empty() &&
                      all_of_set(qs, [&](const std::string& o) { return has(cert.qc.statement_oids, o); }));
  }
  for (const auto& unknown : list.unknown_criteria) {
    why += "unknown criterion '" + unknown + "' never matches; ";
    results.push_back(false);
  }
  std::size_t matched = static_cast<std::size_t>(std::count(results.begin(), results.end(), true));
  bool ok = false;
  switch (list.assert_kind) {
    case tsl::CriteriaAssert::kAll: ok = matched == results.size(); break;
    case tsl::CriteriaAssert::kAtLeastOne: ok = matched > 0; break;
    case tsl::CriteriaAssert::kNone: ok = matched == 0; break;
  }
  r.outcome = ok ? Outcome::kPass : Outcome::kFail;
  return r;
}

}  // namespace eutl::verify::detail
