// Shared by the model cache tests: an observable comparison of two verified list sets
// (every fact a decision or a report reads, compared field by field) and of the
// decisions they give.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eutl/tsl/service_index.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::test {

inline std::string reasons_text(const std::vector<verify::Reason>& rs) {
  std::string out;
  for (const auto& r : rs) {
    out += r.code + ": " + r.message + "\n";
  }
  return out;
}

inline void expect_same_identity(const tsl::DigitalIdentity& a, const tsl::DigitalIdentity& b, const std::string& at) {
  ASSERT_EQ(a.certificates.size(), b.certificates.size()) << at;
  for (std::size_t i = 0; i < a.certificates.size(); ++i) {
    EXPECT_EQ(a.certificates[i].blob.der(), b.certificates[i].blob.der()) << at;
    EXPECT_EQ(a.certificates[i].blob.sha256(), b.certificates[i].blob.sha256()) << at;
    EXPECT_TRUE(std::equal(a.certificates[i].blob.spki().begin(), a.certificates[i].blob.spki().end(),
                           b.certificates[i].blob.spki().begin(), b.certificates[i].blob.spki().end()))
        << at;
    EXPECT_EQ(a.certificates[i].line, b.certificates[i].line) << at;
  }
  EXPECT_EQ(a.subject_names, b.subject_names) << at;
  EXPECT_EQ(a.skis, b.skis) << at;
  EXPECT_EQ(a.key_values, b.key_values) << at;
  EXPECT_EQ(a.other, b.other) << at;
}

inline void expect_same_state(const tsl::ServiceState& a, const tsl::ServiceState& b, const std::string& at) {
  EXPECT_EQ(a.type_uri, b.type_uri) << at;
  EXPECT_EQ(a.type, b.type) << at;
  EXPECT_EQ(a.name.preferred(), b.name.preferred()) << at;
  EXPECT_EQ(a.status_uri, b.status_uri) << at;
  EXPECT_EQ(a.status, b.status) << at;
  EXPECT_EQ(a.status_start, b.status_start) << at;
  EXPECT_EQ(a.line, b.line) << at;
  expect_same_identity(a.identity, b.identity, at);
  const auto& ea = a.extensions;
  const auto& eb = b.extensions;
  ASSERT_EQ(ea.qualifications.size(), eb.qualifications.size()) << at;
  for (std::size_t i = 0; i < ea.qualifications.size(); ++i) {
    EXPECT_EQ(ea.qualifications[i].qualifier_uris, eb.qualifications[i].qualifier_uris) << at;
    EXPECT_EQ(ea.qualifications[i].qualifiers, eb.qualifications[i].qualifiers) << at;
    EXPECT_EQ(ea.qualifications[i].criteria.policy_sets, eb.qualifications[i].criteria.policy_sets) << at;
    EXPECT_EQ(ea.qualifications[i].criteria.assert_kind, eb.qualifications[i].criteria.assert_kind) << at;
    EXPECT_EQ(ea.qualifications[i].criteria.nested.size(), eb.qualifications[i].criteria.nested.size()) << at;
  }
  ASSERT_EQ(ea.additional_information.size(), eb.additional_information.size()) << at;
  for (std::size_t i = 0; i < ea.additional_information.size(); ++i) {
    EXPECT_EQ(ea.additional_information[i].uri, eb.additional_information[i].uri) << at;
    EXPECT_EQ(ea.additional_information[i].critical, eb.additional_information[i].critical) << at;
  }
  EXPECT_EQ(ea.taken_over_by.has_value(), eb.taken_over_by.has_value()) << at;
  EXPECT_EQ(ea.expired_certs_revocation_info, eb.expired_certs_revocation_info) << at;
  EXPECT_EQ(ea.unknown.size(), eb.unknown.size()) << at;
}

// Field by field over what verification, the index, the decision and the reports read.
inline void expect_same_lists(const std::vector<verify::VerifiedList>& a, const std::vector<verify::VerifiedList>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    const std::string at = "list " + std::to_string(i) + " " + x.source;
    EXPECT_EQ(x.source, y.source) << at;
    EXPECT_EQ(x.digest, y.digest) << at;
    EXPECT_EQ(x.kind, y.kind) << at;
    EXPECT_EQ(x.status, y.status) << at;
    EXPECT_EQ(reasons_text(x.reasons), reasons_text(y.reasons)) << at;
    EXPECT_EQ(reasons_text(x.warnings), reasons_text(y.warnings)) << at;
    EXPECT_EQ(x.signature.signer_der, y.signature.signer_der) << at;
    EXPECT_EQ(x.signature.signer_sha256, y.signature.signer_sha256) << at;
    EXPECT_EQ(x.signature.signing_time, y.signature.signing_time) << at;
    EXPECT_EQ(x.signature.signature_method, y.signature.signature_method) << at;
    EXPECT_EQ(x.signature.matched, y.signature.matched) << at;
    ASSERT_EQ(x.list.has_value(), y.list.has_value()) << at;
    if (!x.list) {
      continue;
    }
    const auto& sx = x.list->scheme;
    const auto& sy = y.list->scheme;
    EXPECT_EQ(x.list->tsl_tag, y.list->tsl_tag) << at;
    EXPECT_EQ(x.list->id, y.list->id) << at;
    EXPECT_EQ(x.list->has_signature, y.list->has_signature) << at;
    EXPECT_EQ(x.list->warnings.size(), y.list->warnings.size()) << at;
    EXPECT_EQ(sx.version, sy.version) << at;
    EXPECT_EQ(sx.sequence_number, sy.sequence_number) << at;
    EXPECT_EQ(sx.tsl_type_uri, sy.tsl_type_uri) << at;
    EXPECT_EQ(sx.territory, sy.territory) << at;
    EXPECT_EQ(sx.operator_name.preferred(), sy.operator_name.preferred()) << at;
    EXPECT_EQ(sx.scheme_name.values.size(), sy.scheme_name.values.size()) << at;
    EXPECT_EQ(sx.issue_date, sy.issue_date) << at;
    EXPECT_EQ(sx.next_update, sy.next_update) << at;
    EXPECT_EQ(sx.historical_information_period, sy.historical_information_period) << at;
    EXPECT_EQ(sx.distribution_points, sy.distribution_points) << at;
    EXPECT_EQ(sx.community_rules, sy.community_rules) << at;
    ASSERT_EQ(sx.pointers.size(), sy.pointers.size()) << at;
    for (std::size_t p = 0; p < sx.pointers.size(); ++p) {
      EXPECT_EQ(sx.pointers[p].location, sy.pointers[p].location) << at;
      EXPECT_EQ(sx.pointers[p].territory, sy.pointers[p].territory) << at;
      EXPECT_EQ(sx.pointers[p].mime_type, sy.pointers[p].mime_type) << at;
      ASSERT_EQ(sx.pointers[p].identities.size(), sy.pointers[p].identities.size()) << at;
      for (std::size_t d = 0; d < sx.pointers[p].identities.size(); ++d) {
        expect_same_identity(sx.pointers[p].identities[d], sy.pointers[p].identities[d], at);
      }
    }
    ASSERT_EQ(x.list->providers.size(), y.list->providers.size()) << at;
    for (std::size_t t = 0; t < x.list->providers.size(); ++t) {
      const auto& px = x.list->providers[t];
      const auto& py = y.list->providers[t];
      const std::string tsp = at + " tsp " + std::to_string(t);
      EXPECT_EQ(px.name.preferred(), py.name.preferred()) << tsp;
      EXPECT_EQ(px.trade_name.values.size(), py.trade_name.values.size()) << tsp;
      EXPECT_EQ(px.address.postal.size(), py.address.postal.size()) << tsp;
      ASSERT_EQ(px.services.size(), py.services.size()) << tsp;
      for (std::size_t s = 0; s < px.services.size(); ++s) {
        const std::string svc = tsp + " service " + std::to_string(s);
        expect_same_state(px.services[s].current, py.services[s].current, svc);
        EXPECT_EQ(px.services[s].supply_points, py.services[s].supply_points) << svc;
        ASSERT_EQ(px.services[s].history.size(), py.services[s].history.size()) << svc;
        for (std::size_t h = 0; h < px.services[s].history.size(); ++h) {
          expect_same_state(px.services[s].history[h], py.services[s].history[h], svc + " history");
        }
      }
    }
  }
}

inline std::string decision_text(const verify::QualificationResult& r) {
  std::string out = std::string(verify::to_string(r.overall.status)) + " | " + r.overall.reason + " | " +
                    std::string(verify::to_string(r.at_issuance.status)) + " | " +
                    std::string(verify::to_string(r.at_time.status)) + "\n";
  for (const auto& e : r.trace.entries()) {
    out += e.rule_id + " " + std::string(verify::to_string(e.outcome)) + " " + e.subject + ": " + e.detail + "\n";
  }
  return out;
}

// The decisions for `certs` at `at`, one text per certificate.
inline std::vector<std::string> decisions(const std::vector<verify::VerifiedList>& lists,
                                          const std::vector<verify::CertificateProfile>& certs, tsl::TimePoint at) {
  tsl::ServiceIndex index = tsl::ServiceIndex::build(verify::valid_index_inputs(lists));
  verify::QualificationEngine engine(index);
  std::vector<std::string> out;
  for (const auto& c : certs) {
    verify::QualificationRequest req;
    req.certificate = &c;
    req.at = at;
    auto r = engine.decide(req);
    out.push_back(r ? decision_text(*r) : "error: " + r.error().message);
  }
  return out;
}

}  // namespace eutl::test
