// A kept TLS session read back without decoding its certificate's key
// (net/session_decoder.h).
#include "net/session_decoder.h"

#include <openssl/err.h>

namespace eutl::net::detail {
namespace {

// Makes `ctx` this thread's default library context until destroyed (OpenSSL 3.0 reads
// a session's certificate under the default context: d2i_SSL_SESSION has no _ex form).
class DefaultContext final {
 public:
  explicit DefaultContext(OSSL_LIB_CTX* ctx) : m_previous(ctx != nullptr ? OSSL_LIB_CTX_set0_default(ctx) : nullptr) {}
  ~DefaultContext() {
    if (m_previous != nullptr) {
      (void)OSSL_LIB_CTX_set0_default(m_previous);
    }
  }
  DefaultContext(const DefaultContext&) = delete;
  DefaultContext& operator=(const DefaultContext&) = delete;

 private:
  OSSL_LIB_CTX* m_previous;
};

}  // namespace

SessionDecoder::SessionDecoder() : m_keyless(OSSL_LIB_CTX_new()) {
  // A context with a provider loaded explicitly never falls back to the default one.
  if (m_keyless) {
    m_null.reset(OSSL_PROVIDER_load(m_keyless.get(), "null"));
  }
  if (!m_null) {
    m_keyless.reset();
  }
}

SessionPtr SessionDecoder::decode(tsl::ByteView der) const {
  const unsigned char* p = der.data();
  SessionPtr session;
  {
    const DefaultContext keyless(m_keyless.get());
    ERR_set_mark();
    session.reset(d2i_SSL_SESSION(nullptr, &p, static_cast<long>(der.size())));
    (void)ERR_pop_to_mark();  // the key left undecoded is not an error of the connection
  }
  if (p != der.data() + der.size()) {
    session.reset();
  }
  return session;
}

}  // namespace eutl::net::detail
