// What an evidence record shows of the anchors a decision rested on: the LOTL anchors
// and the list signers the caller trusted directly. Each is a fact of the anchor's DER
// alone (and of the Official Journal notices bundled with eutl), the same for every
// record made with the same lists: a server that writes a record per request works them
// out once per snapshot (DecisionLists::anchors) instead of once per record.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eutl/evidence/record.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::evidence {

struct RecordAnchor final {
  RecordDer der;  // base64, SHA-256 and subject, as the record's lotl_anchors / tl_signers show them
  // The validity period (RFC 5280 §4.1.2.5) the evidence matrix shows; unset when the
  // certificate cannot be read (verify::readable_headline).
  std::optional<tsl::TimePoint> not_before;
  std::optional<tsl::TimePoint> not_after;
  // The Official Journal notices bundled with eutl that announce this certificate
  // (verify::bundled_oj_notice_certificates), in their order; empty for none.
  std::vector<std::string> oj_references;
};

struct RecordAnchors final {
  std::vector<RecordAnchor> lotl_anchors;  // in DecisionLists::lotl_anchors order
  std::vector<RecordAnchor> tl_signers;    // in DecisionLists::tl_signers order
};

// The facts of each certificate, in order (the bundled notices are decoded once).
[[nodiscard]] RecordAnchors record_anchors(std::span<const tsl::Bytes> lotl_anchors,
                                           std::span<const tsl::Bytes> tl_signers);

}  // namespace eutl::evidence
