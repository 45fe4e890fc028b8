// One check as the API and the web page both run it: certificates in, the decision
// as `check --json` prints it and the ID of the evidence record kept for it out.
// POST /v1/check and the page's form (server/web/) call this, so they cannot differ.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eutl/outcome.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "server/check_memo.h"
#include "server/route.h"

namespace eutl::server {

struct CheckInput final {
  std::vector<tsl::Bytes> certificates;  // DER, end-entity first, then its CA chain
  std::optional<std::string> claim;      // as `check --for`: qes, qseal, qwac, …
  std::optional<std::string> at;         // xsd:dateTime or date; empty: context.now
};

// kUsage/kMalformed for input the check cannot use; kNotFound when no snapshot is loaded.
// Answers come from the snapshot's memo (context.checks, server/check_memo.h) when the
// same check was made in the same second, and are kept there otherwise.
// The output is shared with the memo: a repeated check copies nothing.
[[nodiscard]] Result<std::shared_ptr<const CheckOutput>> run_check(const CheckInput& input,
                                                                    const RequestContext& context);

// POST /v1/check's body: `check_json` (an object printed with a two-space indent) with
// "evidence_id" as its first key, and a final newline.
[[nodiscard]] std::string with_evidence_id(const std::string& check_json, const std::string& evidence_id);

}  // namespace eutl::server
