// Evidence records (schema "eutl-evidence/3", docs/evidence-schema.md): everything one
// qualification decision rested on, written so that an auditor can re-verify it
// offline, byte for byte, months later.
//
// A record names the exact bytes of every list it used by SHA-256 and carries the
// certificate, the chain and the LOTL anchors in full (DER), so re-verification never
// trusts the store's copy of anything: it re-reads the lists by digest (from a
// bundle, the store, or the recorded file path), re-verifies every signature at the
// recorded time, re-runs the decision at the recorded T and rebuilds the record. Any
// field that comes out differently is reported by its path.
//
// The anchors carried in a record are never trusted for being there: anyone can build
// a record on a PKI of their own. Re-verification trusts the anchors the caller
// trusts (EvidenceSources::trusted_anchors, else the anchors the store recorded when
// the user fetched or imported with them), and a record whose anchors are not all
// among those does not re-verify (EvidenceOutcome::kUntrustedAnchors).
//
// The record ends with an integrity digest (SHA-256 of its canonical JSON without the
// digest itself). It detects changes, not forgery: anyone can recompute it. What makes
// a record trustworthy is that every fact in it is re-derived from the signed lists.
// A record is read strictly: text that is not one JSON object, or in which any object
// repeats a key (JSON parsers disagree on which copy wins), is not a valid record.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/evidence/record.h"
#include "eutl/evidence/record_anchors.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::evidence {

// The schema written: eutl-evidence/3 added the `evidence_matrix` to eutl-evidence/2,
// which added `tl_signers` and `lists[].trust` to eutl-evidence/1
// (docs/evidence-schema.md, Versioning). Records of all three are read and
// re-verified, each against its own set of members.
inline constexpr std::string_view kEvidenceSchema = "eutl-evidence/3";
inline constexpr std::string_view kEvidenceSchemaV2 = "eutl-evidence/2";
inline constexpr std::string_view kEvidenceSchemaV1 = "eutl-evidence/1";
// True for kEvidenceSchema, kEvidenceSchemaV2 and kEvidenceSchemaV1.
bool is_known_schema(std::string_view schema);
inline constexpr std::string_view kBundleRecordName = "record.json";

// The lists a decision rested on, as eutl::TrustedLists exposes them (lists(),
// index(), lotl_anchors(), lists_at(), snapshot_id(), tl_signers()). References must
// outlive the call.
struct DecisionLists final {
  const std::vector<verify::VerifiedList>& lists;  // in verification order
  const tsl::ServiceIndex& index;                  // built from the valid ones
  const std::vector<tsl::Bytes>& lotl_anchors;     // DER, as given to the verification
  tsl::TimePoint lists_at{};                       // when the lists were verified
  std::string_view snapshot_id;                    // empty when the lists came from files
  // The national-list signers (DER) the caller trusted directly (--tl-signers, or the
  // store snapshot's from `import --tl-signers`); empty when the lists rest on the LOTL.
  std::span<const tsl::Bytes> tl_signers{};
  // record_anchors(lotl_anchors, tl_signers), worked out once by a caller that writes
  // many records with the same lists (the server, per snapshot); null: each record
  // works them out itself. Either way the record is the same, byte for byte. Facts whose
  // SHA-256 digests are not those of lotl_anchors and tl_signers, in order, are ignored.
  const RecordAnchors* anchors = nullptr;
};

// Who wrote a record and when: the caller reads the wall clock (the library never does).
struct RecordStamp final {
  std::string tool_version;  // "0.1.0"
  tsl::TimePoint checked_at{};
};

// The record of one decision (certificate and its CA certificates, time T, the claim
// as given, empty for none, and the result) as deterministic JSON text (sorted keys),
// integrity digest included.
[[nodiscard]] Result<std::string> make_evidence_record(const DecisionLists& lists,
                                                       const verify::CertificateProfile& certificate,
                                                       std::span<const verify::CertificateProfile> chain,
                                                       tsl::TimePoint at, std::string_view claim,
                                                       const verify::QualificationResult& result,
                                                       const RecordStamp& stamp);

// Where the bytes a record names are looked up by digest: with a bundle, only the
// bundle directory (it is self-contained); otherwise the store's blobs, then the file
// path recorded as the list's source. The first file that exists decides, and it is
// used only when its SHA-256 matches (a changed copy is never papered over).
struct EvidenceSources final {
  std::optional<std::filesystem::path> bundle;
  std::optional<std::filesystem::path> store;
  // The LOTL anchors (DER) the caller trusts, e.g. the Official Journal certificates.
  // When absent: the anchors the store recorded for the record's snapshot, else for
  // its current snapshot. Never the anchors inside the record.
  std::optional<std::vector<tsl::Bytes>> trusted_anchors;
  // How findings name trusted_anchors ("the Official Journal anchors bundled with
  // eutl", "the LOTL anchors of oj.pem"); empty: "the LOTL anchors given".
  std::string trusted_anchors_origin;
};

// What a re-verification concluded, most serious first.
enum class EvidenceOutcome : std::uint8_t {
  kSame,              // every digest, signature and field re-verified
  kNotARecord,        // not a JSON object with schema eutl-evidence/3, /2 or /1: nothing to verify
  kDiffers,           // changed or invalid: integrity, digests, fields, duplicate keys
  kUntrustedAnchors,  // consistent, but rests on LOTL anchors the caller does not trust
  kInputsMissing,     // some list bytes are nowhere to be found (e.g. pruned): no conclusion
};
std::string_view to_string(EvidenceOutcome o);  // "same", "not-a-record", "differs", ...

// What kind of problem one finding is; the outcome is the most serious kind found.
enum class EvidenceFindingKind : std::uint8_t { kDiffers, kUntrustedAnchor, kInputMissing };

// One thing that did not re-verify. `where` names it ("record", "certificate",
// "lists[3] AT tl/2023/AT.xml", "verdict.at_time.status"), `message` says how.
struct EvidenceFinding final {
  std::string where;
  std::string message;
  EvidenceFindingKind kind = EvidenceFindingKind::kDiffers;
};

struct EvidenceCheck final {
  bool same = false;             // outcome == kSame
  EvidenceOutcome outcome = EvidenceOutcome::kDiffers;
  RecordVerdict recorded_verdict = RecordVerdict::kNone;  // as the record says
  RecordVerdict verdict = RecordVerdict::kNone;  // as re-derived; kNone when the decision could not be re-run
  std::vector<EvidenceFinding> differences;
  std::vector<std::string> checked;  // what was re-verified, one line each
};

// Re-verifies a record offline (see above). Never fails on tampering: a record that
// is not even JSON is a finding. Errors are left for I/O on the sources.
[[nodiscard]] Result<EvidenceCheck> verify_evidence(std::string_view record_json, const EvidenceSources& sources);

// True when `text` is one JSON object whose schema is eutl-evidence/3, /2 or /1: something
// verify_evidence can judge (it may still differ, e.g. for a repeated key).
bool is_evidence_record(std::string_view text);

// A bundle: DIR/record.json, DIR/lists/<sha256>.xml (exact bytes of every list),
// DIR/anchors/<sha256>.der, DIR/certificate.der, DIR/chain/<n>.der, DIR/README.txt.
struct BundleReport final {
  std::size_t lists = 0;
  std::uint64_t bytes = 0;
};
[[nodiscard]] Result<BundleReport> write_evidence_bundle(std::string_view record_json, const EvidenceSources& sources,
                                                         const std::filesystem::path& dir);
// DIR holds record.json and a lists/ directory (what write_evidence_bundle makes).
bool is_evidence_bundle(const std::filesystem::path& dir);

// A self-contained, print-friendly HTML page (no external resources), every value
// escaped. kMalformed for anything that is not an evidence record (is_evidence_record).
// The page states how far the record can be relied on: kJustMade for a record this
// process has just written from its own decision, kReVerified after verify_evidence
// found it the same, kUnverified (a banner says it was not verified) otherwise.
enum class RecordProvenance : std::uint8_t { kJustMade, kReVerified, kUnverified };
[[nodiscard]] Result<std::string> evidence_html(std::string_view record_json, RecordProvenance provenance);

}  // namespace eutl::evidence
