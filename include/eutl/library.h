// Process-wide initialisation of everything the library uses: libxml2, xmlsec
// (OpenSSL backend) and OpenSSL (verify::CryptoGuard), and libcurl (net::NetGuard).
//
// Exactly one LibraryGuard lives for as long as the library is used:
// the CLI and the test runner each create one in main(). Creating a second one while
// the first lives is harmless; only the outermost initialises and cleans up.
#pragma once

#include "eutl/net/net_guard.h"
#include "eutl/verify/crypto_guard.h"

namespace eutl {

class LibraryGuard final {
 public:
  LibraryGuard() = default;

  // False when xmlsec could not be initialised; signature checks then fail with kCrypto.
  bool ok() const noexcept { return m_crypto.ok(); }

 private:
  net::NetGuard m_net;  // curl first: it may use OpenSSL, whose set-up it leaves alone
  verify::CryptoGuard m_crypto;
};

}  // namespace eutl
