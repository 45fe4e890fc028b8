// One X509_STORE over a hashed CA directory (net/ca_store.h) for every connection of a
// Fetcher.
//
// Why: curl 7.88 builds an SSL_CTX, and with it a new X509_STORE, for each connection.
// With CURLOPT_CAPATH that store only names the directory, so each handshake reads and
// decodes again the CA certificate it needs (about 1.5 M instructions with OpenSSL 3.0's
// decoders), although a fetch of the EU set meets the same few roots over and over. A
// store shared by the connections keeps what its directory lookup loaded: each CA file
// is read once per fetch. (For a PEM bundle curl already keeps one store per multi
// handle, CURLOPT_CA_CACHE_TIMEOUT.)
//
// Trust is unchanged: the same directory, and the verification flags of the store curl
// set up for the connection (TRUSTED_FIRST, PARTIAL_CHAIN) copied onto the shared one;
// peer and host name verification stay curl's.
#pragma once

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <string>

#include "tsl/detail/c_handle.h"

namespace eutl::net::detail {

class SharedCaStore final {
 public:
  // The store over `dir`; null when curl's TLS library is not the OpenSSL eutl runs
  // with (an SSL_CTX of another library, or of another OpenSSL, must not be handed an
  // X509_STORE of ours) or when the store cannot be made. Precondition: libcurl loaded.
  static std::unique_ptr<SharedCaStore> over_directory(const std::string& dir);

  // Gives `ctx`, which curl set up for one connection (net/ssl_ctx_hooks.h), this
  // store with the verification flags curl gave its own. False when they cannot be
  // copied: the connection must then fail rather than verify otherwise.
  [[nodiscard]] bool share_into(SSL_CTX* ctx) const;

 private:
  explicit SharedCaStore(X509_STORE* store) : m_store(store) {}

  eutl::detail::CHandle<X509_STORE, X509_STORE_free> m_store;
};

// True when libcurl's TLS library is the OpenSSL this process runs with (same version).
bool curl_uses_our_openssl();

}  // namespace eutl::net::detail
