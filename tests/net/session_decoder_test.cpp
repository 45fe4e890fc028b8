// A kept TLS session read back without decoding its certificate's key
// (net/session_decoder.h): the names curl checks are there, the key is not, and the
// process's own library context is back in place afterwards.
#include "net/session_decoder.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include <string>
#include <vector>

#include "eutl/net/fetcher.h"
#include "eutl/net/net_guard.h"
#include "eutl/net/tls_sessions.h"
#include "tests/support/https_server.h"

namespace eutl::net::detail {
namespace {

// The process's own default library context is the one in force on this thread.
bool own_context_in_force() {
  // OSSL_LIB_CTX_set0_default(nullptr) changes nothing and returns the one in force.
  return OSSL_LIB_CTX_set0_default(nullptr) == OSSL_LIB_CTX_get0_global_default();
}

using MdPtr = eutl::detail::CHandle<EVP_MD, EVP_MD_free>;

class SessionDecoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_server.set_route("/l.xml", {"<x/>", test::Fault::kNone});
    TlsSessions sessions;
    FetchOptions o;
    o.cacert = m_server.ca_file().string();
    o.connect_to = {":443:127.0.0.1:" + std::to_string(m_server.port())};
    o.max_retries = 0;
    o.tls_sessions = &sessions;
    Fetcher fetcher(o);
    const FetchResponse r = fetcher.fetch_all({FetchRequest{"https://a.example/l.xml", "", ""}}).at(0);
    ASSERT_EQ(r.status, FetchStatus::kOk) << r.error;
    ASSERT_NE(sessions.find("a.example"), nullptr);
    m_der = *sessions.find("a.example");
  }

  NetGuard m_guard;
  test::HttpsServer m_server{std::vector<std::string>{"a.example"}};
  tsl::Bytes m_der;
};

TEST_F(SessionDecoderTest, KeepsTheCertificateNamesAndLeavesItsKeyUndecoded) {
  ERR_clear_error();
  const SessionDecoder decoder;
  const SessionPtr session = decoder.decode(m_der);
  ASSERT_TRUE(session);
  EXPECT_EQ(SSL_SESSION_is_resumable(session.get()), 1);
  X509* peer = SSL_SESSION_get0_peer(session.get());
  ASSERT_NE(peer, nullptr);
  EXPECT_EQ(X509_check_host(peer, "a.example", 0, 0, nullptr), 1);  // what curl checks
  EXPECT_EQ(X509_check_host(peer, "b.example", 0, 0, nullptr), 0);
  EXPECT_EQ(X509_get0_pubkey(peer), nullptr);  // never used, never trusted
  ERR_clear_error();                           // X509_get0_pubkey's own complaint
  EXPECT_TRUE(own_context_in_force());

  // Read as OpenSSL reads it by default, the same session decodes the key.
  const unsigned char* p = m_der.data();
  const SessionPtr usual(d2i_SSL_SESSION(nullptr, &p, static_cast<long>(m_der.size())));
  ASSERT_TRUE(usual);
  EXPECT_NE(X509_get0_pubkey(SSL_SESSION_get0_peer(usual.get())), nullptr);
}

TEST_F(SessionDecoderTest, LeavesNoErrorAndTheProcessContextInPlace) {
  ERR_clear_error();
  const SessionDecoder decoder;
  ASSERT_TRUE(decoder.decode(m_der));
  EXPECT_EQ(ERR_peek_error(), 0ul);
  EXPECT_TRUE(own_context_in_force());
  const MdPtr sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));  // the default provider is back
  EXPECT_TRUE(sha256);
}

TEST_F(SessionDecoderTest, RefusesWhatIsNotOneWholeSession) {
  const SessionDecoder decoder;
  tsl::Bytes longer = m_der;
  longer.push_back(0);
  tsl::Bytes shorter(m_der.begin(), m_der.end() - 1);
  tsl::Bytes flipped = m_der;
  flipped[0] ^= 0xff;
  for (const tsl::Bytes& bad : {longer, shorter, flipped, tsl::Bytes{}}) {
    EXPECT_FALSE(decoder.decode(bad)) << bad.size() << " bytes";
    EXPECT_TRUE(own_context_in_force());
  }
}

}  // namespace
}  // namespace eutl::net::detail
