// What `eutl check` and `eutl check-site` print about one qualification decision:
// the JSON objects (certificate, at_issuance / at_time / overall, claim, trace), the
// text blocks, and the exit code. One place, so the two commands cannot drift apart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"
#include "api/detail/check_json.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::cli {

// The JSON objects (certificate, service, one time of the decision, claim, trace):
// the library's serialisers, so the commands print what eutl::check_json gives.
using eutl::detail::add_claim_json;
using eutl::detail::at_json;
using eutl::detail::certificate_json;
using eutl::detail::list_use_json;
using eutl::detail::service_json;
using evidence::detail::trace_json;
using evidence::detail::tri_json;

// "QUALIFIED: …" / "NOT QUALIFIED: …" / "INDETERMINATE: …", coloured on a terminal.
std::string headline(const verify::QualificationAtTime& r);
// "CLAIM c: verdict (failing part: …)" and its explanation; nothing without a claim.
void print_claim(const verify::QualificationResult& r);
// One time of the decision, with the service and list it rests on.
void print_at(const char* label, const verify::QualificationAtTime& r);
void print_trace(const verify::Trace& trace);

// --for of check and check-site: a claim (qes, qc-esig, qseal, qc-eseal, qwac, a
// policy profile) or a service use of TS 119 612 clause 5.5.9.4 standing for its
// claim: esig -> qc-esig, eseal -> qc-eseal, wsa -> qwac.
std::string claim_of_use(const std::string& use);
// The claim of --for (empty: none); kUsage naming --for when it is not one.
[[nodiscard]] Result<std::optional<verify::Claim>> parse_for_option(const std::string& use);
inline constexpr const char* kForHelp =
    "Claim to check: qes, qc-esig, qseal, qc-eseal, qwac, a policy profile (QCP-n, QNCP-w, OVCP…), or a "
    "service use standing for its claim: esig (qc-esig), eseal (qc-eseal), wsa (qwac)";

// The whole text answer of `eutl check` for one certificate: claim, headline,
// certificate, results at both times, trace.
void print_certificate_text(const verify::CertificateProfile& c, const verify::QualificationResult& r);
// "Trust: …" when national lists were trusted through the caller's signer, not the LOTL.
void print_caller_trust(const std::vector<verify::VerifiedList>& lists);

// 0 qualified / confirmed, 1 not qualified / refuted, 3 indeterminate.
int qualification_exit_code(const verify::QualificationResult& r);

}  // namespace eutl::cli
