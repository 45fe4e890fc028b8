// The evidence record as a type (schema "eutl-evidence/3", docs/evidence-schema.md),
// with exactly one JSON writer (to_json) and one reader (from_json), used by the
// writer (make_evidence_record), the re-verifier (verify_evidence), the bundle
// (write_evidence_bundle) and the HTML report (evidence_html).
//
// Typed: what the code acts on. The question (times as tsl::TimePoint), the
// certificate, chain and LOTL anchors as DER with their SHA-256, every list by digest,
// the headline verdict, the integrity digest. The descriptive sections (certificate
// details, list verification details, results, services, crosswalk, trace) are
// carried as read, in an opaque part, and written back unchanged: the re-verifier
// compares them field by field and the HTML report displays them.
//
// from_json reads leniently (a missing or mistyped member stays empty, a digest or
// time that does not parse stays unset), so that a damaged record can still be shown
// and its damage reported; RecordRead says whether the text was a record at all and
// which key, if any, an object repeats.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::evidence {

// The headline verdict: the claim verdict when a claim was asked, else the overall
// status (TS 119 615 qualification status).
enum class RecordVerdict : std::uint8_t {
  kNone,  // absent or not one of the values below
  kQualified,
  kNotQualified,
  kIndeterminate,
  kConfirmed,
  kRefuted,
};
std::string_view to_string(RecordVerdict v);  // "qualified", "not_qualified", ... ("" for kNone)
RecordVerdict record_verdict_from(std::string_view text);
// Good news (qualified, confirmed), bad news (not qualified, refuted), or neither.
enum class VerdictTone : std::uint8_t { kGood, kBad, kUnknown };
VerdictTone tone_of(RecordVerdict v);

// A certificate carried in full: certificate, chain[n], lotl_anchors[n] and tl_signers[n].
struct RecordDer final {
  std::string der_base64;             // as written (decoding may fail for an edited record)
  std::optional<tsl::Sha256> sha256;  // as the record says; unset when not 64 hex digits
  std::optional<std::string> subject;
};

// A trusted list, named by the SHA-256 of its exact bytes.
struct RecordList final {
  std::string source;
  std::string sha256_hex;  // as written; the key by which the bytes are looked up
  std::optional<std::string> territory;
};

struct RecordQuestion final {
  std::optional<std::string> claim;            // as given on the command line
  std::optional<tsl::TimePoint> at;            // time T
  std::optional<tsl::TimePoint> lists_verified_at;
};

struct RecordSections;  // the descriptive sections, opaque (evidence/record_json.h)

struct EvidenceRecord final {
  std::string schema;  // "eutl-evidence/3" (or /2, /1, read only)
  std::string tool_name;
  std::string tool_version;
  std::optional<tsl::TimePoint> checked_at;
  std::optional<std::string> snapshot;  // store snapshot id; unset when lists came from files
  RecordQuestion question;
  RecordDer certificate;
  std::vector<RecordDer> chain;
  std::vector<RecordDer> lotl_anchors;
  // The national-list signers the caller trusted directly; written only when not empty
  // (the lists then rest on these, not on the LOTL).
  std::vector<RecordDer> tl_signers;
  std::vector<RecordList> lists;  // in verification order
  RecordVerdict verdict = RecordVerdict::kNone;
  std::optional<tsl::Sha256> integrity;  // as the record says
  std::shared_ptr<const RecordSections> sections;
};

// The record as deterministic JSON text: two-space indent, sorted keys, the integrity
// member recomputed over the rest (invalid UTF-8 becomes U+FFFD before hashing).
std::string to_json(const EvidenceRecord& record);

struct RecordRead final {
  std::optional<EvidenceRecord> record;  // unset: not one JSON object
  std::string duplicate;                 // first repeated key ("results.claim.verdict"); empty when none
};
// Reads `text` strictly as JSON (see above), leniently as a record.
RecordRead from_json(std::string_view text);

}  // namespace eutl::evidence
