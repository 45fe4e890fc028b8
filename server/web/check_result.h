// The result of one check as the page shows it, from the decision exactly as
// `check --json` prints it (run_check's output): the verdict (the claim's, or the
// overall status at time T when no claim was asked; ETSI TS 119 615 §4.6), the claim,
// the certificate type and QSCD (EN 319 412-5 §4.2), the reasons, the rule trace, and
// links to the evidence record and its HTML report. app.js renders the same section
// from POST /v1/check; the element ids (verdict, report-link, record-link) are shared.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace eutl::server::web {

// What the verdict box says: "confirmed", "refuted", "indeterminate" for a claim,
// "qualified", "not_qualified", "indeterminate" without one.
std::string verdict_word(const nlohmann::json& decision);

// The <section id="result"> with everything above; every value HTML-escaped.
// `evidence_id` is the record's SHA-256 (hex); links are left out when it is empty.
std::string render_check_result(const nlohmann::json& decision, std::string_view evidence_id);

}  // namespace eutl::server::web
