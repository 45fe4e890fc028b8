// A candidate service period built around a test CA, and a rule context, for the
// rule unit tests (tests/verify/rules/<rule>_test.cpp).
#pragma once

#include "tests/verify/qualification_test_support.h"
#include "verify/rules/rules.h"

namespace eutl::test {

// The QcCompliance statement (EN 319 412-5 §4.2.1, id-etsi-qcs-QcCompliance).
inline tsl::Bytes qc_compliance() { return qc_statement("0.4.0.1862.1.1"); }

struct RuleBed final {
  tsl::TrustedList list;
  tsl::ServiceIndex index;
  std::vector<verify::detail::Candidate> candidates;  // every period of every service

  explicit RuleBed(std::vector<tsl::TrustService> services, std::optional<tsl::TimePoint> next_update = std::nullopt) {
    list = test::list("AA", std::move(services));
    list.scheme.next_update = next_update;
    index = tsl::ServiceIndex::build({tsl::IndexInput{&list, {}, "mem"}});
    for (std::uint32_t s = 0; s < index.services().size(); ++s) {
      const auto& svc = index.service(s);
      for (const auto& p : svc.periods) {
        verify::detail::Candidate c;
        c.service_id = s;
        c.service = &svc;
        c.period = &p;
        c.subject = verify::detail::describe(svc, p);
        candidates.push_back(c);
      }
    }
  }
  RuleBed(const RuleBed&) = delete;
};

inline const Issued& rule_ca() {
  static const Issued ca = issue(CertSpec{.cn = "Rule CA", .ca = true}, nullptr);
  return ca;
}

inline verify::CertificateProfile ee(CertSpec spec) { return profile(issue(spec, &rule_ca(), "Rule CA", "Test Org", "AA").der); }

// A plain end-entity certificate, for the rules that do not read the certificate.
inline const verify::CertificateProfile& plain_ee() {
  static const verify::CertificateProfile cert = ee({});
  return cert;
}

// A sink for the tests that only read a rule's value.
inline verify::TraceSink& no_trace() {
  static verify::DiscardTrace sink;
  return sink;
}

// The context a rule takes: `cert`'s facts, about `subject`, recording into `trace`.
// Converts to the RuleContext, so a test writes rule(test::RuleCtx(trace, cert), …).
struct RuleCtx final {
  verify::CertificateProfile cert;
  verify::detail::CertFacts facts;
  std::string subject;
  verify::detail::RuleContext ctx;

  explicit RuleCtx(verify::TraceSink& trace, verify::CertificateProfile c = plain_ee(), std::string s = "T")
      : cert(std::move(c)), facts(verify::detail::make_facts(cert)), subject(std::move(s)), ctx{facts, subject, trace} {}
  RuleCtx(const RuleCtx&) = delete;
  operator const verify::detail::RuleContext&() const { return ctx; }
};

}  // namespace eutl::test
