// The service index (the "build the service index" step of TS 119 615): every
// service of every list given to it, with its current state and every history period
// as its own record, findable by the key of the service's certificate.
//
// Caller is responsible for: passing only lists whose verification status is VALID
// (verify::ListStatus::kValid). Expired, invalid or unverified lists must never reach
// the index; it does not re-check. (The one exception is a second index built over
// the lists that are NOT acceptable, each input naming why in `unacceptable`: it is
// searched only to explain a missing issuer, never to decide.) The lists must outlive the index: records point
// into them (no copies, so a full EU set indexes in milliseconds).
//
// Keys (TS 119 612 V2.4.1 §5.5.3: an SDI identifies one public key): a service's anchor is (public key, subject), so the
// primary key is SHA-256(SubjectPublicKeyInfo) + SHA-256(subject Name). A child
// certificate is matched by its issuer Name or its AuthorityKeyIdentifier (= the
// anchor's SKI); the caller must then confirm with a signature check: a name or key
// identifier is never proof on its own. Every lookup is a binary search over a
// sorted table of 64-bit hashes, then a comparison of the bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/model.h"

namespace eutl::tsl {

// Where a service came from, for output and evidence.
struct ServiceProvenance final {
  std::string territory;
  std::uint64_t list_sequence = 0;
  Sha256 list_digest{};
  std::string list_source;
  std::string tsp_name;
  std::string service_name;
  std::size_t tsp_index = 0;      // 0-based position in TrustServiceProviderList
  std::size_t service_index = 0;  // 0-based position in TSPServices
  // The list's NextUpdate (TS 119 612 V2.4.1 §5.3.15); absent for a closed list. A
  // decision about an instant after it cannot rest on this list.
  std::optional<TimePoint> list_next_update;
  // Empty for a list indexed as acceptable. For an index built over lists that are NOT
  // acceptable (used only to explain why an issuer was not found, never to decide):
  // the list's status and first reason, e.g. "expired: NextUpdate … is before …".
  std::string list_unacceptable;
};

// One status period of one service (TS 119 612 V2.4.1 §5.5.10): the current state runs from its
// StatusStartingTime with no end; each history instance ends where the next newer
// one starts. History instances without a start time are skipped.
struct ServicePeriod final {
  const ServiceState* state = nullptr;
  std::optional<std::size_t> history_index;  // nullopt: the current ServiceInformation
  TimePoint start{};
  std::optional<TimePoint> end;  // nullopt: open-ended

  bool covers(TimePoint t) const noexcept { return start <= t && (!end || t <= *end); }
};

struct IndexedService final {
  ServiceProvenance provenance;
  const TrustService* service = nullptr;
  std::vector<ServicePeriod> periods;  // newest first
  std::vector<const CertificateBlob*> certificates;  // current SDI certificates
  std::vector<std::string> warnings;  // history out of order, periods skipped…
};

// One certificate of one service's current SDI.
struct AnchorRef final {
  std::uint32_t service = 0;      // index into ServiceIndex::services()
  std::uint32_t certificate = 0;  // index into IndexedService::certificates
};

struct IndexInput final {
  const TrustedList* list = nullptr;  // must be a verified, valid list
  Sha256 digest{};                    // SHA-256 of the exact list bytes
  std::string source;
  std::string unacceptable;  // copied to ServiceProvenance::list_unacceptable
};

class ServiceIndex final {
 public:
  static ServiceIndex build(const std::vector<IndexInput>& lists);

  const std::vector<IndexedService>& services() const noexcept { return m_services; }
  const IndexedService& service(std::uint32_t i) const { return m_services.at(i); }
  const CertificateBlob& certificate(const AnchorRef& a) const {
    return *m_services.at(a.service).certificates.at(a.certificate);
  }
  std::size_t list_count() const noexcept { return m_list_count; }

  // Exact anchor identity: (SPKI, subject) of a certificate.
  std::vector<AnchorRef> find_by_key(ByteView spki_der, ByteView subject_der) const;
  // Candidate issuers of a child certificate: anchors whose subject Name equals the
  // child's issuer Name (DER bytes), or whose SKI equals the child's AKI. Deduplicated.
  std::vector<AnchorRef> find_issuer_candidates(ByteView issuer_name_der, ByteView aki) const;
  std::vector<AnchorRef> find_by_ski(ByteView ski) const;

 private:
  // (64-bit hash of the DER bytes, anchor) sorted by hash (see service_index.cpp):
  // one allocation per table instead of a node and a vector per key; lookups compare
  // the bytes.
  struct Entry final {
    std::uint64_t hash = 0;
    AnchorRef ref;
  };
  using Table = std::vector<Entry>;
  std::vector<AnchorRef> matching(const Table& table, std::uint64_t key,
                                  const std::function<bool(const CertificateBlob&)>& same_as) const;

  std::vector<IndexedService> m_services;
  Table m_by_key;
  Table m_by_subject;
  Table m_by_ski;
  std::size_t m_list_count = 0;
};

// Builds the periods of one service (TS 119 612 V2.4.1 §5.5.10); appends a warning per oddity.
std::vector<ServicePeriod> service_periods(const TrustService& service, std::vector<std::string>& warnings);

}  // namespace eutl::tsl
