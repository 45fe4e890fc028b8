// Writing an evidence record: the question, the certificate and chain in full, the
// LOTL anchors in full, every list by digest with what its verification concluded,
// the results, the services, the crosswalk and the trace (docs/evidence-schema.md).
#include <algorithm>

#include "evidence/json.h"
#include "evidence/service.h"
#include "eutl/verify/policy_profile.h"

namespace eutl::evidence::detail {
namespace {

json certificate_json(const verify::CertificateProfile& c) {
  json profiles = json::array();
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles.push_back({{"oid", m.oid},
                        {"profile", verify::to_string(m.profile)},
                        {"standard", verify::to_string(verify::family_of(m.profile))}});
  }
  json types = json::array();
  for (auto t : c.qc.types) {
    types.push_back(verify::to_string(t));
  }
  return {{"der_base64", tsl::base64_encode(c.der)},
          {"sha256", tsl::to_hex(c.sha256)},
          {"subject", c.subject},
          {"issuer", c.issuer},
          {"serial", c.serial_hex},
          {"not_before", tsl::format_time(c.not_before)},
          {"not_after", tsl::format_time(c.not_after)},
          {"policies", c.policies},
          {"policy_profiles", profiles},
          {"extended_key_usages", c.extended_key_usages},
          {"qc_statements",
           {{"present", c.qc.extension_present},
            {"statements", c.qc.statement_oids},
            {"qc_compliance", c.qc.compliance},
            {"qc_sscd", c.qc.sscd},
            {"qc_type", types}}}};
}

json der_json(const verify::CertificateProfile& c) {
  return {{"der_base64", tsl::base64_encode(c.der)}, {"sha256", tsl::to_hex(c.sha256)}, {"subject", c.subject}};
}

json anchor_json(const tsl::Bytes& der) {
  json j = {{"der_base64", tsl::base64_encode(der)}, {"sha256", tsl::to_hex(tsl::sha256(der))}, {"subject", nullptr}};
  if (auto p = verify::read_certificate_profile(der)) {
    j["subject"] = p->subject;
  }
  return j;
}

json reasons_json(const std::vector<verify::Reason>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) {
    out.push_back({{"code", r.code}, {"message", r.message}});
  }
  return out;
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
    j["next_update"] = s.next_update ? json(tsl::format_time(*s.next_update)) : json(nullptr);
  }
  return j;
}

json trace_json(const verify::Trace& trace) {
  json out = json::array();
  for (const auto& e : trace.entries()) {
    out.push_back({{"rule", e.rule_id},
                   {"clause", e.clause},
                   {"outcome", verify::to_string(e.outcome)},
                   {"subject", e.subject},
                   {"detail", e.detail}});
  }
  return out;
}

}  // namespace

json evidence_body(const EvidenceInput& in) {
  const verify::QualificationResult& r = *in.result;
  json chain = json::array();
  for (const auto* c : in.chain) {
    chain.push_back(der_json(*c));
  }
  json anchors = json::array();
  for (const auto& a : in.lotl_anchors) {
    anchors.push_back(anchor_json(a));
  }
  json lists = json::array();
  for (std::size_t i = 0; i < in.lists->size(); ++i) {
    const auto& v = (*in.lists)[i];
    lists.push_back(list_json(i, v, v.kind == verify::ListKind::kLotl));
  }
  json claim = nullptr;
  if (r.claim) {
    claim = {{"claim", r.claim->claim.text},
             {"verdict", verify::to_string(r.claim->verdict)},
             {"failing_part", r.claim->failing_part.empty() ? json(nullptr) : json(r.claim->failing_part)},
             {"explanation", r.claim->explanation}};
  }
  ServiceTable services(*in.index, *in.lists);
  json results = {{"at_issuance", services.result(r.at_issuance, "issuance")},
                  {"at_time", services.result(r.at_time, "T")},
                  {"overall", services.result(r.overall, "overall")},
                  {"claim", claim}};
  json body = {{"schema", std::string(kEvidenceSchema)},
               {"tool", {{"name", "eutl"}, {"version", in.tool_version}}},
               {"checked_at", in.checked_at},
               {"snapshot", in.snapshot_id.empty() ? json(nullptr) : json(in.snapshot_id)},
               {"question",
                {{"claim", in.claim.empty() ? json(nullptr) : json(in.claim)},
                 {"at", tsl::format_time(in.at)},
                 {"lists_verified_at", tsl::format_time(in.lists_at)}}},
               {"certificate", certificate_json(*in.certificate)},
               {"chain", chain},
               {"lotl_anchors", anchors},
               {"lists", lists},
               {"results", results},
               {"services", services.to_json()},
               {"crosswalk", crosswalk_json(*in.certificate, r)},
               {"trace", trace_json(r.trace)}};
  body["verdict"] = verdict_of(body);
  return body;
}

std::string integrity_digest(const json& record) {
  json copy = record;
  copy.erase("integrity");
  return tsl::to_hex(tsl::sha256(tsl::as_bytes(copy.dump(-1, ' ', false, json::error_handler_t::replace))));
}

std::string finish_record(json raw) {
  // Through text once, so invalid UTF-8 from a certificate becomes U+FFFD before hashing.
  json body = json::parse(raw.dump(-1, ' ', false, json::error_handler_t::replace));
  body.erase("integrity");
  body["integrity"] = {{"algorithm", "sha-256"},
                       {"covers", "the record without this member, serialised compactly with sorted keys"},
                       {"sha256", integrity_digest(body)}};
  return body.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string verdict_of(const json& record) {
  const json* results = record.contains("results") ? &record["results"] : nullptr;
  if (results == nullptr || !results->is_object()) {
    return "";
  }
  if (results->contains("claim") && (*results)["claim"].is_object()) {
    return (*results)["claim"].value("verdict", "");
  }
  if (results->contains("overall") && (*results)["overall"].is_object()) {
    return (*results)["overall"].value("status", "");
  }
  return "";
}

}  // namespace eutl::evidence::detail

namespace eutl::evidence {

Result<std::string> make_evidence_record(const EvidenceInput& in) {
  if (in.certificate == nullptr || in.lists == nullptr || in.index == nullptr || in.result == nullptr) {
    return Error(Errc::kUsage, "evidence: certificate, lists, index and result are required");
  }
  return detail::finish_record(detail::evidence_body(in));
}

}  // namespace eutl::evidence
