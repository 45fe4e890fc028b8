// Internal: the JSON form of an evidence record (docs/evidence-schema.md), shared by
// the writer, the re-verifier, the bundle and the HTML report.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "eutl/evidence/evidence.h"
#include "eutl/evidence/record.h"

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

// make_evidence_record's arguments, together.
struct RecordRequest final {
  const DecisionLists& lists;
  const verify::CertificateProfile& certificate;
  std::span<const verify::CertificateProfile> chain;
  tsl::TimePoint at;
  std::string_view claim;
  const verify::QualificationResult& result;
  const RecordStamp& stamp;
};

// The record of a decision, typed (written by to_json).
EvidenceRecord build_record(const RecordRequest& request);

// EN 319 411-1/-2 crosswalk: one entry per recognised policy profile.
json crosswalk_json(const verify::CertificateProfile& cert, const verify::QualificationResult& result);

// SHA-256 of the canonical dump of `record` without its "integrity" member.
tsl::Sha256 integrity_digest(const json& record);

}  // namespace eutl::evidence::detail
