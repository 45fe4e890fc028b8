// Where a store keeps the TLS sessions of its last fetch (include/eutl/net/tls_sessions.h)
// for the next: the file "tls-sessions" at the store's root, readable and writable by
// its owner only (mode 0600), as it holds the sessions' secrets. It is a cache: `eutl
// fetch --no-tls-resumption` neither reads nor writes it, removing it costs the next
// fetch its full handshakes, and nothing else in the store refers to it.
#pragma once

#include <string_view>

#include "eutl/cache/store.h"
#include "eutl/net/tls_sessions.h"
#include "eutl/result.h"
#include "eutl/tsl/time.h"

namespace eutl::cache {

inline constexpr std::string_view kTlsSessionsFile = "tls-sessions";
inline constexpr std::size_t kMaxTlsSessionsFileBytes = 4u << 20;

// The sessions not expired at `now`; none when the file is absent, not a regular file
// (a symlink is not followed), not owned by this process's user, readable by others
// than its owner, larger than
// kMaxTlsSessionsFileBytes, or not such a file at all.
[[nodiscard]] net::TlsSessions read_tls_sessions(const Store& store, tsl::TimePoint now);

// Replaces the file with `sessions` (atomically, mode 0600). The caller holds the
// store's lock.
[[nodiscard]] Result<void> write_tls_sessions(const Store& store, const net::TlsSessions& sessions);

}  // namespace eutl::cache
