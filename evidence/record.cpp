// Writing an evidence record (build_record, typed; to_json writes it): the question, the certificate and chain in full, the
// LOTL anchors in full, every list by digest with what its verification concluded,
// the results, the services, the crosswalk, the evidence matrix and the trace (docs/evidence-schema.md).
#include <algorithm>
#include <optional>

#include "evidence/json.h"
#include "evidence/detail/json_shapes.h"
#include "evidence/matrix.h"
#include "evidence/record_json.h"
#include "evidence/service.h"

namespace eutl::evidence::detail {
namespace {

json certificate_json(const verify::CertificateProfile& c) {
  json out = certificate_core_json(c);  // der_base64: the typed RecordDer
  out["policy_profiles"] = policy_profiles_json(c);
  out["qc_statements"] = qc_core_json(c.qc);
  return out;
}

RecordDer der_of(const verify::CertificateProfile& c) {
  return {tsl::base64_encode(c.der), c.sha256, c.subject};
}

// The headline verdict: the claim's when a claim was asked, else the overall status.
RecordVerdict verdict_of(const verify::QualificationResult& r) {
  if (r.claim) {
    switch (r.claim->verdict) {
      case verify::Verdict::kConfirmed: return RecordVerdict::kConfirmed;
      case verify::Verdict::kRefuted: return RecordVerdict::kRefuted;
      case verify::Verdict::kIndeterminate: return RecordVerdict::kIndeterminate;
    }
  }
  switch (r.overall.status) {
    case verify::QualStatus::kQualified: return RecordVerdict::kQualified;
    case verify::QualStatus::kNotQualified: return RecordVerdict::kNotQualified;
    case verify::QualStatus::kIndeterminate: break;
  }
  return RecordVerdict::kIndeterminate;
}

json list_json(std::size_t i, const verify::VerifiedList& v, bool is_lotl) {
  json j = {{"index", i},
            {"role", is_lotl ? std::string("lotl") : std::string(verify::to_string(v.kind))},
            {"source", v.source},
            {"sha256", tsl::to_hex(v.digest)},
            {"territory", nullptr},
            {"sequence_number", nullptr},
            {"issue_date", nullptr},
            {"next_update", nullptr},
            {"result", verify::to_string(v.status)},
            {"reasons", reasons_json(v.reasons)},
            {"indexed", v.status == verify::ListStatus::kValid},
            {"trust", verify::to_string(verify::trust_of(v))},
            {"signer",
             {{"sha256", v.signature.signer_sha256 ? json(tsl::to_hex(*v.signature.signer_sha256)) : json(nullptr)},
              {"matched", v.signature.matched},
              {"signing_time", v.signature.signing_time ? json(tsl::format_time(*v.signature.signing_time))
                                                        : json(nullptr)},
              {"signature_method", v.signature.signature_method}}}};
  if (v.list) {
    const tsl::SchemeInformation& s = v.list->scheme;
    j["territory"] = s.territory;
    j["sequence_number"] = s.sequence_number;
    j["issue_date"] = tsl::format_time(s.issue_date);
    j["next_update"] = time_json(s.next_update);
  }
  return j;
}

// True when `facts` are those of the certificates the lists rest on: the same number,
// each with the SHA-256 of its certificate, in order.
bool describes(const RecordAnchors& facts, const DecisionLists& lists) {
  auto same = [](const std::vector<RecordAnchor>& given, std::span<const tsl::Bytes> ders) {
    if (given.size() != ders.size()) {
      return false;
    }
    for (std::size_t i = 0; i < ders.size(); ++i) {
      if (given[i].der.sha256 != tsl::sha256(ders[i])) {
        return false;
      }
    }
    return true;
  };
  return same(facts.lotl_anchors, lists.lotl_anchors) && same(facts.tl_signers, lists.tl_signers);
}

}  // namespace

EvidenceRecord build_record(const RecordRequest& request) {
  // Facts given for other certificates are not written: the record works out its own.
  std::optional<RecordAnchors> own;
  if (request.lists.anchors == nullptr || !describes(*request.lists.anchors, request.lists)) {
    own = record_anchors(request.lists.lotl_anchors, request.lists.tl_signers);
  }
  DecisionLists with_anchors = request.lists;
  with_anchors.anchors = own ? &*own : request.lists.anchors;
  const RecordRequest in{with_anchors, request.certificate, request.chain, request.at, request.claim, request.result,
                         request.stamp};
  const verify::QualificationResult& r = in.result;
  EvidenceRecord rec;
  rec.schema = std::string(kEvidenceSchema);
  rec.tool_name = "eutl";
  rec.tool_version = in.stamp.tool_version;
  rec.checked_at = in.stamp.checked_at;
  if (!in.lists.snapshot_id.empty()) {
    rec.snapshot = std::string(in.lists.snapshot_id);
  }
  if (!in.claim.empty()) {
    rec.question.claim = std::string(in.claim);
  }
  rec.question.at = in.at;
  rec.question.lists_verified_at = in.lists.lists_at;
  rec.certificate = der_of(in.certificate);
  for (const auto& c : in.chain) {
    rec.chain.push_back(der_of(c));
  }
  for (const RecordAnchor& a : in.lists.anchors->lotl_anchors) {
    rec.lotl_anchors.push_back(a.der);
  }
  for (const RecordAnchor& s : in.lists.anchors->tl_signers) {
    rec.tl_signers.push_back(s.der);
  }
  json lists = json::array();
  for (std::size_t i = 0; i < in.lists.lists.size(); ++i) {
    const auto& v = in.lists.lists[i];
    lists.push_back(list_json(i, v, v.kind == verify::ListKind::kLotl));
    rec.lists.push_back({v.source, tsl::to_hex(v.digest),
                         v.list ? std::optional<std::string>(v.list->scheme.territory) : std::nullopt});
  }
  json claim = nullptr;
  if (r.claim) {
    claim = claim_core_json(*r.claim);
    claim["explanation"] = r.claim->explanation;
  }
  ServiceTable services(in.lists.index, in.lists.lists);
  json results = {{"at_issuance", services.result(r.at_issuance, "issuance")},
                  {"at_time", services.result(r.at_time, "T")},
                  {"overall", services.result(r.overall, "overall")},
                  {"claim", claim}};
  rec.verdict = verdict_of(r);
  json sections = {{"certificate", certificate_json(in.certificate)},
                   {"lists", lists},
                   {"results", results},
                   {"services", services.to_json()},
                   {"crosswalk", crosswalk_json(in.certificate, r)},
                   {"evidence_matrix", matrix_json(evidence_matrix(in))},
                   {"trace", trace_json(r.trace)}};
  rec.sections = std::make_shared<const RecordSections>(RecordSections{std::move(sections)});
  return rec;
}

tsl::Sha256 integrity_digest(const json& record) {
  json copy = record;
  copy.erase("integrity");
  return tsl::sha256(tsl::as_bytes(copy.dump(-1, ' ', false, json::error_handler_t::replace)));
}

}  // namespace eutl::evidence::detail

namespace eutl::evidence {

Result<std::string> make_evidence_record(const DecisionLists& lists, const verify::CertificateProfile& certificate,
                                         std::span<const verify::CertificateProfile> chain, tsl::TimePoint at,
                                         std::string_view claim, const verify::QualificationResult& result,
                                         const RecordStamp& stamp) {
  return to_json(detail::build_record({lists, certificate, chain, at, claim, result, stamp}));
}

}  // namespace eutl::evidence
