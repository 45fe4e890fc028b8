// The CA certificates of a chain as the pointers a QualificationRequest (and an
// evidence input) holds: the one place that view is built.
#pragma once

#include <vector>

#include "eutl/verify/certificate_profile.h"

namespace eutl::verify {

// Pointers to each element of `chain`, in order; valid while `chain` is neither
// destroyed nor resized.
[[nodiscard]] inline std::vector<const CertificateProfile*> chain_pointers(const std::vector<CertificateProfile>& chain) {
  std::vector<const CertificateProfile*> out;
  out.reserve(chain.size());
  for (const auto& c : chain) {
    out.push_back(&c);
  }
  return out;
}

}  // namespace eutl::verify
