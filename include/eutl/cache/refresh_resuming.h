// A refresh from the network whose connections resume the TLS sessions the store keeps
// (include/eutl/cache/tls_sessions_file.h) and whose own sessions are kept for the next:
// what `eutl fetch` and `eutl serve`'s refreshes run.
#pragma once

#include <cstddef>
#include <string>

#include "eutl/cache/refresh.h"
#include "eutl/net/fetcher.h"

namespace eutl::cache {

// What the refresh did with the sessions (`eutl fetch --verbose` says it).
struct SessionUse final {
  std::size_t read = 0;     // kept by the last refresh and not expired
  std::size_t resumed = 0;  // handshakes that resumed one of them
  std::size_t kept = 0;     // written for the next refresh
  std::string not_kept;     // why none could be written; empty when they were
};

// refresh_from_network() with a Fetcher made from `options`. With `resume`, the store's
// sessions are read first (at request.created) and this refresh's written once the
// Fetcher has closed its connections (no session arrives after that); without it,
// every handshake is a full one and the file is neither read nor written. A file that
// cannot be written fails nothing: the next refresh makes full handshakes.
[[nodiscard]] Result<RefreshReport> refresh_resuming(const Store& store, const StoreLock& lock,
                                                     net::FetchOptions options, bool resume, const Verifier& verifier,
                                                     const RefreshRequest& request,
                                                     const net::ProgressFn& progress = {}, SessionUse* use = nullptr);

}  // namespace eutl::cache
