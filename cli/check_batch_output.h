// How `eutl check` prints a batch: a text table (one line per certificate: file,
// subject, verdict, type, QSCD, claim) with a summary line, RFC 4180 CSV with a header
// row, a JSON array or JSON lines of the single-certificate `check --json` objects,
// each with "source": {"file", "index"} (an input that could not be decided is
// {"source", "error": {"code", "message"}}).
#pragma once

#include <ostream>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/check_batch.h"
#include "eutl/trusted_lists.h"

namespace eutl::cli {

void print_batch_table(std::ostream& out, std::span<const BatchRow> rows, bool reasons);
void print_batch_csv(std::ostream& out, std::span<const BatchRow> rows);
// The row as JSON: the `check --json` object plus "source", or source and error.
nlohmann::json batch_row_json(const eutl::TrustedLists& lists, const BatchRow& row);
// "12 certificates: 7 qualified, 3 not qualified, 2 indeterminate" (claim verdicts
// when a claim was asked), "…, 1 not read" for input errors.
std::string batch_summary(std::span<const BatchRow> rows);

}  // namespace eutl::cli
