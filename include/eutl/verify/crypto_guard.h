// Process-wide initialisation of libxml2, xmlsec (OpenSSL backend) and OpenSSL: what
// parsing and signature verification need. libxml2 is set up by the constructor;
// xmlsec the first time a signature is verified (or ok() is asked), so a process that
// verifies no signature (a warm `eutl check`) never pays for it. eutl::LibraryGuard (eutl/library.h) holds
// one, plus the network set-up; a program that only parses and verifies (a fuzz
// target) may hold this one alone. Nested guards are harmless: only the outermost
// initialises and cleans up.
#pragma once

namespace eutl::verify {

class CryptoGuard final {
 public:
  CryptoGuard();
  ~CryptoGuard();
  CryptoGuard(const CryptoGuard&) = delete;
  CryptoGuard& operator=(const CryptoGuard&) = delete;

  // False when xmlsec could not be initialised; signature checks then fail with kCrypto.
  // Initialises it now if nothing did yet.
  bool ok() const noexcept;

 private:
  bool m_owner = false;
};

}  // namespace eutl::verify
