#include "eutl/net/net_guard.h"

#include <curl/curl.h>

#include <atomic>

namespace eutl::net {
namespace {
std::atomic<int> g_depth{0};
}  // namespace

NetGuard::NetGuard() {
  if (g_depth.fetch_add(1) == 0) {
    m_owner = true;
    ::curl_global_init(CURL_GLOBAL_DEFAULT);
  }
}

NetGuard::~NetGuard() {
  if (g_depth.fetch_sub(1) == 1 && m_owner) {
    ::curl_global_cleanup();
  }
}

}  // namespace eutl::net
