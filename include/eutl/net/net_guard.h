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

// ensure_curl(), for a program that never uses GnuTLS itself (the `eutl` command line,
// before `fetch` and `serve` start their work): the first call loads libcurl without
// letting GnuTLS initialise itself as it is loaded. Debian's libcurl4 (OpenSSL flavour)
// depends on GnuTLS through librtmp and libldap; the library constructor of GnuTLS 3.7
// calls gnutls_global_init, about 2 ms of CPU (an `eutl fetch` of the 2026 EU set in
// which every list answers 304: -2.2 +- 1.6 ms over 120 alternating pairs), for nothing:
// transfers here are HTTP(S) through OpenSSL, and librtmp and libldap call
// gnutls_global_init themselves before any use of GnuTLS.
// GnuTLS skips it when GNUTLS_NO_IMPLICIT_INIT=1 is in the environment as it is loaded;
// this sets the variable for the dlopen() alone and removes it afterwards, so neither
// the program nor a child process sees it. Only when that is safe: setenv() is not
// thread-safe, so with a second thread running, the variable already set, GnuTLS
// already loaded, or libcurl already loaded, this is ensure_curl() and nothing else.
bool ensure_curl_without_gnutls_init();

}  // namespace eutl::net
