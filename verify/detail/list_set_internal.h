// The stages of verify_list_set, one file each: list_checks.cpp (freshness and
// consistency), pivot_chain.cpp (anchoring the LOTL), list_set.cpp (orchestration).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "verify/detail/signature.h"

namespace eutl::verify::trust {

// One input while it is being verified. The document is parsed once, the model and
// the signature's document-dependent checks are read from it, and then it is freed
// (kept only when prepared.needs_document), so at most one document per thread is
// in memory.
struct Item final {
  std::optional<tsl::XmlDocument> doc;
  PreparedSignature prepared;
  VerifiedList result;
  bool on_chain = false;  // a pivot that was walked
};

// TS 119 612 V2.4.1 §5.3.2 (version), §5.3.14 (ListIssueDateTime), §5.3.15
// (NextUpdate) at the validation time. Pivots are history: only the version counts.
void check_freshness(const tsl::TrustedList& list, ListKind kind, tsl::TimePoint at, std::vector<Reason>& reasons,
                     std::vector<Reason>& warnings);

// The worst severity among `reasons` decides (invalid > indeterminate > expired).
ListStatus status_from(const std::vector<Reason>& reasons);

// Every certificate of `pointer`'s ServiceDigitalIdentities, labelled `label`.
void add_pointer_certificates(TrustedSet& set, const tsl::OtherTslPointer& pointer, const std::string& label);

// The OJ anchors as a trusted set ("anchor <sha256>").
TrustedSet anchor_set(const std::vector<tsl::Bytes>& anchors);

// The caller's national-list signers as a trusted set (kCallerSignerLabel + sha256).
inline constexpr std::string_view kCallerSignerLabel = "caller signer ";
TrustedSet caller_signer_set(const std::vector<tsl::Bytes>& signers);

// The signature check of `item` against `request.trusted`.
SignatureCheck check_item_signature(const Item& item, const SignatureRequest& request);

// Copies a signature check into the result.
void apply_signature(Item& item, SignatureCheck check);

// The sequence number in a pivot URL ("…/eu-lotl-pivot-300.xml", "…/tl-pivot-191-mp.xml").
std::optional<std::uint64_t> pivot_sequence(std::string_view uri);

// What vouches for a list of lists (pivot_chain.cpp): the OJ anchors, plus what every
// verified list of the chain announces for its successors. A list is trusted when its
// signer is in the union of the anchors and the announcements of verified lists
// older than it; adding anchors can therefore only add trust.
class ChainTrust final {
 public:
  explicit ChainTrust(TrustedSet anchors) : m_anchors(std::move(anchors)) {}
  // The signers trusted for a list of lists with sequence number `seq`.
  [[nodiscard]] TrustedSet trusted_for(std::uint64_t seq) const;
  // Records the signer set a verified list of lists announces (label "pivot 300").
  void add_verified(const tsl::TrustedList& list, const std::string& label);

 private:
  TrustedSet m_anchors;
  std::vector<std::pair<std::uint64_t, TrustedSet>> m_announced;  // in walk order (oldest first)
};

// Verifies the current LOTL (items[lotl]) and the pivots it announces, oldest to
// newest, recording each verified pivot's announcement in `trust`.
void anchor_lotl(std::vector<Item>& items, std::size_t lotl, const ListSetRequest& request, ChainTrust& trust);

// A list of lists the LOTL does not announce: checked against `trust` (anchors and
// verified chain lists older than it) and flagged pivot-not-on-chain.
void check_off_chain(Item& item, const ChainTrust& trust);

}  // namespace eutl::verify::trust
