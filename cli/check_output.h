// What `eutl check` and `eutl check-site` print about one qualification decision:
// the JSON objects (certificate, at_issuance / at_time / overall, claim, trace), the
// text blocks, and the exit code. One place, so the two commands cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/qualification.h"

namespace eutl::cli {

// true / false / null.
nlohmann::json tri_json(verify::Tri t);
// The service a decision rests on (null when none): id, territory, TSP, service,
// type, status, period, list sequence number, digest and source.
nlohmann::json service_json(const std::optional<verify::ServiceUse>& s);
// One time of the decision: time, qualified, type, qscd, status, reason, service,
// certificate_valid and validity ("valid" / "expired" / "not_yet_valid").
nlohmann::json at_json(const verify::QualificationAtTime& r);
// The certificate: sha256, subject, issuer, serial, validity, policies and their
// ETSI/CABF profiles, EKUs, SANs, QC statements, anomalies.
nlohmann::json certificate_json(const verify::CertificateProfile& c);
nlohmann::json trace_json(const verify::Trace& trace);
// Adds claim, verdict, failing_part and claim_explanation when a claim was given.
void add_claim_json(nlohmann::json& out, const verify::QualificationResult& r);

// "QUALIFIED: …" / "NOT QUALIFIED: …" / "INDETERMINATE: …", coloured on a terminal.
std::string headline(const verify::QualificationAtTime& r);
// "CLAIM c: verdict (failing part: …)" and its explanation; nothing without a claim.
void print_claim(const verify::QualificationResult& r);
// One time of the decision, with the service and list it rests on.
void print_at(const char* label, const verify::QualificationAtTime& r);
void print_trace(const verify::Trace& trace);

// 0 qualified / confirmed, 1 not qualified / refuted, 3 indeterminate.
int qualification_exit_code(const verify::QualificationResult& r);

}  // namespace eutl::cli
