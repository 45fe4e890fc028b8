// The qualification rules: one free function per file in verify/rules/,
// each reading immutable inputs and appending to the trace. The order in which
// qualification.cpp composes them is kRuleTable's order. Internal to verify/.
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <vector>

#include "eutl/tsl/service_index.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/policy_profile.h"
#include "eutl/verify/qualification.h"
#include "eutl/verify/trace.h"

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

inline constexpr std::array kRuleTable{kIssuerKey, kCriticalExtensions, kEntryUsable, kCriteriaList,
                                       kQualifierCapture, kListCovers, kAtDate, kCaQc, kTypeFilter, kConsistency,
                                       kConflict, kGrantedStatus, kQcCompliance, kQcStatus, kQcType, kQscd,
                                       kCertValidity, kCombineTimes, kQwac, kClaim};

// ---- Shared inputs ----

class QualifierSet final {
 public:
  void add(tsl::Qualifier q) { m_bits.set(static_cast<std::size_t>(q)); }
  bool has(tsl::Qualifier q) const { return m_bits.test(static_cast<std::size_t>(q)); }
  bool empty() const { return m_bits.none(); }
  std::vector<std::string> names() const;

 private:
  std::bitset<32> m_bits;
};

// Certificate facts the rules read; `post_eidas` is decided on notBefore (eIDAS Art. 52: applies from 2016-07-01).
struct CertFacts final {
  const CertificateProfile& cert;
  bool post_eidas = true;
};
CertFacts make_facts(const CertificateProfile& cert);

// One period of one service, with what was captured for the certificate.
struct Candidate final {
  std::uint32_t service_id = 0;
  const tsl::IndexedService* service = nullptr;
  const tsl::ServicePeriod* period = nullptr;
  QualifierSet qualifiers;
  std::string subject;  // "AT TSP#3 service#1 'name' (current)"

  const tsl::ServiceState& state() const { return *period->state; }
  bool period_post_eidas() const { return period->start >= tsl::kEidasDate; }
};
std::string describe(const tsl::IndexedService& s, const tsl::ServicePeriod& p);

// Consistency of one candidate (step 5): which of QC / type / QSCD may be read from it.
struct Consistency final {
  bool qc = true;
  bool type = true;
  bool qscd = true;
  bool pre_eidas_status = true;  // false: a pre-eIDAS period with an eIDAS-only status or usage
};

struct EntryResult final {
  Tri qc = Tri::kUnknown;
  CertType type = CertType::kUnknown;
  Tri qscd = Tri::kUnknown;
  bool operator==(const EntryResult&) const = default;
};

// ---- The rules (one per file) ----

// criteria_list.cpp: kPass = the list matches the certificate, kFail = it does not.
Outcome match_criteria(const tsl::CriteriaList& list, const CertificateProfile& cert, std::string& why);
// qualifier_capture.cpp
QualifierSet capture_qualifiers(const tsl::ServiceState& state, const CertificateProfile& cert,
                                const std::string& subject, Trace& trace);
// entry_usable.cpp
Outcome check_entry_usable(const tsl::ServiceState& state, const std::string& subject, Trace& trace);
// critical_extensions.cpp: kIndeterminate when the certificate or a given chain
// certificate carries a critical extension eutl does not process; `which` names them.
Outcome check_critical_extensions(const CertificateProfile& cert, const std::vector<const CertificateProfile*>& chain,
                                  std::vector<std::string>& which, Trace& trace);
// list_covers.cpp: the candidates whose list's NextUpdate is not before `t` (closed
// lists, without NextUpdate, always). When some are dropped, `uncovered` names the
// first dropped list and its NextUpdate.
std::vector<Candidate> filter_list_covers(const std::vector<Candidate>& in, tsl::TimePoint t,
                                          const std::string& label, std::string& uncovered, Trace& trace);
// cert_validity.cpp
CertValidity check_cert_validity(const CertificateProfile& cert, tsl::TimePoint t, const std::string& label,
                                 Trace& trace);
// The reason for a result at a time outside the validity period ("expired at T …").
std::string validity_reason(const CertificateProfile& cert, CertValidity v, tsl::TimePoint t);
// at_date.cpp: the newest period of each service covering T.
std::vector<Candidate> filter_at_date(const std::vector<Candidate>& in, tsl::TimePoint t, const std::string& label,
                                      Trace& trace);
// ca_qc.cpp
std::vector<Candidate> filter_ca_qc(const std::vector<Candidate>& in, const std::string& label, Trace& trace);
// type_filter.cpp (only for post-eIDAS certificates)
std::vector<Candidate> filter_by_type(const std::vector<Candidate>& in, const CertFacts& facts,
                                      const std::string& label, Trace& trace);
// consistency.cpp
Consistency check_consistency(const Candidate& c, Trace& trace);
// granted_status.cpp
bool status_acceptable(const Candidate& c);
std::vector<Candidate> filter_granted(const std::vector<Candidate>& in, const std::string& label, Trace& trace);
// qc_compliance.cpp: QC by certificate content.
bool qc_by_content(const CertFacts& facts);
Outcome check_qc_compliance(const CertFacts& facts, const std::string& label, Trace& trace);
// qc_status.cpp
Tri qc_with_tl(const CertFacts& facts, const Candidate* selected, bool usable, const Consistency& cons,
               const std::string& label, Trace* trace);
// qc_type.cpp
CertType type_by_content(const CertFacts& facts);
CertType type_with_tl(const CertFacts& facts, const Candidate* selected, bool is_qc, const Consistency& cons,
                      const std::string& label, Trace* trace);
// qscd.cpp
Tri qscd_by_content(const CertFacts& facts);
Tri qscd_with_tl(const CertFacts& facts, const Candidate* selected, bool is_qc, const Consistency& cons,
                 const std::string& label, Trace* trace);
// conflict.cpp: kFail when results differ.
Outcome check_conflict(const std::vector<Candidate>& cands, const std::vector<EntryResult>& results,
                       const std::string& label, Trace& trace);
// combine_times.cpp
QualificationAtTime combine_times(const QualificationAtTime& issuance, const QualificationAtTime& at_t, Trace& trace);
// qwac.cpp: kPass 1-QWAC or 2-QWAC, with `which`; kFail names the missing part.
Outcome check_qwac(const CertificateProfile& cert, const QualificationAtTime& at_issuance, std::string& missing,
                   Trace& trace);
// claim.cpp
ClaimResult evaluate_claim(const Claim& claim, const CertificateProfile& cert, const QualificationResult& result,
                           Trace& trace);

}  // namespace eutl::verify::detail
