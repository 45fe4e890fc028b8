// Process-wide initialisation of libcurl (curl_global_init is not thread-safe, so it
// happens once, under a lock, when the first transfer is set up: ensure_curl()).
// eutl::LibraryGuard holds one; the outermost guard cleans up what was initialised.
// Nested guards are harmless.
#pragma once

namespace eutl::net {

class NetGuard final {
 public:
  NetGuard();
  ~NetGuard();
  NetGuard(const NetGuard&) = delete;
  NetGuard& operator=(const NetGuard&) = delete;

 private:
  bool m_owner = false;
};

// Initialises libcurl if nothing did yet; false when it cannot be. Called by the
// fetcher before its first transfer.
bool ensure_curl();

}  // namespace eutl::net
