// The JSON of an evidence re-verification (include/eutl/evidence_verify_json.h).
#include "eutl/evidence_verify_json.h"

#include <nlohmann/json.hpp>

namespace eutl {

std::string_view to_string(evidence::EvidenceFindingKind k) {
  switch (k) {
    case evidence::EvidenceFindingKind::kUntrustedAnchor:
      return "untrusted-anchor";
    case evidence::EvidenceFindingKind::kInputMissing:
      return "input-missing";
    case evidence::EvidenceFindingKind::kDiffers:
      break;
  }
  return "differs";
}

std::string evidence_verify_json(const evidence::EvidenceCheck& chk) {
  nlohmann::json diffs = nlohmann::json::array();
  for (const auto& d : chk.differences) {
    diffs.push_back({{"where", d.where}, {"message", d.message}, {"kind", to_string(d.kind)}});
  }
  nlohmann::json out = {{"schema", "eutl-evidence-verify/1"},
                        {"same", chk.same},
                        {"outcome", evidence::to_string(chk.outcome)},
                        {"recorded_verdict", evidence::to_string(chk.recorded_verdict)},
                        {"verdict", chk.verdict == evidence::RecordVerdict::kNone
                                        ? nlohmann::json(nullptr)
                                        : nlohmann::json(evidence::to_string(chk.verdict))},
                        {"differences", diffs},
                        {"checked", chk.checked}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace eutl
