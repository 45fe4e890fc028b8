#include "cli/check_output.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/list_source.h"
#include "eutl/claim_for.h"
#include "eutl/service_query.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/uris.h"
#include "eutl/verify/policy_profile.h"

namespace eutl::cli {

using nlohmann::json;

namespace {

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

std::string claim_of_use(const std::string& use) { return eutl::claim_of_use(use); }

Result<std::optional<verify::Claim>> parse_for_option(const std::string& use) {
  return eutl::parse_claim_for(use, "--for");
}

void print_certificate_text(const verify::CertificateProfile& c, const verify::QualificationResult& r) {
  print_claim(r);
  std::cout << headline(r.overall) << "\n\n";
  std::cout << "Certificate\n  subject  " << c.subject << "\n  issuer   " << c.issuer << "\n  valid    "
            << tsl::format_time(c.not_before) << " .. " << tsl::format_time(c.not_after) << "\n  sha256   "
            << tsl::to_hex(c.sha256) << '\n';
  std::string profiles;
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles += (profiles.empty() ? "" : ", ") + std::string(verify::to_string(m.profile));
  }
  std::cout << "  policy   " << (profiles.empty() ? "no ETSI/CABF profile" : profiles) << '\n';
  for (const auto& a : c.anomalies) {
    std::cout << "  anomaly  " << a << '\n';
  }
  std::cout << "\nResults\n";
  print_at("at issuance", r.at_issuance);
  print_at("at time T  ", r.at_time);
  std::cout << "\nTrace\n";
  print_trace(r.trace);
}

// National lists trusted through the caller's signer rather than the LOTL (text mode).
void print_caller_trust(const std::vector<verify::VerifiedList>& lists) {
  std::string territories;
  for (const auto& v : lists) {
    if (verify::trust_of(v) == verify::ListTrust::kCallerSigner) {
      territories += (territories.empty() ? "" : ", ") + (v.list ? v.list->scheme.territory : v.source);
    }
  }
  if (!territories.empty()) {
    std::cout << "Trust: " << territories << " trusted through the caller's signer (check --tl-signers or import --tl-signers), not the LOTL\n";
  }
}

int qualification_exit_code(const verify::QualificationResult& r) { return eutl::exit_code(eutl::answer_of(r)); }

}  // namespace eutl::cli
