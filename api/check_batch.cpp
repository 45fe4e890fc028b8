#include "eutl/check_batch.h"

#include <utility>

namespace eutl {

std::vector<CheckSubject> subjects_of(const std::string& source,
                                      std::vector<verify::CertificateProfile> certificates, BundleRule rule) {
  std::vector<CheckSubject> out;
  if (certificates.empty()) {
    return out;
  }
  if (rule == BundleRule::kFullchain) {
    CheckSubject s{source, 1, std::move(certificates.front()), {}};
    s.chain.assign(std::make_move_iterator(certificates.begin() + 1), std::make_move_iterator(certificates.end()));
    out.push_back(std::move(s));
    return out;
  }
  out.reserve(certificates.size());
  for (std::size_t i = 0; i < certificates.size(); ++i) {
    out.push_back(CheckSubject{source, i + 1, std::move(certificates[i]), {}});
  }
  return out;
}

// Sequential on purpose: a decision against loaded lists takes a few microseconds
// (bench/check_batch.sh: p50 about 1.5 µs on the 93 real certificates), far below the
// cost of loading the lists once, so threads would not pay for themselves.
std::vector<Result<verify::QualificationResult>> check_batch(const TrustedLists& lists,
                                                             std::span<const CheckSubject> subjects,
                                                             const CheckBatchRequest& request) {
  std::vector<Result<verify::QualificationResult>> out;
  out.reserve(subjects.size());
  for (const auto& s : subjects) {
    if (request.chain.empty()) {
      out.push_back(lists.check(s.certificate, s.chain, request.at, request.claim));
      continue;
    }
    std::vector<verify::CertificateProfile> chain = s.chain;
    chain.insert(chain.end(), request.chain.begin(), request.chain.end());
    out.push_back(lists.check(s.certificate, chain, request.at, request.claim));
  }
  return out;
}

namespace {

// Rank of an exit code in the batch order; unknown codes count as "could not run".
int severity(int code) noexcept {
  switch (code) {
    case 0: return 0;
    case 1: return 1;
    case 3: return 2;
    case 2: return 3;
    default: return 4;
  }
}

}  // namespace

int worst_exit_code(int a, int b) noexcept { return severity(a) >= severity(b) ? a : b; }

}  // namespace eutl
