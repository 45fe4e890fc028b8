// The store's TLS sessions file (include/eutl/cache/tls_sessions_file.h).
#include "eutl/cache/tls_sessions_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "cache/atomic_file.h"

namespace eutl::cache {

net::TlsSessions read_tls_sessions(const Store& store, tsl::TimePoint now) {
  auto fd = detail::open_file_beneath(store.dir(), kTlsSessionsFile);
  struct stat st {};
  if (!fd || ::fstat(fd->get(), &st) != 0 || st.st_uid != ::geteuid() || (st.st_mode & 077) != 0 ||
      static_cast<std::uint64_t>(st.st_size) > kMaxTlsSessionsFileBytes) {
    return {};
  }
  auto bytes = detail::read_fd(fd->get(), store.dir() / kTlsSessionsFile);
  if (!bytes || bytes->size() > kMaxTlsSessionsFileBytes) {  // grown since fstat
    return {};
  }
  return net::TlsSessions::from_text(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                     now);
}

Result<void> write_tls_sessions(const Store& store, const net::TlsSessions& sessions) {
  const std::string text = sessions.to_text();
  return detail::write_file_atomically(store.dir(), kTlsSessionsFile, tsl::as_bytes(text),
                                       detail::FileRole::kPrivateCache);
}

}  // namespace eutl::cache
