// Which LOTL anchors a command uses: the --lotl-signers file (each certificate must
// be a CA or shaped as a list signer), else those the store's current snapshot was
// made with, else the Official Journal certificates this release ships (oj/).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cli {

enum class AnchorOrigin : std::uint8_t { kGiven, kStore, kBundled };
std::string_view to_string(AnchorOrigin origin);  // "given" / "store" / "bundled"

struct AnchorsInUse final {
  AnchorOrigin origin = AnchorOrigin::kBundled;
  std::string from;  // the file, the store directory, or empty for the bundled ones
  std::vector<tsl::Bytes> certificates;
};

// The anchors the store's current snapshot recorded; empty when there is no snapshot
// or it recorded none.
[[nodiscard]] Result<std::vector<tsl::Bytes>> store_anchors(const cache::Store& store);

// `lotl_signers` when not empty (kUsage for a certificate of the wrong shape), else
// the anchors of `store` (when given and it has some), else the bundled ones.
[[nodiscard]] Result<AnchorsInUse> anchors_in_use(const std::string& lotl_signers, const cache::Store* store);

// For fetch and import: anchors_in_use() into `out`; on failure prints why and returns
// the exit code (0 on success).
int request_anchors(const std::string& lotl_signers, const cache::Store* store, std::vector<tsl::Bytes>& out);

// Whether `dir` is a store whose current snapshot recorded anchors (reads only).
bool store_has_anchors(const std::optional<std::filesystem::path>& dir);

}  // namespace eutl::cli
