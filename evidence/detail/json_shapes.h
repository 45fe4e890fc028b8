// Internal: one JSON serialiser per decision type, shared by `eutl check --json`,
// `eutl check-site --json` (cli/check_output.cpp) and the evidence record
// (evidence/record.cpp), so a certificate, a trace or a service use prints one way
// everywhere. Each function gives the part both shapes share; the caller adds the keys
// only its own contract has (listed per function). Keys are sorted on output
// (nlohmann::json objects are ordered maps), so the order of insertion never matters.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::evidence::detail {

// true / false / null (unknown).
nlohmann::json tri_json(verify::Tri t);
// An instant as RFC 3339 UTC text ("2026-12-05T12:00:00Z"), null without one.
nlohmann::json time_json(const std::optional<tsl::TimePoint>& t);

// The certificate: sha256, subject, issuer, serial, not_before, not_after, policies,
// extended_key_usages. `check --json` adds subject_alt_names, anomalies, the full
// qc_statements and the profiles under "profile"; the record adds der_base64, the core
// qc_statements and the profiles under "policy_profiles" (both names are contracts).
nlohmann::json certificate_core_json(const verify::CertificateProfile& c);
// The EN 319 411 / CA/B Forum profiles of its policies: [{oid, profile, standard}].
nlohmann::json policy_profiles_json(const verify::CertificateProfile& c);
// QC statements (EN 319 412-5): present, statements, qc_compliance, qc_sscd, qc_type.
nlohmann::json qc_core_json(const verify::QcStatements& qc);
// The core plus every parsed statement (qc_cc_legislation, qc_pds, ..., psd2): `check --json`.
nlohmann::json qc_full_json(const verify::QcStatements& qc);

// The service period a decision used: type, status, period_start, period_end,
// captured_qualifiers, additional_information. `check --json` adds the service's id,
// names, indices and list; the record adds ref and period (the services table holds the rest).
nlohmann::json service_use_core_json(const verify::ServiceUse& s);
// One time of a decision: time, qualified, type, qscd, status, reason, and "service"
// set to `service`. `check --json` adds certificate_valid and validity.
nlohmann::json at_time_core_json(const verify::QualificationAtTime& r, nlohmann::json service);
// The claim: claim, verdict, failing_part (null when none). The explanation is
// "claim_explanation" in `check --json` (flat in the output) and "explanation" in the
// record (results.claim): the caller adds it.
nlohmann::json claim_core_json(const verify::ClaimResult& c);

// Rule trace (TS 119 615 decision steps): [{rule, clause, outcome, subject, detail}].
nlohmann::json trace_json(const verify::Trace& trace);
// Reasons of a list verification: [{code, message}].
nlohmann::json reasons_json(const std::vector<verify::Reason>& reasons);

}  // namespace eutl::evidence::detail
