// The evidence record of a TrustedLists decision in one call
// (include/eutl/evidence_from_lists.h): the lists part of the record is what the
// TrustedLists verified, through its public accessors only.
#include "eutl/evidence_from_lists.h"

namespace eutl {

Result<std::string> evidence_record(const TrustedLists& lists, const verify::CertificateProfile& certificate,
                                    std::span<const verify::CertificateProfile> chain, tsl::TimePoint at,
                                    std::string_view claim, const verify::QualificationResult& result,
                                    const evidence::RecordStamp& stamp) {
  const evidence::DecisionLists basis{lists.lists(),      lists.index(),       lists.lotl_anchors(),
                                      lists.lists_at(),   lists.snapshot_id(), lists.tl_signers(),
                                      &lists.record_anchors()};
  return evidence::make_evidence_record(basis, certificate, chain, at, claim, result, stamp);
}

}  // namespace eutl
