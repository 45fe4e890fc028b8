// Helpers shared by the store subcommands (fetch, import, status, store prune).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "api/detail/snapshot_json.h"
#include "eutl/cache/refresh.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/tsl/time.h"

namespace eutl::cli::store {

// --store, else $EUTL_STORE, else the XDG cache directory.
std::filesystem::path resolve_store(const std::string& flag);

// The store of --store, opened and locked for the one writer (fetch, import, prune).
struct WritableStore final {
  cache::Store store;
  cache::StoreLock lock;
};
// On failure prints why and returns the exit code through `rc` (a busy store: could
// not run, 4).
std::optional<WritableStore> open_for_writing(const std::string& flag, int& rc);

// For fetch and import: the --lotl-signers file (when given) is read into `anchors`
// first, so that a wrong file leaves the store untouched; then the store is opened and
// locked. Without a file `anchors` stays empty: the refresh takes the current snapshot's
// anchors, else RefreshRequest::default_anchors (the caller sets the bundled ones), the
// order of anchors_in_use().
std::optional<WritableStore> open_for_refresh(const std::string& store_flag, const std::string& lotl_signers,
                                              std::vector<tsl::Bytes>& anchors, int& rc);

// --at TIME; empty means now (the CLI is the only place that reads the clock).
[[nodiscard]] Result<tsl::TimePoint> parse_at(const std::string& text);
tsl::TimePoint now();

cache::Verifier production_verifier();

// 0 all good, 1 some list not valid or not refreshed, 3 the LOTL is not valid (not
// asked of a snapshot whose national lists rest on the caller's signers).
int exit_code(const cache::Snapshot& snapshot, bool lotl_verified);

// The snapshot as JSON (the library's serialiser, api/detail/snapshot_json.h).
using eutl::detail::snapshot_json;
void print_table(std::ostream& out, const cache::Snapshot& snapshot, tsl::TimePoint at);
// "Trust: …" naming the caller's signers (SHA-256) when the national lists rest on
// them rather than on the LOTL; nothing otherwise.
void print_trust(std::ostream& out, const cache::Snapshot& snapshot);

}  // namespace eutl::cli::store

#include "cli/commands.h"

namespace eutl::cli {
// Called by register_store (cmd_store.cpp), one per file.
void register_fetch(CLI::App& app, Runner& run);   // cmd_fetch.cpp
void register_import(CLI::App& app, Runner& run);  // cmd_import.cpp
void register_status(CLI::App& app, Runner& run);  // cmd_status.cpp
}  // namespace eutl::cli
