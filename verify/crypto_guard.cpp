#include "eutl/verify/crypto_guard.h"

#include <libxml/parser.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmlsec.h>

#include <atomic>
#include <mutex>

#include "verify/detail/xmlsec_rsa_pss.h"
#include "verify/detail/xmlsec_verify.h"

namespace eutl::verify {
namespace {
std::atomic<int> g_depth{0};
std::mutex g_xmlsec_mutex;
bool g_xmlsec_tried = false;  // under g_xmlsec_mutex
std::atomic<bool> g_xmlsec_ok{false};
}  // namespace

namespace trust {

// xmlsec (and, through its OpenSSL backend, OpenSSL's configuration) is set up the
// first time a signature is verified, not at start-up: a warm `eutl check`, which
// verifies no list signature, never pays for it. Our RSA-PSS transforms join xmlsec's
// registry here, once, before the first verification uses it
// (verify/detail/xmlsec_rsa_pss.h).
bool ensure_xmlsec() {
  if (g_xmlsec_ok.load(std::memory_order_acquire)) {
    return true;
  }
  std::lock_guard lock(g_xmlsec_mutex);
  if (!g_xmlsec_tried) {
    g_xmlsec_tried = true;
    // xmlsec: the OpenSSL backend is linked directly (no dynamic crypto loading).
    g_xmlsec_ok = ::xmlSecInit() >= 0 && ::xmlSecCheckVersion() == 1 && ::xmlSecCryptoAppInit(nullptr) >= 0 &&
                  ::xmlSecCryptoInit() >= 0 && register_rsa_pss_transforms();
  }
  return g_xmlsec_ok.load();
}

}  // namespace trust

CryptoGuard::CryptoGuard() {
  if (g_depth.fetch_add(1) > 0) {
    return;
  }
  m_owner = true;
  ::xmlInitParser();  // before any thread parses (libxml2's rule); cheap
}

bool CryptoGuard::ok() const noexcept { return trust::ensure_xmlsec(); }

CryptoGuard::~CryptoGuard() {
  if (g_depth.fetch_sub(1) != 1 || !m_owner) {
    return;
  }
  std::lock_guard lock(g_xmlsec_mutex);
  if (g_xmlsec_ok) {
    ::xmlSecCryptoShutdown();
    ::xmlSecCryptoAppShutdown();
    ::xmlSecShutdown();
  }
  g_xmlsec_ok = false;
  g_xmlsec_tried = false;
  ::xmlCleanupParser();
}

}  // namespace eutl::verify
