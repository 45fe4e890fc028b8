// libcurl, loaded with dlopen() the first time a transfer is set up, not linked.
//
// Why: libcurl brings about twenty shared libraries (nghttp2, ssh2, rtmp, gnutls,
// kerberos, ldap, sasl, p11-kit, ...) whose loading, relocation and constructors cost
// every `eutl` process several milliseconds at start-up, a warm `eutl check` included,
// although only the commands that download use them. The eutl binary therefore has no
// DT_NEEDED entry for libcurl; the package must depend on libcurl4 (SONAME
// libcurl.so.4) explicitly.
//
// Only the entry points net/ uses are resolved. Every call goes through curl(), which
// is valid once load_curl() (called by net::ensure_curl()) returned true.
#pragma once

#include <curl/curl.h>

namespace eutl::net::detail {

struct CurlLibrary final {
  CURLcode (*global_init)(long flags) = nullptr;
  void (*global_cleanup)() = nullptr;
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL* handle) = nullptr;
  CURLcode (*easy_setopt)(CURL* handle, CURLoption option, ...) = nullptr;
  CURLcode (*easy_getinfo)(CURL* handle, CURLINFO info, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode code) = nullptr;
  CURLM* (*multi_init)() = nullptr;
  CURLMcode (*multi_cleanup)(CURLM* multi) = nullptr;
  CURLMcode (*multi_add_handle)(CURLM* multi, CURL* handle) = nullptr;
  CURLMcode (*multi_remove_handle)(CURLM* multi, CURL* handle) = nullptr;
  CURLMcode (*multi_perform)(CURLM* multi, int* running) = nullptr;
  CURLMcode (*multi_poll)(CURLM* multi, curl_waitfd extra[], unsigned int extra_count, int timeout_ms,
                          int* numfds) = nullptr;
  CURLMsg* (*multi_info_read)(CURLM* multi, int* left) = nullptr;
  curl_slist* (*slist_append)(curl_slist* list, const char* value) = nullptr;
  void (*slist_free_all)(curl_slist* list) = nullptr;
  curl_version_info_data* (*version_info)(CURLversion version) = nullptr;
};

// Whether GnuTLS, which Debian's libcurl4 brings in through librtmp and libldap, may
// initialise itself as it is loaded (see net::ensure_curl_without_gnutls_init()).
enum class GnutlsInit { kOnLoad, kSkipWhenAlone };

// Loads libcurl.so.4 and resolves every entry point, once per process (thread-safe: the
// first call decides `gnutls`); false, with the reason in `why` when given, when the
// library or one of its entry points is missing. The library stays loaded until the
// process exits.
bool load_curl(const char** why = nullptr, GnutlsInit gnutls = GnutlsInit::kOnLoad);

// True when the calling process runs this one thread (proc(5), /proc/self/stat: field
// 20, num_threads, counted after the parenthesised command name, which may hold spaces
// and parentheses); false when that cannot be told.
bool process_has_one_thread();

// The entry points. Precondition: load_curl() returned true.
const CurlLibrary& curl();

}  // namespace eutl::net::detail
