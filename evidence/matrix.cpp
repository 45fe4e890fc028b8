// The evidence matrix (see matrix.h): the rows, built from the typed decision. The
// order is fixed: the certificate, its policies and QC statements, the issuing CA,
// the service and the periods in force at issuance and at T, the national list, the
// LOTL, the pivots, the Official Journal anchors.
#include "evidence/matrix.h"

#include <algorithm>

#include "eutl/tsl/uris.h"
#include "eutl/verify/policy_profile.h"
#include "evidence/matrix_oj.h"
#include "evidence/oid_names.h"
#include "evidence/detail/text.h"

namespace eutl::evidence::detail {
namespace {

using P = verify::PolicyProfile;
using F = verify::PolicyFamily;

bool is_qualified_family(F f) { return f == F::kEn319411Part2 || f == F::kTs101456; }

// What a policy row claims: EN 319 411-2 §5.3 / EN 319 411-1 §5.3 profile names.
MatrixRow policy_row(const verify::CertificateProfile& c, const std::string& oid, P p, tsl::TimePoint at) {
  const F f = verify::family_of(p);
  MatrixRow r;
  r.kind = MatrixArtifact::kPolicy;
  r.source = "certificatePolicies extension of the certificate (RFC 5280 §4.2.1.4)";
  r.claim = std::string(verify::to_string(p)) + " profile" +
            (f == F::kTs101456 ? " (TS 101 456, pre-eIDAS qualified policy)"
             : f == F::kCabForum ? " (CA/B Forum; EN 319 411-1 incorporates these requirements)"
                                 : "");
  r.artifact = oid;
  r.from = c.not_before;
  r.until = c.not_after;
  r.evaluated_at = at;
  r.standard = is_qualified_family(f) ? MatrixStandard::kEn319411Part2 : MatrixStandard::kEn319411Part1;
  return r;
}

// EN 319 412-5 V2.3.1 §4: which claim each QC statement supports.
MatrixRow qc_row(const verify::CertificateProfile& c, const std::string& oid, tsl::TimePoint at) {
  MatrixRow r;
  r.kind = MatrixArtifact::kQcStatement;
  r.source = "qcStatements extension of the certificate (EN 319 412-5)";
  r.artifact = named_oid(oid);
  r.from = c.not_before;
  r.until = c.not_after;
  r.evaluated_at = at;
  r.standard = MatrixStandard::kEn319411Part2;
  if (oid == verify::oid::kQcCompliance) {
    r.claim = "EU qualified certificate (QcCompliance)";
  } else if (oid == verify::oid::kQcSscd) {
    r.claim = "private key on a QSCD";
  } else if (oid == verify::oid::kQcType) {
    std::vector<std::string> types;
    for (const auto& t : c.qc.type_oids) {
      types.push_back(named_oid(t));
    }
    r.claim = "certificate type: " + (types.empty() ? std::string("none given") : comma_joined(types));
  } else if (oid == verify::oid::kQcCcLegislation) {
    r.claim = "qualified under the legislation of " + comma_joined(c.qc.cc_legislation_countries) + " (not an EU QC)";
  } else if (oid == verify::oid::kQcPds) {
    r.claim = "PKI disclosure statement published";
    r.standard = MatrixStandard::kBoth;
  } else {
    const OidName n = oid_name(oid);
    r.claim = n.name.empty() ? "statement not defined by EN 319 412-5" : std::string(n.name);
    r.standard = MatrixStandard::kBoth;
  }
  return r;
}

const verify::VerifiedList* list_by_digest(const std::vector<verify::VerifiedList>& lists, const tsl::Sha256& d) {
  auto it = std::find_if(lists.begin(), lists.end(), [&](const verify::VerifiedList& v) { return v.digest == d; });
  return it == lists.end() ? nullptr : &*it;
}

std::string list_name(const verify::VerifiedList& v) {
  if (!v.list) {
    return "unreadable list";
  }
  return v.list->scheme.territory + " list sequence " + std::to_string(v.list->scheme.sequence_number);
}

MatrixRow list_row(const verify::VerifiedList& v, MatrixArtifact kind, std::string claim, tsl::TimePoint lists_at) {
  MatrixRow r;
  r.kind = kind;
  r.source = v.source;
  r.claim = std::move(claim);
  r.artifact = list_name(v) + ", signer SHA-256 " +
               (v.signature.signer_sha256 ? tsl::to_hex(*v.signature.signer_sha256) : std::string("none")) +
               ", signature " + std::string(verify::to_string(v.status));
  r.sha256 = v.digest;
  if (v.list) {
    r.from = v.list->scheme.issue_date;
    r.until = v.list->scheme.next_update;
  }
  r.evaluated_at = lists_at;
  r.standard = MatrixStandard::kTrustedListFramework;
  return r;
}

MatrixRow period_row(const verify::QualificationAtTime& q, MatrixArtifact kind, const char* when) {
  const verify::ServiceUse& u = *q.service;
  MatrixRow r;
  r.kind = kind;
  r.source = u.provenance.territory + " list sequence " + std::to_string(u.provenance.list_sequence) + ", " +
             u.provenance.tsp_name + " / " + u.provenance.service_name + ", " +
             (u.history_index ? "history instance " + std::to_string(*u.history_index + 1) : "current status");
  r.claim = std::string(tsl::service_type_short(u.type_uri)) + " " + uri_last_segment(u.status_uri) + " " + when;
  if (!u.captured_qualifiers.empty()) {
    r.claim += "; qualifiers " + comma_joined(u.captured_qualifiers);
  }
  if (!u.additional_information.empty()) {
    r.claim += "; " + comma_joined(u.additional_information);
  }
  r.artifact = u.status_uri;
  r.sha256 = u.provenance.list_digest;
  r.from = u.start;
  r.until = u.end;
  r.evaluated_at = q.time;
  r.standard = MatrixStandard::kTrustedListFramework;
  return r;
}

const verify::QualificationAtTime* decisive_or_null(const verify::QualificationResult& r) {
  for (const auto* q : {&r.overall, &r.at_time, &r.at_issuance}) {
    if (q->service) {
      return q;
    }
  }
  return nullptr;
}

void add_service_rows(const RecordRequest& in, std::vector<MatrixRow>& rows) {
  const verify::QualificationResult& res = in.result;
  const verify::QualificationAtTime* d = decisive_or_null(res);
  if (!in.chain.empty()) {
    const auto& ca = in.chain.front();
    rows.push_back({MatrixArtifact::kIssuingCa, "CA certificate given with --chain", "issuer of the certificate: " +
                    ca.subject, "CA certificate " + ca.subject, ca.sha256, ca.not_before, ca.not_after, in.at,
                    MatrixStandard::kBoth});
  }
  if (!d) {
    return;
  }
  const tsl::IndexedService& s = in.lists.index.service(d->service->service);
  const tsl::ServiceProvenance& p = s.provenance;
  if (in.chain.empty()) {
    for (const auto* c : s.certificates) {
      rows.push_back({MatrixArtifact::kIssuingCa, "service digital identity in the " + p.territory + " list",
                      "issuing CA key: its listed certificate verifies the chain", "service digital identity " +
                      p.service_name, tsl::sha256(c->der()), std::nullopt, std::nullopt, in.at,
                      MatrixStandard::kTrustedListFramework});
    }
  }
  rows.push_back({MatrixArtifact::kService, p.list_source, "the issuing CA is a listed trust service: " + p.tsp_name +
                  " / " + p.service_name, p.territory + " list sequence " + std::to_string(p.list_sequence) +
                  ", TSP " + std::to_string(p.tsp_index + 1) + ", service " + std::to_string(p.service_index + 1),
                  p.list_digest, std::nullopt, p.list_next_update, in.at, MatrixStandard::kTrustedListFramework});
  if (res.at_issuance.service) {
    rows.push_back(period_row(res.at_issuance, MatrixArtifact::kServicePeriodAtIssuance, "at issuance"));
  }
  if (res.at_time.service) {
    rows.push_back(period_row(res.at_time, MatrixArtifact::kServicePeriodAtTime, "at T"));
  }
  if (const verify::VerifiedList* v = list_by_digest(in.lists.lists, p.list_digest)) {
    rows.push_back(list_row(*v, MatrixArtifact::kNationalList, "national trusted list publishing the service (trust: " +
                            std::string(verify::to_string(verify::trust_of(*v))) + ")", in.lists.lists_at));
  }
}

}  // namespace

bool qualified_claim_at_stake(const verify::QualificationResult& r) {
  if (!r.claim) {
    return r.overall.status == verify::QualStatus::kQualified;
  }
  const verify::Claim& c = r.claim->claim;
  if (c.kind != verify::ClaimKind::kPolicy) {
    return true;  // qes, qc-esig, qseal, qc-eseal, qwac: eIDAS qualified claims
  }
  return c.policy && is_qualified_family(verify::family_of(*c.policy));
}

std::vector<MatrixRow> evidence_matrix(const RecordRequest& in) {
  const verify::CertificateProfile& c = in.certificate;
  std::vector<MatrixRow> rows;
  rows.push_back({MatrixArtifact::kCertificate, "certificate given to eutl check", "the certificate judged: " +
                  c.subject, "serial " + c.serial_hex + ", issuer " + c.issuer, c.sha256, c.not_before, c.not_after,
                  in.at, MatrixStandard::kBoth});
  const auto profiles = verify::policy_profiles(c.policies);
  const bool part2_policy = std::any_of(profiles.begin(), profiles.end(), [](const verify::PolicyMatch& m) {
    return is_qualified_family(verify::family_of(m.profile));
  });
  const bool flag = qualified_claim_at_stake(in.result) && !part2_policy;
  for (const auto& m : profiles) {
    MatrixRow r = policy_row(c, m.oid, m.profile, in.at);
    r.part1_only = flag && r.standard == MatrixStandard::kEn319411Part1;
    rows.push_back(std::move(r));
  }
  for (const auto& oid : c.qc.statement_oids) {
    rows.push_back(qc_row(c, oid, in.at));
  }
  add_service_rows(in, rows);
  for (const auto& v : in.lists.lists) {
    if (v.kind == verify::ListKind::kLotl) {
      rows.push_back(list_row(v, MatrixArtifact::kLotl, "list of trusted lists: points to each national list and "
                              "its signers", in.lists.lists_at));
    }
  }
  for (const auto& v : in.lists.lists) {
    if (v.kind == verify::ListKind::kPivot) {
      rows.push_back(list_row(v, MatrixArtifact::kPivot, "LOTL pivot: carries the change of LOTL signers since the "
                              "Official Journal notice", in.lists.lists_at));
    }
  }
  add_oj_anchor_rows(in.lists, *in.lists.anchors, rows);
  return rows;
}

}  // namespace eutl::evidence::detail
