// What `eutl check` and `eutl check-site` print about one qualification decision:
// the JSON objects (certificate, at_issuance / at_time / overall, claim, trace), the
// text blocks, and the exit code. One place, so the two commands cannot drift apart.
#pragma once

#include <string>

#include "eutl/verify/certificate_profile.h"
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

// 0 qualified / confirmed, 1 not qualified / refuted, 3 indeterminate.
int qualification_exit_code(const verify::QualificationResult& r);

}  // namespace eutl::cli
