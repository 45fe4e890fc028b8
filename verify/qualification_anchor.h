// The issuer-key cache of QualificationEngine, read by the ISSUER-KEY rule
// (verify/rules/issuer_key.cpp). Internal to verify/.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "eutl/verify/qualification.h"
#include "verify/certificate_native.h"

namespace eutl::verify {

// Decoded public keys of index anchors, decoded lazily on first use.
struct QualificationEngine::KeyCache final {
  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<EVP_PKEY>> keys;
  // Signature results are a pure function of (certificate bytes, anchor key): memoised,
  // bounded, keyed by the certificate's SHA-256 and the anchor id.
  std::unordered_map<std::string, bool> verified;
  static constexpr std::size_t kMaxVerified = 1 << 16;
};

}  // namespace eutl::verify
