// The evidence matrix as JSON (record member `evidence_matrix`, eutl-evidence/3): the
// one serialiser of MatrixStandard and MatrixArtifact.
#include "evidence/matrix.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::evidence::detail {

std::string_view to_string(MatrixStandard s) {
  switch (s) {
    case MatrixStandard::kEn319411Part1: return "en-319-411-1";
    case MatrixStandard::kEn319411Part2: return "en-319-411-2";
    case MatrixStandard::kBoth: return "both";
    case MatrixStandard::kTrustedListFramework: break;
  }
  return "trusted-list-framework";
}

std::string_view to_string(MatrixArtifact a) {
  switch (a) {
    case MatrixArtifact::kCertificate: return "certificate";
    case MatrixArtifact::kPolicy: return "policy";
    case MatrixArtifact::kQcStatement: return "qc-statement";
    case MatrixArtifact::kIssuingCa: return "issuing-ca";
    case MatrixArtifact::kService: return "service";
    case MatrixArtifact::kServicePeriodAtIssuance: return "service-period-at-issuance";
    case MatrixArtifact::kServicePeriodAtTime: return "service-period-at-t";
    case MatrixArtifact::kNationalList: return "national-list";
    case MatrixArtifact::kLotl: return "lotl";
    case MatrixArtifact::kPivot: return "pivot";
    case MatrixArtifact::kOfficialJournalAnchor: break;
  }
  return "official-journal-anchor";
}

json matrix_json(const std::vector<MatrixRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back({{"kind", to_string(r.kind)},
                   {"source", r.source},
                   {"claim", r.claim},
                   {"artifact", r.artifact},
                   {"sha256", r.sha256 ? json(tsl::to_hex(*r.sha256)) : json(nullptr)},
                   {"date",
                    {{"from", time_json(r.from)},
                     {"until", time_json(r.until)},
                     {"evaluated_at", tsl::format_time(r.evaluated_at)}}},
                   {"standard", to_string(r.standard)},
                   {"flag", r.part1_only ? json(kPart1OnlyFlag) : json(nullptr)}});
  }
  return out;
}

}  // namespace eutl::evidence::detail
