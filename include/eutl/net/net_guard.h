// Process-wide initialisation of libcurl (curl_global_init is not thread-safe, so it
// happens once, before any Fetcher runs). eutl::LibraryGuard holds one. Nested guards
// are harmless: only the outermost initialises and cleans up.
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

}  // namespace eutl::net
