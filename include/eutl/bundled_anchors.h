// The LOTL signing certificates this release ships (oj/): those the European
// Commission announced in the Official Journal of the EU (Implementing Decision (EU)
// 2015/1505, Art. 4: the LOTL is authenticated with the certificates published in the
// OJ). They are the default trust when no --lotl-signers file is given; rotations
// between two notices are carried by pivot LOTLs (TS 119 612 V2.4.1 §5.3.7, TS 119 615 §4.1),
// a new notice needs a new release or --lotl-signers.
//
// Also: the shape an anchor must have to be accepted from a file, and the facts
// `eutl anchors` and `status` show about one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl {

struct BundledAnchor final {
  std::string oj_reference;  // "OJ C 276/2019", "OJ C/2026/1944"
  tsl::Bytes der;
};

// Every certificate of every bundled notice, in notice order (a certificate announced
// in two notices appears twice, once with each reference).
[[nodiscard]] std::vector<BundledAnchor> bundled_lotl_anchors();

// The bundled certificates, each once (what a verification request takes).
[[nodiscard]] std::vector<tsl::Bytes> bundled_lotl_anchor_certificates();

// The OJ references announcing `der`; empty when it is not bundled.
[[nodiscard]] std::vector<std::string> bundled_oj_references(tsl::ByteView der);

struct AnchorFacts final {
  std::string sha256;  // lower-case hex of the DER
  std::string subject;  // RFC 2253
  tsl::TimePoint not_before{};
  tsl::TimePoint not_after{};
  std::vector<std::string> oj_references;  // empty: not among the bundled anchors
};

[[nodiscard]] Result<AnchorFacts> anchor_facts(tsl::ByteView der);

// Reads a PEM file of LOTL anchors and refuses (kUsage, naming the file and the
// certificate) any certificate that is neither a CA nor shaped as a list signer:
// a TLS server or e-mail certificate given by mistake must not become the trust root
// of a store.
[[nodiscard]] Result<std::vector<tsl::Bytes>> load_lotl_anchors(const std::filesystem::path& pem);

}  // namespace eutl
