#include "eutl/tsl/service_index.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace eutl::tsl {
namespace {

// The maps are keyed by a fast 64-bit hash of the DER bytes; every lookup then
// compares the bytes themselves, so a collision can only cost time, never match a
// wrong certificate (and the decision verifies signatures on top of that).
std::uint64_t hash_of(ByteView b) {
  return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

std::uint64_t pair_hash(ByteView spki_der, ByteView subject_der) {
  return hash_of(spki_der) * 0x9E3779B97F4A7C15ull ^ hash_of(subject_der);
}

bool same(ByteView a, ByteView b) { return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()); }

// Sorted by hash, and within one hash in the order the anchors were added (services
// in list order), which is the order lookups return them in.
template <typename Table>
void sort_table(Table& table) {
  std::stable_sort(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.hash < b.hash; });
}

}  // namespace

// ETSI TS 119 612 V2.4.1 §5.5.10 and §5.6: history instances are listed newest first;
// a status holds from its StatusStartingTime until the next newer status starts.
std::vector<ServicePeriod> service_periods(const TrustService& service, std::vector<std::string>& warnings) {
  std::vector<ServicePeriod> periods;
  if (!service.current.status_start) {
    warnings.push_back("current status has no StatusStartingTime: service skipped");
    return periods;
  }
  periods.push_back(ServicePeriod{&service.current, std::nullopt, *service.current.status_start, std::nullopt});
  TimePoint newer_start = *service.current.status_start;
  for (std::size_t i = 0; i < service.history.size(); ++i) {
    const ServiceState& h = service.history[i];
    if (!h.status_start) {
      warnings.push_back("history instance " + std::to_string(i) + " has no StatusStartingTime: skipped");
      continue;
    }
    if (*h.status_start > newer_start) {
      warnings.push_back("history instance " + std::to_string(i) + " starts after the newer status (out of order)");
    }
    periods.push_back(ServicePeriod{&h, i, *h.status_start, newer_start});
    newer_start = *h.status_start;
  }
  return periods;
}

ServiceIndex ServiceIndex::build(const std::vector<IndexInput>& lists) {
  ServiceIndex index;
  std::size_t services = 0;
  for (const IndexInput& in : lists) {
    if (in.list != nullptr) {
      for (const TrustServiceProvider& tsp : in.list->providers) {
        services += tsp.services.size();
      }
    }
  }
  index.m_services.reserve(services);
  for (const IndexInput& in : lists) {
    if (in.list == nullptr) {
      continue;
    }
    ++index.m_list_count;
    const TrustedList& list = *in.list;
    for (std::size_t t = 0; t < list.providers.size(); ++t) {
      const TrustServiceProvider& tsp = list.providers[t];
      for (std::size_t s = 0; s < tsp.services.size(); ++s) {
        const TrustService& svc = tsp.services[s];
        IndexedService rec;
        rec.provenance = ServiceProvenance{list.scheme.territory,
                                           list.scheme.sequence_number,
                                           in.digest,
                                           in.source,
                                           std::string(tsp.name.preferred()),
                                           std::string(svc.current.name.preferred()),
                                           t,
                                           s,
                                           list.scheme.next_update,
                                           in.unacceptable};
        rec.service = &svc;
        rec.periods = service_periods(svc, rec.warnings);
        for (const ListedCertificate& c : svc.current.identity.certificates) {
          rec.certificates.push_back(&c.blob);
        }
        auto id = static_cast<std::uint32_t>(index.m_services.size());
        for (std::uint32_t ci = 0; ci < rec.certificates.size(); ++ci) {
          const CertificateBlob& blob = *rec.certificates[ci];
          const AnchorRef ref{id, ci};
          index.m_by_key.push_back({pair_hash(blob.spki(), blob.subject()), ref});
          index.m_by_subject.push_back({hash_of(blob.subject()), ref});
          if (!blob.ski().empty()) {
            index.m_by_ski.push_back({hash_of(blob.ski()), ref});
          }
        }
        index.m_services.push_back(std::move(rec));
      }
    }
  }
  sort_table(index.m_by_key);
  sort_table(index.m_by_subject);
  sort_table(index.m_by_ski);
  return index;
}

std::vector<AnchorRef> ServiceIndex::matching(const Table& table, std::uint64_t key,
                                               const std::function<bool(const CertificateBlob&)>& same_as) const {
  std::vector<AnchorRef> out;
  auto it = std::lower_bound(table.begin(), table.end(), key, [](const Entry& e, std::uint64_t k) { return e.hash < k; });
  for (; it != table.end() && it->hash == key; ++it) {
    if (same_as(certificate(it->ref))) {
      out.push_back(it->ref);
    }
  }
  return out;
}

std::vector<AnchorRef> ServiceIndex::find_by_key(ByteView spki_der, ByteView subject_der) const {
  return matching(m_by_key, pair_hash(spki_der, subject_der), [&](const CertificateBlob& c) {
    return same(c.spki(), spki_der) && same(c.subject(), subject_der);
  });
}

std::vector<AnchorRef> ServiceIndex::find_by_ski(ByteView ski) const {
  if (ski.empty()) {
    return {};
  }
  return matching(m_by_ski, hash_of(ski), [&](const CertificateBlob& c) { return same(c.ski(), ski); });
}

std::vector<AnchorRef> ServiceIndex::find_issuer_candidates(ByteView issuer_name_der, ByteView aki) const {
  std::vector<AnchorRef> out = matching(m_by_subject, hash_of(issuer_name_der), [&](const CertificateBlob& c) {
    return same(c.subject(), issuer_name_der);
  });
  for (const AnchorRef& r : find_by_ski(aki)) {
    bool seen = std::any_of(out.begin(), out.end(), [&](const AnchorRef& o) {
      return o.service == r.service && o.certificate == r.certificate;
    });
    if (!seen) {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace eutl::tsl
