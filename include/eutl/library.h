// Process-wide initialisation of libxml2, xmlsec (OpenSSL backend), OpenSSL and libcurl.
//
// Exactly one LibraryGuard lives for as long as the library is used:
// the CLI and the test runner each create one in main(). Creating a second one while
// the first lives is harmless; only the outermost initialises and cleans up.
#pragma once

#include "eutl/result.h"

namespace eutl {

class LibraryGuard final {
 public:
  LibraryGuard();
  ~LibraryGuard();
  LibraryGuard(const LibraryGuard&) = delete;
  LibraryGuard& operator=(const LibraryGuard&) = delete;

  // False when xmlsec could not be initialised; signature checks then fail with kCrypto.
  bool ok() const noexcept { return m_ok; }

 private:
  bool m_ok = false;
  bool m_owner = false;
};

}  // namespace eutl
