// `eutl check` with several certificates: every subject decided against lists loaded
// once (eutl::check_batch), one row each, and the batch's exit code (the worst, in
// the order of eutl::worst_exit_code). Output formats: cli/check_batch_output.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/check_batch_input.h"
#include "eutl/check_batch.h"
#include "eutl/result.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/qualification.h"

namespace eutl::cli {

enum class BatchFormat : std::uint8_t { kTable, kJson, kJsonLines, kCsv };

// One row: an input entry and, when it could be decided, the decision.
struct BatchRow final {
  const BatchEntry* entry = nullptr;
  std::optional<verify::QualificationResult> result;
  std::optional<Error> error;  // the entry's own error, or why its decision could not be made
  int exit_code = 0;
};

struct BatchOptions final {
  BatchFormat format = BatchFormat::kTable;
  std::string evidence_dir;  // --evidence-dir: one record per decided certificate
  std::string claim;         // as given (normalised), for the records; empty for none
  bool quiet = false;
  bool verbose = false;
};

// Decides every entry, writes the records, prints the rows and the summary; returns
// the worst exit code.
int run_check_batch(const BatchInput& input, const eutl::TrustedLists& lists, const eutl::CheckBatchRequest& request,
                    const BatchOptions& options);

}  // namespace eutl::cli
