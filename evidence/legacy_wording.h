// Internal: wordings that records written by earlier eutl versions carry and that
// re-verification still accepts, each for one field only, when the record says
// exactly the earlier text; every other field, digests first, is compared as usual
// (docs/evidence-schema.md, "Earlier wordings"). Descriptive text was corrected, the
// facts behind it did not change.
#pragma once

#include <string>

#include "evidence/json.h"

namespace eutl::evidence::detail {

// Official Journal matrix rows: `legacy_source` (matrix_oj.h: the first notice the
// LOTL named) and one claim, before each row named its own anchor's notice.
void accept_legacy_oj_rows(const json& record, const std::string& legacy_source, json& rebuilt);

// Crosswalk `missing` and `note` of TS 101 456 policies: "Part 2 policy QCP+ present,
// but …" before they said "TS 101 456 qualified policy QCP+ present, but …".
void accept_legacy_crosswalk_notes(const json& record, json& rebuilt);

}  // namespace eutl::evidence::detail
