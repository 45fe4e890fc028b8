#include "cache/sequence_guard.h"

#include <string>

namespace eutl::cache::detail {

std::optional<ReasonCode> sequence_refusal(const ListRecord* in_use, const verify::VerifiedList& fresh,
                                           const std::optional<tsl::Sha256>& fresh_digest) {
  if (in_use == nullptr || !fresh.list || in_use->in_use == InUse::kNone || !in_use->in_use_digest ||
      !in_use->sequence_number || in_use->in_use_digest == fresh_digest) {
    return std::nullopt;
  }
  if (in_use->result != verify::ListStatus::kValid && in_use->result != verify::ListStatus::kExpired) {
    return std::nullopt;  // its signature was never accepted: no floor
  }
  if (fresh.status != verify::ListStatus::kValid && fresh.status != verify::ListStatus::kExpired) {
    return std::nullopt;  // not authentic: its number means nothing, and it is refused anyway
  }
  const std::uint64_t old_seq = *in_use->sequence_number;
  const std::uint64_t new_seq = fresh.list->scheme.sequence_number;
  const std::string both = "TSLSequenceNumber " + std::to_string(new_seq) + " obtained, " +
                           std::to_string(old_seq) + " in use";
  if (new_seq < old_seq) {
    return ReasonCode{std::string(kReasonRollback),
                      "rollback refused: " + both + " (a lower sequence number never replaces the list in use; " +
                          "ETSI TS 119 612 §5.3.2)"};
  }
  if (new_seq == old_seq) {
    return ReasonCode{std::string(kReasonSequenceReused),
                      "sequence number reused: " + both + ", with different bytes (ETSI TS 119 612 §5.3.2)"};
  }
  return std::nullopt;
}

}  // namespace eutl::cache::detail
