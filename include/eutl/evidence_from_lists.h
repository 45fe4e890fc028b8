// A decision made with eutl::TrustedLists, written out the way the command line
// writes it: the evidence record of `eutl check --evidence` (schema eutl-evidence/3,
// docs/evidence-schema.md) and the JSON object of `eutl check --json`.
//
// Caller is responsible for: reading the wall clock for RecordStamp::checked_at (the
// library never reads the clock), and passing the same certificate, chain, time T and
// claim that TrustedLists::check decided on.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/evidence/evidence.h"
#include "eutl/result.h"
#include "eutl/trusted_lists.h"

namespace eutl {

// The evidence record (deterministic JSON text, integrity digest included) of the
// decision `result`, made by `lists.check(certificate, chain, at, claim)`. `claim` is
// the claim as given ("qes"), empty for none.
[[nodiscard]] Result<std::string> evidence_record(const TrustedLists& lists,
                                                  const verify::CertificateProfile& certificate,
                                                  std::span<const verify::CertificateProfile> chain,
                                                  tsl::TimePoint at, std::string_view claim,
                                                  const verify::QualificationResult& result,
                                                  const evidence::RecordStamp& stamp);

// The `eutl check --json` object of that decision (two-space indent, sorted keys, no
// trailing newline): certificate, at_issuance, at_time, overall, lists, lists_at,
// warnings, unprocessed_critical_extensions, trace, and claim, verdict, failing_part
// and claim_explanation when a claim was given. Invalid UTF-8 becomes U+FFFD.
std::string check_json(const TrustedLists& lists, const verify::CertificateProfile& certificate,
                       const verify::QualificationResult& result);
// The same from lists verified without a TrustedLists (verify::verify_list_set).
std::string check_json(const std::vector<verify::VerifiedList>& lists, tsl::TimePoint lists_at,
                       const verify::CertificateProfile& certificate, const verify::QualificationResult& result);

}  // namespace eutl
