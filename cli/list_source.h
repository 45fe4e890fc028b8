// The options every command that reads trusted lists shares (list, show-service,
// export, check-site): where the lists come from (--store, or --lists with
// --lotl-signers), the time (--at, --lists-at) and the output switches (--json,
// --quiet, --verbose).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "eutl/trusted_lists.h"
#include "eutl/result.h"
#include "eutl/tsl/time.h"

namespace eutl::cli {

struct ListSourceOptions {
  std::string store;
  std::vector<std::string> lists;
  std::string lotl_signers;
  std::string at;        // time T; default now
  std::string lists_at;  // when the lists are verified; default --at
  std::string snapshot;  // a stored snapshot instead of the current one
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

// The certificates (DER) of the PEM file given to `option` (--lotl-signers,
// --tl-signers); none when `file` is empty. The error names the option.
[[nodiscard]] Result<std::vector<tsl::Bytes>> read_signer_option(const std::string& file, const char* option);

// The library's list source for these command-line values: with --lists, the files
// and the certificates of the --lotl-signers / --tl-signers PEM files (an error names
// the option); without, the store (resolved: --store, $EUTL_STORE, the XDG cache) and
// its current snapshot or `snapshot`. Prints nothing.
[[nodiscard]] Result<eutl::ListSource> make_list_source(const std::vector<std::string>& lists,
                                                        const std::string& lotl_signers,
                                                        const std::string& tl_signers, const std::string& store,
                                                        const std::string& snapshot = {});

// Adds --store, --lists, --snapshot, --lotl-signers, --at, --lists-at, --json, --quiet,
// --verbose (the shared ones through cli/common_options.h).
void add_list_source_options(CLI::App* cmd, ListSourceOptions& o, const std::string& at_help);

// --at parsed (ISO 8601 date-time or date), now when empty.
[[nodiscard]] Result<tsl::TimePoint> time_at(const ListSourceOptions& o);

// Loads and verifies the lists. Prints, on stderr, the lists that are not valid
// (unless --quiet) and the source summary (with --verbose). On failure the error is
// printed and returned, so the caller can map it to an exit code (exit_code_for).
Result<eutl::TrustedLists> load_lists(const ListSourceOptions& o);

// Colours only when stdout is a terminal and NO_COLOR is unset.
bool use_colour();
std::string paint(const std::string& text, const char* sgr);  // "1;32" = bold green

}  // namespace eutl::cli
