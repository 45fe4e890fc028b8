// What every rule in verify/rules/ takes and returns (internal to verify/).
//
// One shape for every rule:
//   RuleOutcome<T> rule(const RuleContext& ctx, <the facts the rule reads>);
// The context carries the certificate facts, the subject the trace entries are about
// and a trace sink that is never null (a DiscardTrace when only the value matters).
// The outcome is the one tri-state of trace.h (plus kWarning); `value` is what the rule
// produced (kept candidates, a Tri, a type…), `why` the rule's note in words.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "eutl/tsl/service_index.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/qualification.h"
#include "eutl/verify/trace.h"

namespace eutl::verify::detail {

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

// The input every rule takes.
struct RuleContext final {
  const CertFacts& facts;    // the end-entity certificate
  std::string_view subject;  // what the entries are about: "at issuance", a service period…
  TraceSink& trace;          // never null

  void add(const RuleInfo& rule, Outcome outcome, std::string detail) const {
    trace.add(rule, outcome, std::string(subject), std::move(detail));
  }
  // The same facts and sink, about another subject.
  RuleContext about(std::string_view other) const { return RuleContext{facts, other, trace}; }
};

// What every rule returns.
template <typename T = std::monostate>
struct RuleOutcome final {
  Outcome outcome = Outcome::kIndeterminate;
  T value{};
  std::string why;  // the rule's note: why it failed, what is missing, what it could not read
};

// A rule's conclusion: records `detail` under `rule` in the trace and returns the
// outcome with its value and `why`.
template <typename T>
RuleOutcome<T> conclude(const RuleContext& ctx, const RuleInfo& rule, Outcome outcome, T value, std::string why,
                        std::string detail) {
  ctx.add(rule, outcome, std::move(detail));
  return RuleOutcome<T>{outcome, std::move(value), std::move(why)};
}

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
using Candidates = std::vector<Candidate>;
std::string describe(const tsl::IndexedService& s, const tsl::ServicePeriod& p);

// Consistency of one candidate (step 5): which of QC / type / QSCD may be read from it.
struct Consistency final {
  bool qc = true;
  bool type = true;
  bool qscd = true;
  bool pre_eidas_status = true;  // false: a pre-eIDAS period with an eIDAS-only status or usage
};

// The period the TL-over-certificate rules (qc_status, qc_type, qscd) read.
struct Selection final {
  const Candidate* candidate = nullptr;  // nullptr: no usable granted CA/QC period
  Consistency consistency;
};

struct EntryResult final {
  Tri qc = Tri::kUnknown;
  CertType type = CertType::kUnknown;
  Tri qscd = Tri::kUnknown;
  bool operator==(const EntryResult&) const = default;
};

}  // namespace eutl::verify::detail
