// The claim a caller asks about (include/eutl/claim_for.h).
#include "eutl/claim_for.h"

namespace eutl {

std::string claim_of_use(std::string_view use) {
  if (use == "esig") {
    return "qc-esig";
  }
  if (use == "eseal") {
    return "qc-eseal";
  }
  if (use == "wsa") {
    return "qwac";
  }
  return std::string(use);
}

Result<std::optional<verify::Claim>> parse_claim_for(std::string_view use, std::string_view option) {
  if (use.empty()) {
    return std::optional<verify::Claim>();
  }
  auto parsed = verify::parse_claim(claim_of_use(use));
  if (!parsed) {
    return Error(Errc::kUsage, std::string(option) + ": " + parsed.error().message + " (or the uses esig, eseal, wsa)");
  }
  return std::optional<verify::Claim>(std::move(*parsed));
}

}  // namespace eutl
