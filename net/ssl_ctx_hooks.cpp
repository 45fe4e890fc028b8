// The Fetcher's hooks on each connection's SSL_CTX (net/ssl_ctx_hooks.h).
#include "net/ssl_ctx_hooks.h"

#include <openssl/x509.h>
#include <strings.h>
#include <sys/stat.h>

#include "eutl/net/tls_sessions.h"
#include "eutl/tsl/bytes.h"
#include "net/shared_ca_store.h"

namespace eutl::net::detail {
namespace {

// The SSL_CTX ex_data slot holding the hooks. OpenSSL's indexes are process-wide: one
// is taken for the process, on first use (thread-safe static initialisation).
int hooks_index() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

const char* server_name(const SSL* ssl) { return SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name); }

}  // namespace

CURLcode SslCtxHooks::install(CURL* /*easy*/, void* ssl_ctx, void* self) {
  auto* hooks = static_cast<SslCtxHooks*>(self);
  auto* ctx = static_cast<SSL_CTX*>(ssl_ctx);
  if (hooks == nullptr || ctx == nullptr) {
    return CURLE_OK;  // curl's own setup stays: the same trust, no resumption
  }
  if (hooks->m_ca != nullptr && !hooks->m_ca->share_into(ctx)) {
    return CURLE_SSL_CERTPROBLEM;
  }
  if (hooks->m_sessions == nullptr || hooks_index() < 0 || SSL_CTX_set_ex_data(ctx, hooks_index(), hooks) != 1) {
    return CURLE_OK;
  }
  if (const NewSessionFn curls = SSL_CTX_sess_get_new_cb(ctx); curls != &on_new_session) {
    hooks->m_curl_new_session = curls;
  }
  if (const InfoFn curls = SSL_CTX_get_info_callback(ctx); curls != &on_info) {
    hooks->m_curl_info = curls;
  }
  // Client sessions reach the new-session callback only with the client cache mode on
  // (curl sets it, "external storage"); set here too so that ours never depends on it.
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL);
  SSL_CTX_sess_set_new_cb(ctx, &on_new_session);
  SSL_CTX_set_info_callback(ctx, &on_info);
  return CURLE_OK;
}

SslCtxHooks* SslCtxHooks::of(const SSL* ssl) {
  const SSL_CTX* ctx = SSL_get_SSL_CTX(ssl);
  return ctx == nullptr || hooks_index() < 0 ? nullptr
                                             : static_cast<SslCtxHooks*>(SSL_CTX_get_ex_data(ctx, hooks_index()));
}

int SslCtxHooks::on_new_session(SSL* ssl, SSL_SESSION* session) {
  const SslCtxHooks* hooks = of(ssl);
  if (hooks == nullptr) {
    return 0;
  }
  hooks->remember(ssl, session);
  // curl's callback takes its own reference when it keeps the session (returns 1).
  return hooks->m_curl_new_session != nullptr ? hooks->m_curl_new_session(ssl, session) : 0;
}

void SslCtxHooks::on_info(const SSL* ssl, int where, int ret) {
  const SslCtxHooks* hooks = of(ssl);
  if (hooks == nullptr) {
    return;
  }
  if ((where & SSL_CB_HANDSHAKE_START) != 0) {
    // OpenSSL hands the callback a const SSL; the handshake has not built its
    // ClientHello yet, so the session set here is the one it offers.
    hooks->offer(const_cast<SSL*>(ssl));
  }
  if ((where & SSL_CB_HANDSHAKE_DONE) != 0 && SSL_session_reused(ssl) == 1) {
    hooks->m_sessions->count_resumed();
  }
  if (hooks->m_curl_info != nullptr) {
    hooks->m_curl_info(ssl, where, ret);
  }
}

void SslCtxHooks::offer(SSL* ssl) const {
  const char* host = server_name(ssl);
  if (!SSL_in_before(ssl) || SSL_get_session(ssl) != nullptr || host == nullptr) {
    return;  // not a first handshake, or curl resumes a session of its own
  }
  const tsl::Bytes* der = m_sessions->find(host);
  if (der == nullptr) {
    return;
  }
  const SessionPtr session = m_decoder->decode(*der);
  // The name the session records, when the server acknowledged it (RFC 6066 §3; many
  // do not), must be this one; curl checks the session's certificate against it anyway.
  const char* named = session ? SSL_SESSION_get0_hostname(session.get()) : nullptr;
  if (!session || SSL_SESSION_is_resumable(session.get()) != 1 ||
      SSL_SESSION_get0_peer(session.get()) == nullptr || (named != nullptr && ::strcasecmp(named, host) != 0)) {
    m_sessions->forget(host);  // not a session for this name: never offered again
    return;
  }
  (void)SSL_set_session(ssl, session.get());  // takes its own reference
}

void SslCtxHooks::remember(SSL* ssl, SSL_SESSION* session) const {
  const char* host = server_name(ssl);
  if (host == nullptr || SSL_get_verify_result(ssl) != X509_V_OK || SSL_SESSION_is_resumable(session) != 1 ||
      SSL_SESSION_get0_peer(session) == nullptr) {
    return;
  }
  const int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0 || static_cast<std::size_t>(size) > TlsSessions::kMaxSessionBytes) {
    return;
  }
  tsl::Bytes der(static_cast<std::size_t>(size));
  unsigned char* p = der.data();
  if (i2d_SSL_SESSION(session, &p) != size) {
    return;
  }
  const long issued = SSL_SESSION_get_time(session);
  const long lifetime = SSL_SESSION_get_timeout(session);
  m_sessions->keep(host, std::move(der), static_cast<std::int64_t>(issued) + lifetime);
}

std::string trust_digest(const std::string& cacert) {
  struct stat st {};
  std::string identity = "cacert\n" + cacert + "\n";
  if (::stat(cacert.c_str(), &st) == 0) {
    identity += std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " + std::to_string(st.st_mode) + " " +
                std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                std::to_string(st.st_mtim.tv_nsec);
  } else {
    identity += "absent";
  }
  return tsl::to_hex(tsl::sha256(tsl::as_bytes(identity)));
}

}  // namespace eutl::net::detail
