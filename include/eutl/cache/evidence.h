// Evidence records (schema "eutl-evidence/1", docs/evidence-schema.md): everything one
// qualification decision rested on, written so that an auditor can re-verify it
// offline, byte for byte, months later.
//
// A record names the exact bytes of every list it used by SHA-256 and carries the
// certificate, the chain and the LOTL anchors in full (DER), so re-verification never
// trusts the store's copy of anything: it re-reads the lists by digest (from a
// bundle, the store, or the recorded file path), re-verifies every signature with the
// recorded anchors at the recorded time, re-runs the decision at the recorded T and
// rebuilds the record. Any field that comes out differently is reported by its path.
//
// The record ends with an integrity digest (SHA-256 of its canonical JSON without the
// digest itself). It detects changes, not forgery: anyone can recompute it. What makes
// a record trustworthy is that every fact in it is re-derived from the signed lists.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::cache {

inline constexpr std::string_view kEvidenceSchema = "eutl-evidence/1";
inline constexpr std::string_view kBundleRecordName = "record.json";

// Everything one decision rested on, as it was made. Pointers must outlive the call.
struct EvidenceInput final {
  const verify::CertificateProfile* certificate = nullptr;
  std::vector<const verify::CertificateProfile*> chain;
  tsl::TimePoint at{};        // time T
  std::string claim;          // as given on the command line; empty: no claim
  tsl::TimePoint lists_at{};  // when the lists were verified
  std::vector<tsl::Bytes> lotl_anchors;                       // DER, as given to the verification
  const std::vector<verify::VerifiedList>* lists = nullptr;  // in verification order
  const tsl::ServiceIndex* index = nullptr;                  // built from the valid ones
  const verify::QualificationResult* result = nullptr;
  std::string snapshot_id;   // empty when the lists came from files
  std::string tool_version;  // "0.1.0"
  std::string checked_at;    // wall clock, xsd:dateTime
};

// The record as deterministic JSON text (sorted keys), integrity digest included.
[[nodiscard]] Result<std::string> make_evidence_record(const EvidenceInput& input);

// Where the bytes a record names are looked up by digest, in this order: the bundle
// directory, the store's blobs, then the file path recorded as the list's source.
// Whatever is found is used only when its SHA-256 matches.
struct EvidenceSources final {
  std::optional<std::filesystem::path> bundle;
  std::optional<std::filesystem::path> store;
};

// One thing that did not re-verify. `where` names it ("record", "certificate",
// "lists[3] AT tl/2023/AT.xml", "verdict.at_time.status"), `message` says how.
struct EvidenceFinding final {
  std::string where;
  std::string message;
};

struct EvidenceCheck final {
  bool same = false;             // every digest, signature and field re-verified
  std::string recorded_verdict;  // as the record says
  std::string verdict;           // as re-derived; empty when the decision could not be re-run
  std::vector<EvidenceFinding> differences;
  std::vector<std::string> checked;  // what was re-verified, one line each
};

// Re-verifies a record offline (see above). Never fails on tampering: a record that
// is not even JSON is a finding. Errors are left for I/O on the sources.
[[nodiscard]] Result<EvidenceCheck> verify_evidence(std::string_view record_json, const EvidenceSources& sources);

// A bundle: DIR/record.json, DIR/lists/<sha256>.xml (exact bytes of every list),
// DIR/anchors/<sha256>.der, DIR/certificate.der, DIR/chain/<n>.der, DIR/README.txt.
struct BundleReport final {
  std::size_t lists = 0;
  std::uint64_t bytes = 0;
};
[[nodiscard]] Result<BundleReport> write_evidence_bundle(std::string_view record_json, const EvidenceSources& sources,
                                                         const std::filesystem::path& dir);
bool is_evidence_bundle(const std::filesystem::path& dir);

// A self-contained, print-friendly HTML page (no external resources), every value escaped.
[[nodiscard]] Result<std::string> evidence_html(std::string_view record_json);

// The lists of a snapshot, re-verified from the store's blobs (for `check --snapshot`).
struct SnapshotLists final {
  std::vector<tsl::Bytes> lotl_anchors;
  std::vector<verify::VerifiedList> lists;  // LOTL, pivots, national lists (by territory)
  tsl::TimePoint verified_at{};
};
[[nodiscard]] Result<SnapshotLists> load_snapshot_lists(const Store& store, const Snapshot& snapshot,
                                                        tsl::TimePoint at);

}  // namespace eutl::cache
