#include "eutl/net/net_guard.h"

#include <curl/curl.h>

#include <atomic>
#include <mutex>

#include "net/curl_library.h"

namespace eutl::net {
namespace {
std::atomic<int> g_depth{0};
std::mutex g_mutex;
bool g_initialised = false;  // under g_mutex
}  // namespace

// curl_global_init is not thread-safe with respect to other curl calls: it runs here,
// under a lock, the first time a transfer is set up, so a command that never downloads
// (check, verify, list) never loads libcurl (net/curl_library.h), nor its TLS and
// name-resolution set-up.
namespace {
bool ensure_curl_loaded(detail::GnutlsInit gnutls) {
  std::lock_guard lock(g_mutex);
  if (!g_initialised && detail::load_curl(nullptr, gnutls)) {
    g_initialised = detail::curl().global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  }
  return g_initialised;
}
}  // namespace

bool ensure_curl() { return ensure_curl_loaded(detail::GnutlsInit::kOnLoad); }

bool ensure_curl_without_gnutls_init() { return ensure_curl_loaded(detail::GnutlsInit::kSkipWhenAlone); }

NetGuard::NetGuard() {
  if (g_depth.fetch_add(1) == 0) {
    m_owner = true;
  }
}

NetGuard::~NetGuard() {
  if (g_depth.fetch_sub(1) == 1 && m_owner) {
    std::lock_guard lock(g_mutex);
    if (g_initialised) {
      detail::curl().global_cleanup();
      g_initialised = false;
    }
  }
}

}  // namespace eutl::net
