// Many certificates against one set of trusted lists: the batch form of
// TrustedLists::check that `eutl check CERT…` uses. The lists are loaded and
// verified once (by the caller, TrustedLists::load); each subject is then decided on
// its own, in order, with the same time T and claim.
//
// Bundles: a file may hold several certificates (a PEM bundle). By default each one is
// a subject of its own (BundleRule::kEachCertificate); with kFullchain the first is the
// subject and the rest are its chain (a server's "fullchain.pem": leaf first).
//
// Caller is responsible for: choosing T (the library never reads the clock), and reading
// the files (eutl::read_certificates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eutl/outcome.h"
#include "eutl/result.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/qualification.h"

namespace eutl {

// One certificate to decide, with the CA certificates sent along with it.
struct CheckSubject final {
  std::string source;     // where it came from (a file name; "-" for standard input), reported back as is
  std::size_t index = 1;  // its position in that source, counting from 1
  verify::CertificateProfile certificate;
  std::vector<verify::CertificateProfile> chain;
};

enum class BundleRule : std::uint8_t {
  kEachCertificate,  // every certificate of a bundle is a subject
  kFullchain,        // the first certificate is the subject, the rest its chain
};

// The subjects of the certificates read from one source, by `rule`. None when
// `certificates` is empty.
[[nodiscard]] std::vector<CheckSubject> subjects_of(const std::string& source,
                                                    std::vector<verify::CertificateProfile> certificates,
                                                    BundleRule rule);

struct CheckBatchRequest final {
  tsl::TimePoint at{};                 // time T of every decision
  std::optional<verify::Claim> claim;  // the claim asked of every subject, if any
  // CA certificates added to every subject's chain (`check --chain`), after its own.
  std::vector<verify::CertificateProfile> chain;
};

// TrustedLists::check for each subject, in order: one result per subject (an error
// only for that subject when its decision could not be made).
[[nodiscard]] std::vector<Result<verify::QualificationResult>> check_batch(const TrustedLists& lists,
                                                                           std::span<const CheckSubject> subjects,
                                                                           const CheckBatchRequest& request);

// The exit code of a batch: the worst of its members' codes in the order
// 4 could not run > 2 input error > 3 indeterminate > 1 no > 0 yes.
[[nodiscard]] int worst_exit_code(int a, int b) noexcept;

}  // namespace eutl
