// The qualification rules: one free function per file in verify/rules/, each
// reading immutable inputs through a RuleContext and appending to its trace sink.
// The order in which qualification.cpp composes them is kRuleTable's order.
// Internal to verify/.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/verify/policy_profile.h"
#include "eutl/verify/service_period.h"
#include "verify/rule_context.h"

namespace eutl::verify::detail {

// ---- Rule identities, in procedure order (TS 119 615 §4.4–4.6) ----
inline constexpr RuleInfo kIssuerKey{"ISSUER-KEY", "TS 119 615 §4.4 step 1; TS 119 612 V2.4.1 §5.5.3",
                                     "a listed service key verifies the certificate (or chain) signature"};
inline constexpr RuleInfo kCriticalExtensions{"CRITICAL-EXTENSIONS", "RFC 5280 §4.2, §6.1.3",
                                             "a certificate with a critical extension eutl does not process is "
                                             "never accepted"};
inline constexpr RuleInfo kEntryUsable{"ENTRY-USABLE", "TS 119 612 V2.4.1 §5.5.9, Annex B",
                                       "a service period with an unknown critical extension is unusable"};
inline constexpr RuleInfo kCriteriaList{"CRITERIA-LIST", "TS 119 612 V2.4.1 §5.5.9.2.1",
                                        "a Qualification element applies when its CriteriaList matches"};
inline constexpr RuleInfo kQualifierCapture{"QUALIFIER-CAPTURE", "TS 119 615 §4.4 step 1; TS 119 612 §5.5.9.2",
                                            "collect the qualifiers of every matching Qualification element"};
inline constexpr RuleInfo kListCovers{"LIST-COVERS", "TS 119 612 V2.4.1 §5.3.15; TS 119 615 §4.4 step 1",
                                      "a result for an instant rests only on lists whose NextUpdate is not before "
                                      "it (a closed list has none)"};
inline constexpr RuleInfo kAtDate{"AT-DATE", "TS 119 615 §4.4 step 2; TS 119 612 V2.4.1 §5.5.10",
                                  "keep the service periods in force at time T"};
inline constexpr RuleInfo kCaQc{"CA-QC", "TS 119 615 §4.4 step 3; TS 119 612 V2.4.1 §5.5.1.1",
                                "prefer services of type CA/QC"};
inline constexpr RuleInfo kTypeFilter{"TYPE-FILTER", "TS 119 615 §4.4 step 4; TS 119 612 V2.4.1 §5.5.9.4",
                                      "the service must be listed for the certificate's type (ASI, QCFor*)"};
inline constexpr RuleInfo kConsistency{"CONSISTENCY", "TS 119 615 §4.4 step 5",
                                       "qualifiers of one period must not contradict each other"};
inline constexpr RuleInfo kConflict{"CONFLICT", "TS 119 615 §4.4 step 6",
                                    "several services giving different results: no result"};
inline constexpr RuleInfo kGrantedStatus{"GRANTED-STATUS", "TS 119 615 §4.4 steps 7-8; TS 119 612 Annex J",
                                         "granted (eIDAS) or undersupervision/accredited/supervisionincessation "
                                         "(pre-eIDAS) CA/QC"};
inline constexpr RuleInfo kQcCompliance{"QC-COMPLIANCE", "EN 319 412-5 V2.4.1 §4.2.1; TS 119 615 §4.5(a)",
                                        "QcCompliance present and no QcCClegislation (pre-eIDAS: or QCP/QCP+)"};
inline constexpr RuleInfo kQcStatus{"QC-STATUS", "TS 119 615 §4.5(a)",
                                    "NotQualified / QCStatement qualifiers override the certificate"};
inline constexpr RuleInfo kQcType{"QC-TYPE", "EN 319 412-5 V2.4.1 §4.2.3; TS 119 615 §4.5(b)",
                                  "type from QcType, overridden by QCForESig/ESeal/WSA"};
inline constexpr RuleInfo kQscd{"QSCD", "EN 319 412-5 V2.4.1 §4.2.2; TS 119 615 §4.5(c)",
                                "QcSSCD, overridden by QCWithQSCD/QCNoQSCD/ManagedOnBehalf/AsInCert"};
inline constexpr RuleInfo kCertValidity{"CERT-VALIDITY", "RFC 5280 §4.1.2.5, §6.1.3 (a)(2)",
                                        "time T lies inside the certificate's validity period [notBefore, notAfter]"};
inline constexpr RuleInfo kCombineTimes{"COMBINE-TIMES", "TS 119 615 §4.6; eIDAS Art. 32",
                                        "combine the results at issuance and at time T"};
inline constexpr RuleInfo kQwac{"QWAC", "TS 119 411-5 V1.1.1 §4; EN 319 411-2 V2.5.1 §5.3",
                                "1-QWAC (QcType web + QEVCP-w/QNCP-w) or 2-QWAC (QNCP-w-gen + TLS binding EKU)"};
inline constexpr RuleInfo kClaim{"CLAIM", "eIDAS Art. 3(12), 3(27), 3(39); TS 119 615 §4.5", "each part of the claim must hold"};

// The rules the engine composes, in procedure order: id and clause (RuleInfo) and
// the file verify/rules/<file>.cpp that implements the rule. The test
// tests/verify/rules/rules_test.cpp checks that each has its own
// tests/verify/rules/<file>_test.cpp and that every verify/rules/*.cpp is listed.
struct RuleEntry final : RuleInfo {
  std::string_view file;
};
inline constexpr std::array kRuleTable{
    RuleEntry{kIssuerKey, "issuer_key"},
    RuleEntry{kCriticalExtensions, "critical_extensions"},
    RuleEntry{kEntryUsable, "entry_usable"},
    RuleEntry{kCriteriaList, "criteria_list"},
    RuleEntry{kQualifierCapture, "qualifier_capture"},
    RuleEntry{kListCovers, "list_covers"},
    RuleEntry{kAtDate, "at_date"},
    RuleEntry{kCaQc, "ca_qc"},
    RuleEntry{kTypeFilter, "type_filter"},
    RuleEntry{kConsistency, "consistency"},
    RuleEntry{kConflict, "conflict"},
    RuleEntry{kGrantedStatus, "granted_status"},
    RuleEntry{kQcCompliance, "qc_compliance"},
    RuleEntry{kQcStatus, "qc_status"},
    RuleEntry{kQcType, "qc_type"},
    RuleEntry{kQscd, "qscd"},
    RuleEntry{kCertValidity, "cert_validity"},
    RuleEntry{kCombineTimes, "combine_times"},
    RuleEntry{kQwac, "qwac"},
    RuleEntry{kClaim, "claim"}};

// ---- The rules, one per file; each takes a RuleContext and returns a RuleOutcome ----
// (verify/rule_context.h). Helpers that only derive a fact (qc_by_content…) sit in the
// file of the rule that owns the fact.

struct AnchorSearch final {
  std::vector<std::uint32_t> services;  // deduplicated, in discovery order
  std::size_t depth = 0;                // 0: the certificate's issuer is listed
};
// issuer_key.cpp: kPass when a listed key verifies the certificate or a --chain CA.
RuleOutcome<AnchorSearch> find_anchors(const RuleContext& ctx, const tsl::ServiceIndex& index,
                                       QualificationEngine::KeyCache& cache,
                                       const std::vector<const CertificateProfile*>& chain);
// critical_extensions.cpp: kIndeterminate when the certificate or a given chain
// certificate carries a critical extension eutl does not process; the value names them.
RuleOutcome<std::vector<std::string>> check_critical_extensions(const RuleContext& ctx,
                                                                const std::vector<const CertificateProfile*>& chain);
// entry_usable.cpp (subject: the service period)
RuleOutcome<> check_entry_usable(const RuleContext& ctx, const tsl::ServiceState& state);
// criteria_list.cpp: kPass = the list matches the certificate, kFail = it does not;
// `why` notes unknown criteria. Traced by qualifier_capture, which knows the element.
RuleOutcome<> match_criteria(const RuleContext& ctx, const tsl::CriteriaList& list);
// qualifier_capture.cpp (subject: the service period)
RuleOutcome<QualifierSet> capture_qualifiers(const RuleContext& ctx, const tsl::ServiceState& state);
// list_covers.cpp: the candidates whose list's NextUpdate is not before `t` (closed
// lists, without NextUpdate, always). When some are dropped, `why` names the first
// dropped list and its NextUpdate.
RuleOutcome<Candidates> filter_list_covers(const RuleContext& ctx, const Candidates& in, tsl::TimePoint t);
// at_date.cpp: the newest period of each service covering `t`.
RuleOutcome<Candidates> filter_at_date(const RuleContext& ctx, const Candidates& in, tsl::TimePoint t);
// ca_qc.cpp
RuleOutcome<Candidates> filter_ca_qc(const RuleContext& ctx, const Candidates& in);
// type_filter.cpp (only for post-eIDAS certificates)
RuleOutcome<Candidates> filter_by_type(const RuleContext& ctx, const Candidates& in);
// consistency.cpp (subject: the candidate)
RuleOutcome<Consistency> check_consistency(const RuleContext& ctx, const Candidate& c);
// conflict.cpp: kIndeterminate when the results differ.
RuleOutcome<> check_conflict(const RuleContext& ctx, const Candidates& cands, const std::vector<EntryResult>& results);
// granted_status.cpp
RuleOutcome<Candidates> filter_granted(const RuleContext& ctx, const Candidates& in);
// qc_compliance.cpp: QC by certificate content.
bool qc_by_content(const CertFacts& facts);
RuleOutcome<> check_qc_compliance(const RuleContext& ctx);
// qc_status.cpp
RuleOutcome<Tri> qc_with_tl(const RuleContext& ctx, const Selection& selected);
// qc_type.cpp (the list overrides the type of a QC only)
CertType type_by_content(const CertFacts& facts);
RuleOutcome<CertType> type_with_tl(const RuleContext& ctx, const Selection& selected, Tri qualified);
// qscd.cpp
Tri qscd_by_content(const CertFacts& facts);
RuleOutcome<Tri> qscd_with_tl(const RuleContext& ctx, const Selection& selected, Tri qualified);
// cert_validity.cpp; `why` is validity_reason() when T is outside the validity period.
RuleOutcome<CertValidity> check_cert_validity(const RuleContext& ctx, tsl::TimePoint t);
std::string validity_reason(const CertificateProfile& cert, CertValidity v, tsl::TimePoint t);
// combine_times.cpp
RuleOutcome<QualificationAtTime> combine_times(const RuleContext& ctx, const QualificationAtTime& issuance,
                                               const QualificationAtTime& at_t);
// qwac.cpp: kPass 1-QWAC or 2-QWAC; otherwise `why` names the missing part.
RuleOutcome<> check_qwac(const RuleContext& ctx, const QualificationAtTime& at_issuance);
// claim.cpp
RuleOutcome<ClaimResult> evaluate_claim(const RuleContext& ctx, const Claim& claim, const QualificationResult& result);

}  // namespace eutl::verify::detail
