// Internal: which "fail" entries of a rule trace decide nothing for the claim at hand.
// The engine records every rule it ran; some outcomes are facts about parts of the
// lists or the certificate that the question does not ask about. The report says so
// neutrally instead of showing a red "fail" in a confirmed case:
//   QSCD          a claim that needs no QSCD (QWAC, qc-esig, qc-eseal, non-QSCD
//                 policies): the absence of a QSCD is a fact, not a failure
//                 (EN 319 412-5 V2.4.1 §4.2.2; TS 119 615 §4.5(c));
//   CRITERIA-LIST a Qualification element whose criteria do not select the certificate
//                 does not apply to it (TS 119 612 V2.4.1 §5.5.9.2.1);
//   QWAC          a claim other than website authentication does not ask for a QWAC
//                 (TS 119 411-5 V1.1.1 §4).
// Everything else keeps its outcome.
#pragma once

#include <optional>
#include <string>

#include "evidence/json.h"

namespace eutl::evidence::detail {

// Why `entry` of rec.trace does not apply to the record's claim; nullopt when it
// stands as recorded.
std::optional<std::string> not_applicable_because(const json& rec, const json& entry);

}  // namespace eutl::evidence::detail
