// The stable exit codes of `eutl` (README "Exit codes") and the one mapping from an
// Error to a code, so that every command says "could not run" the same way.
#pragma once

#include "eutl/outcome.h"
#include "eutl/result.h"

namespace eutl::cli {

inline constexpr int kExitYes = 0;            // valid / qualified / confirmed
inline constexpr int kExitNo = 1;             // invalid / not qualified / refuted
inline constexpr int kExitUsage = 2;          // usage or input error
inline constexpr int kExitIndeterminate = 3;  // indeterminate
inline constexpr int kExitCouldNotRun = 4;    // could not run: I/O, busy store, network, internal error

// 4 when the command could not run (kIo: I/O failure, store busy, network
// unreachable; kCrypto: TLS or crypto library failure; kInternal: a bug); 2 for
// everything the user can fix in the input (usage, malformed, over a limit, not found).
// The library's mapping (eutl/outcome.h), so an embedder exits as the CLI does.
inline int exit_code_for(const Error& error) noexcept { return eutl::exit_code(error); }

}  // namespace eutl::cli
