// Internal: the JSON form of an evidence record (docs/evidence-schema.md), shared by
// the writer, the re-verifier, the bundle and the HTML report.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "eutl/evidence/evidence.h"

namespace eutl::evidence::detail {

using nlohmann::json;

// A record parsed strictly: `value` is discarded when the text is not JSON, and
// `duplicate` names the first key that an object repeats ("results.claim.verdict",
// "lists[].source"), empty when none does. nlohmann keeps the last copy of a repeated
// key silently, so a record must never be read without this check.
struct StrictJson final {
  json value;
  std::string duplicate;
};
StrictJson parse_strict(std::string_view text);

// The record without its integrity member.
json evidence_body(const EvidenceInput& input);

// EN 319 411-1/-2 crosswalk: one entry per recognised policy profile.
json crosswalk_json(const verify::CertificateProfile& cert, const verify::QualificationResult& result);

// SHA-256 (hex) of the canonical dump of `record` without its "integrity" member.
std::string integrity_digest(const json& record);

// Adds the integrity member and dumps (two-space indent, sorted keys).
std::string finish_record(json body);

// The headline verdict: the claim verdict when a claim was asked, else the overall status.
std::string verdict_of(const json& record);

}  // namespace eutl::evidence::detail
