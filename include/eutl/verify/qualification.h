// Is this certificate an EU qualified certificate, for which use, on a QSCD, at its
// issuance and at a time T? ETSI TS 119 615 V1.2.1 §4.4–4.6 (procedure as implemented by
// DSS, following TS 119 172-4), EN 319 412-5 (QC statements), TS 119 612
// (service periods, qualifiers), and TS 119 411-5 for QWACs.
//
// Caller is responsible for: building the ServiceIndex from lists whose
// verification status is VALID only (verify::ListStatus::kValid): expired, invalid or
// indeterminate lists must never be indexed. The engine trusts the index. A second
// index over the other lists (unacceptable_index_inputs) may be given: it is searched
// only to name, in the reason, the list that lists an issuer but cannot be used.
//
// Beyond the index, a result about an instant (issuance or T) rests only on lists
// whose NextUpdate is not before that instant (TS 119 612 V2.4.1 §5.3.15); at a T
// outside [notBefore, notAfter] the certificate is not qualified (RFC 5280 §4.1.2.5);
// a certificate or --chain certificate with a critical extension eutl does not
// process is never qualified (RFC 5280 §4.2).
//
// Deviations from TS 119 615 §4.4:
// - When the certificate-type filter (step 4) leaves no service entry, the result is
//   "not qualified" (the list positively says the CA does not issue that type), not N/A.
// - Issuer search never relies on names: a service is used only when its listed key
//   verifies the certificate's signature (or that of a CA up the given chain).
// - A period containing an unknown critical extension is unusable (TS 119 612 Annex B).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/policy_profile.h"
#include "eutl/verify/trace.h"

namespace eutl::verify {

// The three-way enums of a decision, each the answer to its own question:
// - Outcome (trace.h): how one rule came out (pass / fail / indeterminate, + warning).
//   Every rule returns it; it is the only tri-state of the rules.
// - Tri: a fact about the certificate at an instant (qualified? on a QSCD?), which
//   may be unknown.
// - QualStatus: the decision for an instant; it is the `qualified` fact read as a
//   decision (qual_status), never set apart from it.
// - Verdict: the answer to a claim; it is the CLAIM rule's Outcome (verdict_of).
// - ListStatus (list_set.h): a list's acceptability, four-way; not a rule outcome.
// Each mapping between them is written once, below; strings only at the JSON edge.
enum class Tri : std::uint8_t { kFalse, kTrue, kUnknown };  // kUnknown prints as JSON null
std::string_view to_string(Tri t);                            // "false" / "true" / "null"

enum class CertType : std::uint8_t { kESig, kESeal, kWsa, kUnknown };
std::string_view to_string(CertType t);  // "esig" / "eseal" / "wsa" / "unknown"

// Where an instant lies against the certificate's [notBefore, notAfter] (RFC 5280
// §4.1.2.5).
enum class CertValidity : std::uint8_t { kValid, kNotYetValid, kExpired };
std::string_view to_string(CertValidity v);  // "valid" / "not_yet_valid" / "expired"

enum class QualStatus : std::uint8_t { kQualified, kNotQualified, kIndeterminate };
std::string_view to_string(QualStatus s);  // "qualified" / "not_qualified" / "indeterminate"

constexpr QualStatus qual_status(Tri qualified) {
  switch (qualified) {
    case Tri::kTrue: return QualStatus::kQualified;
    case Tri::kFalse: return QualStatus::kNotQualified;
    case Tri::kUnknown: break;
  }
  return QualStatus::kIndeterminate;
}

// The service period a result rests on.
struct ServiceUse final {
  std::uint32_t service = 0;  // index into the ServiceIndex
  tsl::ServiceProvenance provenance;
  std::optional<std::size_t> history_index;  // nullopt: current state
  std::string type_uri;
  std::string status_uri;
  tsl::TimePoint start{};
  std::optional<tsl::TimePoint> end;
  std::vector<std::string> captured_qualifiers;  // short names ("QCWithQSCD")
  std::vector<std::string> additional_information;  // short names ("ForeSignatures")
};

struct QualificationAtTime final {
  tsl::TimePoint time{};
  QualStatus status = QualStatus::kIndeterminate;
  Tri qualified = Tri::kUnknown;
  CertType type = CertType::kUnknown;
  Tri qscd = Tri::kUnknown;
  std::optional<ServiceUse> service;
  std::string reason;  // one sentence: why this result
  // Whether `time` lies inside the certificate's validity period. At issuance it
  // always does; at time T outside it, the result is never "qualified".
  CertValidity validity = CertValidity::kValid;

  // Sets the fact and the decision it makes together.
  void set_qualified(Tri q) {
    qualified = q;
    status = qual_status(q);
  }
};

// --claim values: eIDAS Art. 3(12), 3(27), 3(39), or an EN 319 411-1/-2 policy profile.
enum class ClaimKind : std::uint8_t { kQes, kQcESig, kQSeal, kQcESeal, kQwac, kPolicy };
struct Claim final {
  ClaimKind kind = ClaimKind::kQes;
  std::optional<PolicyProfile> policy;  // for kPolicy
  std::string text;                     // as given
};
// "qes", "qc-esig", "qseal", "qc-eseal", "qwac" or a policy profile name; kUsage otherwise.
[[nodiscard]] Result<Claim> parse_claim(std::string_view text);

enum class Verdict : std::uint8_t { kConfirmed, kRefuted, kIndeterminate };
std::string_view to_string(Verdict v);  // "confirmed" / "refuted" / "indeterminate"

// The claim rule's outcome as a verdict (a warning never decides: indeterminate).
constexpr Verdict verdict_of(Outcome o) {
  switch (o) {
    case Outcome::kPass: return Verdict::kConfirmed;
    case Outcome::kFail: return Verdict::kRefuted;
    case Outcome::kIndeterminate:
    case Outcome::kWarning: break;
  }
  return Verdict::kIndeterminate;
}

struct ClaimResult final {
  Claim claim;
  Verdict verdict = Verdict::kIndeterminate;
  std::string failing_part;  // empty when confirmed; e.g. "qscd", "policy QNCP-w", "issuer not listed"
  std::string explanation;
};

struct QualificationRequest final {
  const CertificateProfile* certificate = nullptr;  // required, with `native` set
  std::vector<const CertificateProfile*> chain;     // optional CA certificates (--chain)
  tsl::TimePoint at{};                              // time T; no default
  std::optional<Claim> claim;
};

struct QualificationResult final {
  QualificationAtTime at_issuance;
  QualificationAtTime at_time;
  QualificationAtTime overall;  // TS 119 615 §4.6: the two times combined
  std::vector<std::uint32_t> anchor_services;  // services whose key verified the chain
  std::optional<ClaimResult> claim;
  Trace trace;
  // Critical extensions eutl does not process (RFC 5280 §4.2), as "certificate: OID" or
  // "chain certificate N: OID". Non-empty: no result is qualified, no claim confirmed.
  std::vector<std::string> unprocessed_critical_extensions;
  // Notes that did not change the result but that a relying party must see, e.g. the
  // lists were verified at another instant than T (eutl::TrustedLists::check).
  std::vector<std::string> warnings;
};

// The index inputs for a verified list set: ONLY the lists whose status is kValid
// (expired, invalid and indeterminate lists are left out). This is the hook the
// store uses as well as `eutl check --lists`. The lists must outlive the index.
std::vector<tsl::IndexInput> valid_index_inputs(const std::vector<VerifiedList>& lists);
// The other lists (parsed, but expired, invalid or indeterminate), each with why it is
// not acceptable. Their index is searched only to name the list in the reason when an
// issuer is not found among the acceptable ones; it never decides.
std::vector<tsl::IndexInput> unacceptable_index_inputs(const std::vector<VerifiedList>& lists);

// The warning due when the lists were verified (their acceptability decided) at
// `lists_at` but the certificate is judged at another time `at`; empty when equal.
std::string lists_time_warning(tsl::TimePoint lists_at, tsl::TimePoint at);

// Decides against one index. Thread-safe; caches decoded issuer keys per anchor.
class QualificationEngine final {
 public:
  explicit QualificationEngine(const tsl::ServiceIndex& index);
  // `unacceptable`: the index of unacceptable_index_inputs(), only read to explain a
  // missing issuer. It must outlive the engine.
  QualificationEngine(const tsl::ServiceIndex& index, const tsl::ServiceIndex* unacceptable);
  ~QualificationEngine();
  QualificationEngine(const QualificationEngine&) = delete;
  QualificationEngine& operator=(const QualificationEngine&) = delete;

  [[nodiscard]] Result<QualificationResult> decide(const QualificationRequest& request) const;
  const tsl::ServiceIndex& index() const noexcept { return m_index; }

  struct KeyCache;

 private:
  const tsl::ServiceIndex& m_index;
  const tsl::ServiceIndex* m_unacceptable = nullptr;
  std::unique_ptr<KeyCache> m_keys;
  std::unique_ptr<KeyCache> m_unacceptable_keys;  // anchor ids are per index
};

}  // namespace eutl::verify
