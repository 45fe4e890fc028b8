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

// A record of lists trusted through the caller's signers (`tl_signers`, `check
// --tl-signers`) is re-verified against the signers it carries: ETSI TS 119 615
// leaves that trust to the relying party, and the Official Journal anchors vouch for
// none of those lists. Says so in chk.checked, naming the territories; nothing when
// the record has no signers.
void note_caller_signers(std::size_t signers, const std::vector<verify::VerifiedList>& verified, EvidenceCheck& chk);

}  // namespace eutl::evidence::detail
