// libcurl loaded on first use (net/curl_library.h).
#include "net/curl_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>

namespace eutl::net::detail {
namespace {

// The SONAME of libcurl 7.16 and later (every libcurl with the API used here).
constexpr const char* kCurlSoname = "libcurl.so.4";

struct Loaded final {
  CurlLibrary api;
  bool ok = false;
  const char* why = "libcurl not loaded yet";
};

// Process-wide by nature: a shared library is loaded once per process. Filled once
// under std::call_once, read-only afterwards.
Loaded g_loaded;
std::once_flag g_once;

// GnuTLS initialises itself as it is loaded (its library constructor calls
// gnutls_global_init) unless this is set to 1 in the environment then.
constexpr const char* kGnutlsNoImplicitInit = "GNUTLS_NO_IMPLICIT_INIT";

}  // namespace

bool process_has_one_thread() {
  std::ifstream in("/proc/self/stat");
  const std::string stat{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::size_t pos = stat.rfind(')');
  if (pos == std::string::npos) {
    return false;
  }
  for (int field = 3; field <= 20 && pos != std::string::npos; ++field) {
    pos = stat.find(' ', pos + 1);  // the space before `field`
  }
  return pos != std::string::npos && stat.compare(pos + 1, 2, "1 ") == 0;
}

namespace {

// dlopen() of libcurl; with `quiet_gnutls`, and when setenv() cannot race with another
// thread's getenv(), with GnuTLS's implicit initialisation turned off for the duration.
void* open_curl(bool quiet_gnutls) {
  const bool set_here = quiet_gnutls && std::getenv(kGnutlsNoImplicitInit) == nullptr && process_has_one_thread() &&
                        ::setenv(kGnutlsNoImplicitInit, "1", 0) == 0;
  // RTLD_LAZY: function symbols of libcurl and its dependencies are bound at their first
  // call, as when linked (RTLD_NOW cost a 304 fetch 4 M instructions more). RTLD_LOCAL:
  // their symbols stay out of the global scope.
  void* lib = ::dlopen(kCurlSoname, RTLD_LAZY | RTLD_LOCAL);
  if (set_here) {
    ::unsetenv(kGnutlsNoImplicitInit);  // nothing else, a child process included, sees it
  }
  return lib;
}

template <class Fn>
bool resolve(void* lib, Fn& slot, const char* name) {
  void* sym = ::dlsym(lib, name);
  if (sym == nullptr) {
    return false;
  }
  slot = reinterpret_cast<Fn>(sym);
  return true;
}

void load_once(bool quiet_gnutls) {
  void* lib = open_curl(quiet_gnutls);
  if (lib == nullptr) {
    g_loaded.why = "libcurl (libcurl.so.4) cannot be loaded: install libcurl4";
    return;
  }
  CurlLibrary& a = g_loaded.api;
  const bool all = resolve(lib, a.global_init, "curl_global_init") &&
                   resolve(lib, a.global_cleanup, "curl_global_cleanup") &&
                   resolve(lib, a.easy_init, "curl_easy_init") && resolve(lib, a.easy_cleanup, "curl_easy_cleanup") &&
                   resolve(lib, a.easy_setopt, "curl_easy_setopt") &&
                   resolve(lib, a.easy_getinfo, "curl_easy_getinfo") &&
                   resolve(lib, a.easy_strerror, "curl_easy_strerror") &&
                   resolve(lib, a.multi_init, "curl_multi_init") &&
                   resolve(lib, a.multi_cleanup, "curl_multi_cleanup") &&
                   resolve(lib, a.multi_add_handle, "curl_multi_add_handle") &&
                   resolve(lib, a.multi_remove_handle, "curl_multi_remove_handle") &&
                   resolve(lib, a.multi_perform, "curl_multi_perform") &&
                   resolve(lib, a.multi_poll, "curl_multi_poll") &&
                   resolve(lib, a.multi_info_read, "curl_multi_info_read") &&
                   resolve(lib, a.slist_append, "curl_slist_append") &&
                   resolve(lib, a.slist_free_all, "curl_slist_free_all") &&
                   resolve(lib, a.version_info, "curl_version_info");
  if (!all) {
    // curl_multi_poll is the newest of them (libcurl 7.66).
    g_loaded.why = "libcurl.so.4 is too old (7.66 or later is needed)";
    ::dlclose(lib);
    return;
  }
  g_loaded.ok = true;
  g_loaded.why = "";
}

}  // namespace

bool load_curl(const char** why, GnutlsInit gnutls) {
  std::call_once(g_once, load_once, gnutls == GnutlsInit::kSkipWhenAlone);
  if (why != nullptr) {
    *why = g_loaded.why;
  }
  return g_loaded.ok;
}

const CurlLibrary& curl() { return g_loaded.api; }

}  // namespace eutl::net::detail
