// Reading back a TLS session kept by an earlier fetch (include/eutl/net/tls_sessions.h)
// without decoding its certificate's public key.
//
// A client session (OpenSSL's SSL_SESSION DER) carries the server's certificate, and
// OpenSSL 3.0 decodes the key of every certificate it reads through its provider
// decoders: about 1.2 M instructions a certificate, most of what a resumed handshake
// costs the client. A resumed handshake never uses that key: the server proves itself
// with the pre-shared key the earlier, fully verified handshake established, and sends
// neither Certificate nor CertificateVerify (RFC 8446 §2.2, §4.6.1; RFC 5077 §3.1 for
// TLS 1.2). What the certificate is still read for is its names and dates: curl checks
// the host name against it (RFC 6125) as it checks a presented one.
//
// So the session is read under a library context that has OpenSSL's null provider only
// (no decoders): the certificate's key is left undecoded, and any later use of it fails
// (X509_get0_pubkey returns null) instead of using a key nobody checked. Should the
// server refuse the session, the handshake is a full one and the new session's
// certificate is verified and decoded as usual, under the process's own context.
#pragma once

#include <openssl/provider.h>
#include <openssl/ssl.h>

#include "eutl/tsl/bytes.h"
#include "tsl/detail/c_handle.h"

namespace eutl::net::detail {

using SessionPtr = eutl::detail::CHandle<SSL_SESSION, SSL_SESSION_free>;

class SessionDecoder final {
 public:
  SessionDecoder();
  SessionDecoder(const SessionDecoder&) = delete;
  SessionDecoder& operator=(const SessionDecoder&) = delete;

  // The session `der` holds, all of it read; null when it is not one.
  [[nodiscard]] SessionPtr decode(tsl::ByteView der) const;

 private:
  using ProviderPtr = eutl::detail::CHandle<OSSL_PROVIDER, OSSL_PROVIDER_unload>;
  using LibCtxPtr = eutl::detail::CHandle<OSSL_LIB_CTX, OSSL_LIB_CTX_free>;

  LibCtxPtr m_keyless;  // null when it could not be made: sessions are then read as usual
  ProviderPtr m_null;   // unloaded before the context is freed (members go in reverse)
};

}  // namespace eutl::net::detail
