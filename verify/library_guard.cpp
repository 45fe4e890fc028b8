#include <curl/curl.h>
#include <libxml/parser.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmlsec.h>

#include <atomic>

#include "eutl/library.h"
#include "verify/detail/xmlsec_rsa_pss.h"

namespace eutl {
namespace {
std::atomic<int> g_depth{0};
bool g_ok = false;
}  // namespace

LibraryGuard::LibraryGuard() {
  if (g_depth.fetch_add(1) > 0) {
    m_ok = g_ok;
    return;
  }
  m_owner = true;
  ::curl_global_init(CURL_GLOBAL_DEFAULT);
  ::xmlInitParser();
  // xmlsec: the OpenSSL backend is linked directly (no dynamic crypto loading).
  // Our RSA-PSS transforms join xmlsec's registry here, once per init and before
  // any thread verifies (verify/detail/xmlsec_rsa_pss.h).
  g_ok = ::xmlSecInit() >= 0 && ::xmlSecCheckVersion() == 1 && ::xmlSecCryptoAppInit(nullptr) >= 0 &&
         ::xmlSecCryptoInit() >= 0 && verify::trust::register_rsa_pss_transforms();
  m_ok = g_ok;
}

LibraryGuard::~LibraryGuard() {
  if (g_depth.fetch_sub(1) != 1 || !m_owner) {
    return;
  }
  if (g_ok) {
    ::xmlSecCryptoShutdown();
    ::xmlSecCryptoAppShutdown();
    ::xmlSecShutdown();
  }
  ::xmlCleanupParser();
  ::curl_global_cleanup();
}

}  // namespace eutl
