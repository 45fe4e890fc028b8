// Which LOTL anchors a command uses (eutl::anchors_in_use): the --lotl-signers file,
// else those the store's current snapshot was made with, else the bundled ones; and
// what fetch, import and evidence do with them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/anchors_in_use.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cli {

// The types and anchors_in_use() live in the library (include/eutl/anchors_in_use.h).
using eutl::AnchorOrigin;
using eutl::anchors_in_use;
using eutl::AnchorsInUse;
using eutl::store_anchors;

// For fetch and import: anchors_in_use() into `out`; on failure prints why and returns
// the exit code (0 on success).
int request_anchors(const std::string& lotl_signers, const cache::Store* store, std::vector<tsl::Bytes>& out);

// Whether `dir` is a store whose current snapshot recorded anchors (reads only).
bool store_has_anchors(const std::optional<std::filesystem::path>& dir);

}  // namespace eutl::cli
