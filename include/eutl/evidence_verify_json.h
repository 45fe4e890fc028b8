// The re-verification of an evidence record as `eutl evidence verify --json` prints it
// (schema eutl-evidence-verify/1, docs/schemas/eutl-evidence-verify-1.schema.json) and
// GET /v1/evidence/{id}/verify of `eutl serve` answers it.
#pragma once

#include <string>
#include <string_view>

#include "eutl/evidence/evidence.h"

namespace eutl {

// "untrusted-anchor" / "input-missing" / "differs".
std::string_view to_string(evidence::EvidenceFindingKind kind);

// {"schema", "same", "outcome", "recorded_verdict", "verdict", "differences":
// [{"where", "message", "kind"}], "checked"}: two-space indent, no trailing newline,
// invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string evidence_verify_json(const evidence::EvidenceCheck& check);

}  // namespace eutl
