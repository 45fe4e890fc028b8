// Finding the listed service(s) whose key verifies the certificate, directly or
// through CA certificates given with --chain. Internal to verify/.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

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

namespace detail {

struct AnchorSearch final {
  std::vector<std::uint32_t> services;  // deduplicated, in discovery order
  std::size_t depth = 0;                // 0: the certificate's issuer is listed
};

AnchorSearch find_anchors(const tsl::ServiceIndex& index, QualificationEngine::KeyCache& cache,
                          const CertificateProfile& cert, const std::vector<const CertificateProfile*>& chain,
                          Trace& trace);

}  // namespace detail
}  // namespace eutl::verify
