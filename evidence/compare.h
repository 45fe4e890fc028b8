// Internal: field-by-field comparison of a recorded and a rebuilt evidence record.
#pragma once

#include <vector>

#include "evidence/json.h"

namespace eutl::evidence::detail {

// Appends one finding per differing field (at most a few dozen, then a count).
void compare_records(const json& recorded, const json& rebuilt, std::vector<EvidenceFinding>& out);

}  // namespace eutl::evidence::detail
