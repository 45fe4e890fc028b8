// Internal: re-verifying the evidence matrix of a record (eutl-evidence/3), and
// reading a rebuilt record as the older schema a record was written in.
#pragma once

#include <string_view>

#include "evidence/json.h"

namespace eutl::evidence::detail {

// Every matrix row that names a digest must name bytes the record carries or names:
// the certificate, a chain certificate, a LOTL anchor, a list (whose bytes are
// re-read and checked by digest) or a certificate of a recorded service. A row naming
// anything else is a finding ("evidence_matrix[3] national-list"). The rows as a whole
// are then re-derived with the decision and compared field by field.
void check_matrix_digests(const EvidenceRecord& record, EvidenceCheck& chk);

// Removes from a rebuilt record the members that `schema` did not have:
// eutl-evidence/2 had no `evidence_matrix`, eutl-evidence/1 neither `lists[].trust`.
void as_schema(std::string_view schema, json& rebuilt);

}  // namespace eutl::evidence::detail
