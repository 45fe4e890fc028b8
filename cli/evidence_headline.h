// What `eutl evidence verify` and `evidence report` say about one re-verification:
// the exit code of its outcome and the one-line headline.
#pragma once

#include <string>

#include "eutl/evidence/evidence.h"

namespace eutl::cli {

// 0 same, 1 differs or untrusted anchors, 2 not a record, 3 inputs missing.
int exit_code_of(evidence::EvidenceOutcome outcome);

// "RE-VERIFIED: same verdict (…)", "DIFFERS: …", "NOT TRUSTED: …", "INDETERMINATE: …".
std::string headline(const evidence::EvidenceCheck& check);

}  // namespace eutl::cli
