// Internal: the JSON shape of `eutl check --json` (and the parts `eutl check-site
// --json` shares), built on the per-type serialisers of evidence/json_shapes.h; the
// public entry is eutl::check_json (include/eutl/evidence_from_lists.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::detail {

// The service a decision rests on (null when none): the shared service-use keys plus
// id, territory, tsp, service_name, history_index, list_sequence_number, list_digest,
// list_source, tsp_index and service_index.
nlohmann::json service_json(const std::optional<verify::ServiceUse>& s);
// One time of the decision: the shared keys plus certificate_valid and validity
// ("valid" / "expired" / "not_yet_valid").
nlohmann::json at_json(const verify::QualificationAtTime& r);
// The certificate: the shared keys plus subject_alt_names, anomalies, every QC
// statement, and its ETSI/CABF profiles under "profile".
nlohmann::json certificate_json(const verify::CertificateProfile& c);
// One list the decision could rest on, as check and check-site print it in "lists":
// source, role, result, territory, sequence_number, digest, trust, used, and the
// deprecated spellings kind (= role), status (= result) and sha256 (= digest), kept
// for one release (docs/json.md).
nlohmann::json list_use_json(const verify::VerifiedList& v);
// Adds claim, verdict, failing_part and claim_explanation when a claim was given.
void add_claim_json(nlohmann::json& out, const verify::QualificationResult& r);
// The schema id of the `check --json` object (docs/schemas/eutl-check-1.schema.json).
inline constexpr const char* kCheckSchema = "eutl-check/1";
// The whole `check --json` object: schema, certificate, at_issuance, at_time, overall, lists,
// lists_at, warnings, unprocessed_critical_extensions, trace and the claim keys.
nlohmann::json check_json_object(const verify::CertificateProfile& cert, const verify::QualificationResult& r,
                                 const std::vector<verify::VerifiedList>& lists, tsl::TimePoint lists_at);

}  // namespace eutl::detail
