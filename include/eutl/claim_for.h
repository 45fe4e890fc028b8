// The claim a caller asks about (`check --for`, `check-site --for`, the "claim" of
// POST /v1/check): a claim (qes, qc-esig, qseal, qc-eseal, qwac, a policy profile) or a
// service use of ETSI TS 119 612 V2.4.1 §5.5.9.4 standing for its claim: esig ->
// qc-esig, eseal -> qc-eseal, wsa -> qwac.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "eutl/result.h"
#include "eutl/verify/qualification.h"

namespace eutl {

// The claim a use stands for; any other text unchanged.
[[nodiscard]] std::string claim_of_use(std::string_view use);

// The claim of `use` (empty: none); kUsage, the message starting with `option`, when
// it is not one.
[[nodiscard]] Result<std::optional<verify::Claim>> parse_claim_for(std::string_view use, std::string_view option);

}  // namespace eutl
