// TrustedLists: the verified EU trusted lists, ready to answer "is this certificate
// qualified?". One object holds the verification results, the service index built
// from the VALID lists only, and the qualification engine over that index, so an
// embedding program needs no knowledge of how they fit together.
//
// Two sources, as on the command line:
//   - files: the LOTL, pivots and national lists (files or directories of *.xml),
//     anchored in the LOTL signing certificates published in the Official Journal;
//   - a store (eutl fetch / eutl import): the lists of its current snapshot, read
//     back from the content-addressed blobs and re-verified.
//
// Caller is responsible for: choosing the validation time (no now() default, style
// C13). The object is movable, not copyable; the index points into the lists it owns.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl {

struct ListSource final {
  // File mode: list files or directories (their *.xml, recursively, sorted).
  std::vector<std::filesystem::path> files;
  // File mode: PEM file of the LOTL signing certificates (Official Journal); empty:
  // those bundled with eutl (eutl/bundled_anchors.h).
  std::filesystem::path lotl_signers;
  // Store mode (used when `files` is empty): the store directory.
  std::filesystem::path store;
};

class TrustedLists final {
 public:
  // Verifies the lists at `lists_at`. Fails (kUsage/kIo/kNotFound) only when the
  // inputs cannot be read; lists that do not verify are kept with their status and
  // left out of the index.
  [[nodiscard]] static Result<TrustedLists> load(const ListSource& source, tsl::TimePoint lists_at);

  TrustedLists(TrustedLists&&) noexcept;
  TrustedLists& operator=(TrustedLists&&) noexcept;
  TrustedLists(const TrustedLists&) = delete;
  TrustedLists& operator=(const TrustedLists&) = delete;
  ~TrustedLists();

  // Every list given, in verification order, with its status and reasons.
  const std::vector<verify::VerifiedList>& lists() const noexcept;
  std::size_t valid_count() const noexcept;
  // The services of the VALID lists only.
  const tsl::ServiceIndex& index() const noexcept;
  // The services of the lists that were read but are not VALID at lists_at(), each
  // naming why (tsl::ServiceProvenance::list_unacceptable). Searched only to explain
  // a missing issuer; it never decides.
  const tsl::ServiceIndex& unacceptable_index() const noexcept;
  const std::vector<tsl::Bytes>& lotl_anchors() const noexcept;
  tsl::TimePoint lists_at() const noexcept;
  // The store snapshot the lists came from; empty in file mode.
  const std::string& snapshot_id() const noexcept;

  // TS 119 615 decision for `certificate` (with optional CA certificates up the
  // chain) at time `at`, and the claim when given. List acceptability is that of
  // lists_at(); when `at` differs, the result carries a warning saying so (and a result
  // at `at` still rests only on lists whose NextUpdate is not before it).
  [[nodiscard]] Result<verify::QualificationResult> check(const verify::CertificateProfile& certificate,
                                                          const std::vector<verify::CertificateProfile>& chain,
                                                          tsl::TimePoint at,
                                                          const std::optional<verify::Claim>& claim) const;

  struct State;  // opaque; defined in api/trusted_lists.cpp

 private:
  explicit TrustedLists(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

// Every certificate of a PEM (one or more) or DER file, parsed. The first one is
// the end-entity certificate by convention; the rest are CA certificates.
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_certificates(const std::filesystem::path& file);
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_certificates(const std::vector<tsl::Bytes>& ders);

}  // namespace eutl
