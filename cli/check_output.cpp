#include "cli/check_output.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/list_source.h"
#include "eutl/service_query.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/uris.h"
#include "eutl/verify/policy_profile.h"

namespace eutl::cli {

using nlohmann::json;

namespace {

json qc_json(const verify::QcStatements& qc) {
  json types = json::array();
  for (auto t : qc.types) {
    types.push_back(verify::to_string(t));
  }
  json pds = json::array();
  for (const auto& p : qc.pds) {
    pds.push_back({{"url", p.url}, {"language", p.language}});
  }
  json out = {{"present", qc.extension_present},
              {"statements", qc.statement_oids},
              {"qc_compliance", qc.compliance},
              {"qc_sscd", qc.sscd},
              {"qc_type", types},
              {"qc_cc_legislation", qc.cc_legislation ? json(qc.cc_legislation_countries) : json(nullptr)},
              {"qc_pds", pds},
              {"qc_retention_period", qc.retention_period_years ? json(*qc.retention_period_years) : json(nullptr)},
              {"semantics_ids", qc.semantics_ids},
              {"unknown", qc.unknown}};
  if (qc.limit_value) {
    out["qc_limit_value"] = {{"currency", qc.limit_value->currency},
                             {"amount", qc.limit_value->amount},
                             {"exponent", qc.limit_value->exponent}};
  }
  if (qc.psd2) {
    out["psd2"] = {{"roles", qc.psd2->role_names}, {"nca_name", qc.psd2->nca_name}, {"nca_id", qc.psd2->nca_id}};
  }
  return out;
}

std::string type_words(verify::CertType t) {
  switch (t) {
    case verify::CertType::kESig: return "electronic signatures";
    case verify::CertType::kESeal: return "electronic seals";
    case verify::CertType::kWsa: return "website authentication";
    case verify::CertType::kUnknown: return "an unknown use";
  }
  return "an unknown use";
}

const char* verdict_colour(verify::Verdict v) {
  return v == verify::Verdict::kConfirmed ? "1;32" : v == verify::Verdict::kRefuted ? "1;31" : "1;33";
}

}  // namespace

json tri_json(verify::Tri t) { return t == verify::Tri::kUnknown ? json(nullptr) : json(t == verify::Tri::kTrue); }

json service_json(const std::optional<verify::ServiceUse>& s) {
  if (!s) {
    return nullptr;
  }
  return {{"id", eutl::to_string(eutl::service_id(s->provenance))},
          {"territory", s->provenance.territory},
          {"tsp", s->provenance.tsp_name},
          {"service_name", s->provenance.service_name},
          {"type", s->type_uri},
          {"status", s->status_uri},
          {"period_start", tsl::format_time(s->start)},
          {"period_end", s->end ? json(tsl::format_time(*s->end)) : json(nullptr)},
          {"history_index", s->history_index ? json(*s->history_index) : json(nullptr)},
          {"list_sequence_number", s->provenance.list_sequence},
          {"list_digest", tsl::to_hex(s->provenance.list_digest)},
          {"list_source", s->provenance.list_source},
          {"tsp_index", s->provenance.tsp_index},
          {"service_index", s->provenance.service_index},
          {"captured_qualifiers", s->captured_qualifiers},
          {"additional_information", s->additional_information}};
}

json at_json(const verify::QualificationAtTime& r) {
  return {{"time", tsl::format_time(r.time)},
          {"qualified", tri_json(r.qualified)},
          {"type", verify::to_string(r.type)},
          {"qscd", tri_json(r.qscd)},
          {"status", verify::to_string(r.status)},
          {"reason", r.reason},
          {"service", service_json(r.service)},
          {"certificate_valid", r.validity == verify::CertValidity::kValid},
          {"validity", verify::to_string(r.validity)}};
}

json certificate_json(const verify::CertificateProfile& c) {
  json profiles = json::array();
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles.push_back({{"oid", m.oid},
                        {"profile", verify::to_string(m.profile)},
                        {"standard", verify::to_string(verify::family_of(m.profile))}});
  }
  return {{"sha256", tsl::to_hex(c.sha256)},
          {"subject", c.subject},
          {"issuer", c.issuer},
          {"serial", c.serial_hex},
          {"not_before", tsl::format_time(c.not_before)},
          {"not_after", tsl::format_time(c.not_after)},
          {"policies", c.policies},
          {"extended_key_usages", c.extended_key_usages},
          {"subject_alt_names", c.subject_alt_names},
          {"qc_statements", qc_json(c.qc)},
          {"profile", profiles},
          {"anomalies", c.anomalies}};
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

void add_claim_json(json& out, const verify::QualificationResult& r) {
  if (!r.claim) {
    return;
  }
  out["claim"] = r.claim->claim.text;
  out["verdict"] = verify::to_string(r.claim->verdict);
  out["failing_part"] = r.claim->failing_part.empty() ? json(nullptr) : json(r.claim->failing_part);
  out["claim_explanation"] = r.claim->explanation;
}

std::string headline(const verify::QualificationAtTime& r) {
  switch (r.status) {
    case verify::QualStatus::kQualified:
      return paint("QUALIFIED", "1;32") + ": an EU qualified certificate for " + type_words(r.type) +
             (r.qscd == verify::Tri::kTrue ? ", private key on a QSCD" : ", private key NOT on a QSCD");
    case verify::QualStatus::kNotQualified: return paint("NOT QUALIFIED", "1;31") + ": " + r.reason;
    case verify::QualStatus::kIndeterminate: return paint("INDETERMINATE", "1;33") + ": " + r.reason;
  }
  return "";
}

void print_claim(const verify::QualificationResult& r) {
  if (!r.claim) {
    return;
  }
  std::cout << paint("CLAIM " + r.claim->claim.text + ": " + std::string(verify::to_string(r.claim->verdict)),
                     verdict_colour(r.claim->verdict));
  if (!r.claim->failing_part.empty()) {
    std::cout << " (failing part: " << r.claim->failing_part << ")";
  }
  std::cout << "\n  " << r.claim->explanation << '\n';
}

void print_at(const char* label, const verify::QualificationAtTime& r) {
  std::cout << "  " << label << " (" << tsl::format_time(r.time) << "): " << verify::to_string(r.status)
            << ", type " << verify::to_string(r.type) << ", qscd " << verify::to_string(r.qscd) << ", certificate "
            << verify::to_string(r.validity) << '\n'
            << "    " << r.reason << '\n';
  if (r.service) {
    const auto& s = *r.service;
    std::cout << "    service " << eutl::to_string(eutl::service_id(s.provenance)) << ": "
              << s.provenance.territory << " / " << s.provenance.tsp_name << " / "
              << s.provenance.service_name << " (" << tsl::service_type_short(s.type_uri) << ", "
              << s.status_uri.substr(s.status_uri.rfind('/') + 1) << " " << tsl::format_time(s.start) << " .. "
              << tsl::format_time(s.end, "now") << ")\n"
              << "    list: " << s.provenance.list_source << " seq " << s.provenance.list_sequence << " sha256 "
              << tsl::to_hex(s.provenance.list_digest) << '\n';
  }
}

void print_trace(const verify::Trace& trace) {
  for (const auto& e : trace.entries()) {
    std::cout << "  [" << e.rule_id << "] " << verify::to_string(e.outcome) << "  " << e.subject << ": " << e.detail
              << "  (" << e.clause << ")\n";
  }
}

int qualification_exit_code(const verify::QualificationResult& r) { return eutl::exit_code(eutl::answer_of(r)); }

}  // namespace eutl::cli
