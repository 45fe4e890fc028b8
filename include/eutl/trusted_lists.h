// TrustedLists: the verified EU trusted lists, ready to answer "is this certificate
// qualified?". One object holds the verification results, the service index built
// from the VALID lists only, and the qualification engine over that index, so an
// embedding program needs no knowledge of how they fit together. It is the only route
// from a list source to a decision: `eutl check`, `check-site`, `list`, `export` and
// the example program all go through load() and check().
//
// Four sources, as on the command line:
//   - files + LOTL anchors: the LOTL, pivots and national lists (files or directories
//     of *.xml), anchored in the LOTL signing certificates published in the Official
//     Journal (`check --lists … --lotl-signers PEM`);
//   - files + list signers: national lists trusted directly because they are signed
//     by a certificate the caller trusts, without a LOTL (`--tl-signers PEM`; ETSI
//     TS 119 615 leaves that trust decision to the relying party). verify::trust_of()
//     then says kCallerSigner for those lists;
//   - a store (eutl fetch / eutl import): the lists of its current snapshot, from the
//     snapshot's model cache (re-verified from the blobs when there is none); a
//     snapshot made by `eutl import --tl-signers` brings the signers it recorded;
//   - a named snapshot of a store (`check --snapshot ID`): its lists re-verified from
//     the store's blobs.
//
// Caller is responsible for: choosing the validation time (no now() default, style
// C13). The object is movable, not copyable; the index points into the lists it owns.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eutl/cache/issuer_scope.h"
#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/evidence/record_anchors.h"
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
  // File mode: the LOTL signing certificates (DER) announced in the Official Journal
  // (eutl::load_lotl_anchors reads a PEM file of them). Empty: the
  // certificates bundled with eutl (eutl/bundled_anchors.h).
  std::vector<tsl::Bytes> lotl_anchors;
  // File mode: national-list signer certificates (DER) the caller trusts directly.
  // When given, national lists are verified against these only (ListSetRequest::
  // tl_signers) and no LOTL is needed.
  std::vector<tsl::Bytes> tl_signers;
  // Store mode (used when `files` is empty): the store directory.
  std::filesystem::path store;
  // Store mode: a snapshot by exact id, any unique part of an id, or "current" (select_snapshot),
  // re-verified from the blobs. Empty: the current snapshot, from its model cache.
  std::string snapshot;
  // Store mode, current snapshot: when set (cache::IssuerScope::of the certificates
  // to be checked and their chains), only the lists of the model cache that may hold
  // an issuer of those certificates are decoded whole; the others keep their status,
  // reasons and scheme information but not their TSP lists, and index() has none of
  // their services. check() of those certificates decides exactly as with every list.
  // For a one-off check only: anything that lists, exports or searches services, or
  // writes evidence, needs the whole set (leave it unset). Ignored in the other modes.
  std::optional<cache::IssuerScope> scope;
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
  // The national-list signers (DER) the caller trusted directly: ListSource::tl_signers
  // in file mode, those the store snapshot recorded in store mode; empty when the
  // national lists rest on the LOTL.
  const std::vector<tsl::Bytes>& tl_signers() const noexcept;
  tsl::TimePoint lists_at() const noexcept;
  // The store snapshot the lists came from; empty in file mode.
  const std::string& snapshot_id() const noexcept;
  // The store directory the lists came from; empty in file mode.
  const std::filesystem::path& store_dir() const noexcept;
  // True when ListSource::scope left some lists without their TSP lists (see there).
  bool scoped() const noexcept;
  // What an evidence record shows of lotl_anchors() and tl_signers()
  // (evidence::record_anchors): worked out at the first call, then kept with the lists,
  // so that every record written with them (eutl::evidence_record) shares it. Safe to
  // call from several threads.
  const evidence::RecordAnchors& record_anchors() const;

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

// A stored snapshot by exact id, "current" (kNotFound when the store has none), or any
// unique part of an id (kUsage when several match, kNotFound when none does).
[[nodiscard]] Result<cache::Snapshot> select_snapshot(const cache::Store& store, const std::string& wanted);

// Every certificate of a PEM (one or more) or DER file, parsed. The first one is
// the end-entity certificate by convention; the rest are CA certificates.
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_certificates(const std::filesystem::path& file);
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_certificates(const std::vector<tsl::Bytes>& ders);

}  // namespace eutl
