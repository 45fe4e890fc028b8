// A refresh that resumes and keeps TLS sessions (include/eutl/cache/refresh_resuming.h).
#include "eutl/cache/refresh_resuming.h"

#include <optional>

#include "eutl/cache/tls_sessions_file.h"

namespace eutl::cache {

Result<RefreshReport> refresh_resuming(const Store& store, const StoreLock& lock, net::FetchOptions options,
                                       bool resume, const Verifier& verifier, const RefreshRequest& request,
                                       const net::ProgressFn& progress, SessionUse* use) {
  net::TlsSessions sessions;
  if (resume) {
    sessions = read_tls_sessions(store, request.created);
    options.tls_sessions = &sessions;
  }
  const std::size_t read = sessions.size();
  std::optional<net::Fetcher> fetcher(std::in_place, options);
  auto report = refresh_from_network(store, lock, *fetcher, verifier, request, progress);
  fetcher.reset();  // its connections closed: no session arrives after this
  if (resume) {
    auto written = write_tls_sessions(store, sessions);
    if (use != nullptr) {
      *use = SessionUse{read, sessions.resumed(), written ? sessions.size() : 0,
                        written ? std::string() : written.error().message};
    }
  }
  return report;
}

}  // namespace eutl::cache
