// Internal: the JSON side of EvidenceRecord (include/eutl/evidence/record.h).
#pragma once

#include "eutl/evidence/record.h"
#include "evidence/json.h"

namespace eutl::evidence {

// The descriptive sections: for a record being written, certificate details, list
// details, results, services, crosswalk and trace as built; for a record read, the
// whole document as read (the re-verifier hashes and compares it, the report shows it).
struct RecordSections final {
  detail::json doc;
};

namespace detail {

// The document a record was read from, or its sections as built.
const json& document(const EvidenceRecord& record);
// The record as a JSON value, without its integrity member.
json body_json(const EvidenceRecord& record);
// SHA-256 of 64 hex digits; unset for anything else.
std::optional<tsl::Sha256> parse_sha256(std::string_view hex);

}  // namespace detail
}  // namespace eutl::evidence
