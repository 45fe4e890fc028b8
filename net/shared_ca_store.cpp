// One X509_STORE over a hashed CA directory for every connection of a Fetcher
// (net/shared_ca_store.h).
#include "net/shared_ca_store.h"

#include <openssl/crypto.h>
#include <openssl/x509.h>

#include <string_view>

#include "net/curl_library.h"

namespace eutl::net::detail {

bool curl_uses_our_openssl() {
  const curl_version_info_data* info = curl().version_info(CURLVERSION_NOW);
  if (info == nullptr || info->ssl_version == nullptr) {
    return false;
  }
  // curl names its TLS library "OpenSSL/3.0.19"; OpenSSL its own version "3.0.19".
  constexpr std::string_view kPrefix = "OpenSSL/";
  const std::string_view theirs(info->ssl_version);
  return theirs.size() > kPrefix.size() && theirs.substr(0, kPrefix.size()) == kPrefix &&
         theirs.substr(kPrefix.size()) == OpenSSL_version(OPENSSL_VERSION_STRING);
}

std::unique_ptr<SharedCaStore> SharedCaStore::over_directory(const std::string& dir) {
  if (dir.empty() || !curl_uses_our_openssl()) {
    return nullptr;
  }
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) {
    return nullptr;
  }
  std::unique_ptr<SharedCaStore> shared(new SharedCaStore(store));
  if (X509_STORE_load_path(store, dir.c_str()) != 1) {
    return nullptr;
  }
  return shared;
}

bool SharedCaStore::share_into(SSL_CTX* ctx) const {
  // The flags curl gave this connection's store, so that the shared one verifies as
  // curl would have.
  const X509_STORE* curls = SSL_CTX_get_cert_store(ctx);
  if (curls == nullptr ||
      X509_VERIFY_PARAM_set1(X509_STORE_get0_param(m_store.get()), X509_STORE_get0_param(curls)) != 1) {
    return false;
  }
  SSL_CTX_set1_cert_store(ctx, m_store.get());
  return true;
}

}  // namespace eutl::net::detail
