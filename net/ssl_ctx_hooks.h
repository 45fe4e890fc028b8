// What a Fetcher adds to each connection's SSL_CTX through CURLOPT_SSL_CTX_FUNCTION:
// the shared CA store (net/shared_ca_store.h) and the TLS sessions kept between fetches
// (include/eutl/net/tls_sessions.h).
//
// curl 7.88 has no way to be handed a session, so the hooks work at OpenSSL's level on
// the SSL_CTX curl made for the connection, before the handshake:
//   - at the start of the handshake (the info callback, SSL_CB_HANDSHAKE_START, before
//     the ClientHello is built), a connection curl has no session for is given the one
//     kept for its server name (SSL_set_session);
//   - each new session the server sends is kept for that name when the peer verified
//     (SSL_get_verify_result), then handed on to curl's own callback, which curl had
//     set before, so curl's in-process cache works as before.
// Installed only when curl runs on this process's OpenSSL (curl_uses_our_openssl()).
#pragma once

#include <curl/curl.h>
#include <openssl/ssl.h>

#include <optional>
#include <string>

#include "net/session_decoder.h"

namespace eutl::net {
class TlsSessions;
}

namespace eutl::net::detail {

class SharedCaStore;

class SslCtxHooks final {
 public:
  // Either may be null; the pointees outlive every connection of the Fetcher.
  SslCtxHooks(const SharedCaStore* ca, TlsSessions* sessions) : m_ca(ca), m_sessions(sessions) {
    if (sessions != nullptr) {
      m_decoder.emplace();
    }
  }
  SslCtxHooks(const SslCtxHooks&) = delete;
  SslCtxHooks& operator=(const SslCtxHooks&) = delete;

  // CURLOPT_SSL_CTX_FUNCTION, with the SslCtxHooks as CURLOPT_SSL_CTX_DATA: called by
  // curl once per connection, after it set up `ssl_ctx` and before the handshake.
  static CURLcode install(CURL* easy, void* ssl_ctx, void* self);

 private:
  using NewSessionFn = int (*)(SSL*, SSL_SESSION*);
  using InfoFn = void (*)(const SSL*, int, int);

  static SslCtxHooks* of(const SSL* ssl);
  static int on_new_session(SSL* ssl, SSL_SESSION* session);
  static void on_info(const SSL* ssl, int where, int ret);
  void offer(SSL* ssl) const;
  void remember(SSL* ssl, SSL_SESSION* session) const;

  const SharedCaStore* m_ca;
  TlsSessions* m_sessions;
  std::optional<SessionDecoder> m_decoder;  // with m_sessions: reads the kept sessions back
  // curl's callbacks on the SSL_CTX before ours (the same functions for every
  // connection), called from ours.
  NewSessionFn m_curl_new_session = nullptr;
  InfoFn m_curl_info = nullptr;
};

// A digest of the CA setting `cacert` names (its path, and the identity, size and
// modification time of the file or directory): TlsSessions::bind_trust() drops the
// sessions kept under any other, so a changed trust setting is never bypassed by
// resuming a session verified under the old one.
std::string trust_digest(const std::string& cacert);

}  // namespace eutl::net::detail
