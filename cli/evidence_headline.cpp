// The outcome of an evidence re-verification in words and exit codes (cli/evidence_headline.h).
#include "cli/evidence_headline.h"

#include "cli/commands.h"

namespace eutl::cli {

int exit_code_of(evidence::EvidenceOutcome o) {
  switch (o) {
    case evidence::EvidenceOutcome::kSame:
      return kExitYes;
    case evidence::EvidenceOutcome::kNotARecord:
      return kExitUsage;
    case evidence::EvidenceOutcome::kInputsMissing:
      return kExitIndeterminate;
    case evidence::EvidenceOutcome::kDiffers:
    case evidence::EvidenceOutcome::kUntrustedAnchors:
      break;
  }
  return kExitNo;
}

std::string headline(const evidence::EvidenceCheck& c) {
  const std::string recorded_text(evidence::to_string(c.recorded_verdict));
  const std::string verdict(evidence::to_string(c.verdict));
  const std::string recorded = "recorded verdict " + (recorded_text.empty() ? "none" : recorded_text);
  switch (c.outcome) {
    case evidence::EvidenceOutcome::kSame:
      return "RE-VERIFIED: same verdict (" + verdict + ")";
    case evidence::EvidenceOutcome::kUntrustedAnchors:
      return "NOT TRUSTED: the record rests on LOTL anchors you do not trust (" + recorded + ")";
    case evidence::EvidenceOutcome::kInputsMissing:
      return "INDETERMINATE: inputs missing: lists the record names are not available (pruned from the store, or "
             "give --store or the bundle); nothing was concluded (" + recorded + ")";
    case evidence::EvidenceOutcome::kNotARecord:
      return "NOT AN EVIDENCE RECORD";
    case evidence::EvidenceOutcome::kDiffers:
      break;
  }
  return "DIFFERS: the record does not re-verify (" + recorded + ", re-verified " +
         (verdict.empty() ? "not re-run" : verdict) + ")";
}

}  // namespace eutl::cli
