// Internal: the LOTL anchors a re-verification trusts (never the record's own).
#pragma once

#include <string>
#include <vector>

#include "evidence/json.h"

namespace eutl::evidence::detail {

struct TrustedAnchors final {
  std::vector<tsl::Bytes> anchors;
  std::string origin;      // "the anchors given by the caller", "store snapshot ID"
  bool available = false;  // false: none given and no store snapshot recorded any
  std::string problem;     // why the store's anchors could not be read, when it failed
};

// The caller's anchors when given; else those the store recorded for the record's
// snapshot (when the store has it), else for the store's current snapshot. Reads the
// store without creating or changing anything in it.
TrustedAnchors trusted_anchors(const EvidenceRecord& record, const EvidenceSources& sources);

// Appends a kUntrustedAnchor finding for every record anchor (DER, in record order)
// that is not among `trusted`, or one finding when nothing is trusted at all.
// Returns true when every record anchor is trusted.
bool check_anchors_trusted(const std::vector<tsl::Bytes>& record_anchors, const TrustedAnchors& trusted,
                           EvidenceCheck& chk);

}  // namespace eutl::evidence::detail
