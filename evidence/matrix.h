// Internal: the evidence matrix of a record (schema eutl-evidence/3,
// docs/evidence-schema.md): one row per artifact the decision used, with where it
// came from, the claim it supports, its digest or identifier, its own dates and the
// time it was evaluated at, and which standard it serves. Built from the typed
// decision (verify::QualificationResult and the verified lists), never from text.
//
// EN 319 411-2 V2.5.1 §5.3 defines the qualified policies (QCP-n, QCP-l, QCP-n-qscd,
// QCP-l-qscd, QEVCP-w, QNCP-w, QNCP-w-gen) on top of the EN 319 411-1 V1.4.1
// requirements; a qualified claim further needs qualified status in a trusted list
// (TS 119 615 §4.4). Part 1 policy evidence alone never proves a qualified claim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/json.h"
#include "evidence/record_json.h"

namespace eutl::evidence::detail {

// Which standard an item of evidence serves.
enum class MatrixStandard : std::uint8_t {
  kEn319411Part1,         // EN 319 411-1 (policy requirements for TSPs issuing certificates)
  kEn319411Part2,         // EN 319 411-2 (EU qualified certificates)
  kBoth,                  // requirements of Part 1 that Part 2 incorporates
  kTrustedListFramework,  // TS 119 612 / TS 119 615 (trusted lists, LOTL, Official Journal)
};
// "en-319-411-1" / "en-319-411-2" / "both" / "trusted-list-framework": the one serialiser.
std::string_view to_string(MatrixStandard s);

// What one row is.
enum class MatrixArtifact : std::uint8_t {
  kCertificate,
  kPolicy,
  kQcStatement,
  kIssuingCa,
  kService,
  kServicePeriodAtIssuance,
  kServicePeriodAtTime,
  kNationalList,
  kLotl,
  kPivot,
  kOfficialJournalAnchor,
};
// "certificate", "policy", "qc-statement", "issuing-ca", "service",
// "service-period-at-issuance", "service-period-at-t", "national-list", "lotl",
// "pivot", "official-journal-anchor".
std::string_view to_string(MatrixArtifact a);

inline constexpr std::string_view kPart1OnlyFlag = "Part 1 evidence does not prove the qualified claim";

struct MatrixRow final {
  MatrixArtifact kind = MatrixArtifact::kCertificate;
  std::string source;    // where it came from
  std::string claim;     // the claim it supports
  std::string artifact;  // identifier (OID, "AT list sequence 77", ...)
  std::optional<tsl::Sha256> sha256;  // digest of the exact bytes, when the artifact has bytes
  std::optional<tsl::TimePoint> from;   // its own issue date / start of validity or period
  std::optional<tsl::TimePoint> until;  // NextUpdate / end of validity or period; unset: open
  tsl::TimePoint evaluated_at{};        // the time it was evaluated at
  MatrixStandard standard = MatrixStandard::kTrustedListFramework;
  bool part1_only = false;  // Part 1 evidence is all there is for a Part 2 claim
};

// True when a qualified (EN 319 411-2) claim is at stake: an eIDAS qualified claim or a
// Part 2 / TS 101 456 policy claim, or, without a claim, a decision that says qualified.
bool qualified_claim_at_stake(const verify::QualificationResult& result);

// The rows of a record being built; in.lists.anchors is set (build_record sets it).
std::vector<MatrixRow> evidence_matrix(const RecordRequest& in);
json matrix_json(const std::vector<MatrixRow>& rows);

}  // namespace eutl::evidence::detail
