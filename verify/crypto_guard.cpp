#include "eutl/verify/crypto_guard.h"

#include <libxml/parser.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmlsec.h>

#include <atomic>

#include "verify/detail/xmlsec_rsa_pss.h"

namespace eutl::verify {
namespace {
std::atomic<int> g_depth{0};
bool g_ok = false;
}  // namespace

CryptoGuard::CryptoGuard() {
  if (g_depth.fetch_add(1) > 0) {
    m_ok = g_ok;
    return;
  }
  m_owner = true;
  ::xmlInitParser();
  // xmlsec: the OpenSSL backend is linked directly (no dynamic crypto loading).
  // Our RSA-PSS transforms join xmlsec's registry here, once per init and before
  // any thread verifies (verify/detail/xmlsec_rsa_pss.h).
  g_ok = ::xmlSecInit() >= 0 && ::xmlSecCheckVersion() == 1 && ::xmlSecCryptoAppInit(nullptr) >= 0 &&
         ::xmlSecCryptoInit() >= 0 && trust::register_rsa_pss_transforms();
  m_ok = g_ok;
}

CryptoGuard::~CryptoGuard() {
  if (g_depth.fetch_sub(1) != 1 || !m_owner) {
    return;
  }
  if (g_ok) {
    ::xmlSecCryptoShutdown();
    ::xmlSecCryptoAppShutdown();
    ::xmlSecShutdown();
  }
  ::xmlCleanupParser();
}

}  // namespace eutl::verify
