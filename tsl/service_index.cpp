#include "eutl/tsl/service_index.h"

#include <algorithm>

namespace eutl::tsl {
namespace {

std::string as_key(const Sha256& d) { return std::string(reinterpret_cast<const char*>(d.data()), d.size()); }

void add(std::unordered_map<std::string, std::vector<AnchorRef>>& map, std::string key, AnchorRef ref) {
  auto& v = map[std::move(key)];
  for (const auto& r : v) {
    if (r.service == ref.service && r.certificate == ref.certificate) {
      return;
    }
  }
  v.push_back(ref);
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

std::string ServiceIndex::key_of(ByteView spki_der, ByteView subject_der) {
  return as_key(sha256(spki_der)) + as_key(sha256(subject_der));
}

std::string ServiceIndex::name_key(ByteView name_der) { return as_key(sha256(name_der)); }

ServiceIndex ServiceIndex::build(const std::vector<IndexInput>& lists) {
  ServiceIndex index;
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
                                           s};
        rec.service = &svc;
        rec.periods = service_periods(svc, rec.warnings);
        for (const ListedCertificate& c : svc.current.identity.certificates) {
          rec.certificates.push_back(&c.blob);
        }
        auto id = static_cast<std::uint32_t>(index.m_services.size());
        for (std::uint32_t ci = 0; ci < rec.certificates.size(); ++ci) {
          const CertificateBlob& blob = *rec.certificates[ci];
          AnchorRef ref{id, ci};
          // Same keys as key_of() and name_key(), with the subject hashed once.
          std::string subject_key = name_key(blob.subject());
          add(index.m_by_key, as_key(sha256(blob.spki())) + subject_key, ref);
          add(index.m_by_subject, std::move(subject_key), ref);
          if (!blob.ski().empty()) {
            add(index.m_by_ski, std::string(blob.ski().begin(), blob.ski().end()), ref);
          }
        }
        index.m_services.push_back(std::move(rec));
      }
    }
  }
  return index;
}

std::vector<AnchorRef> ServiceIndex::find_by_key(ByteView spki_der, ByteView subject_der) const {
  auto it = m_by_key.find(key_of(spki_der, subject_der));
  return it == m_by_key.end() ? std::vector<AnchorRef>{} : it->second;
}

std::vector<AnchorRef> ServiceIndex::find_by_ski(ByteView ski) const {
  if (ski.empty()) {
    return {};
  }
  auto it = m_by_ski.find(std::string(ski.begin(), ski.end()));
  return it == m_by_ski.end() ? std::vector<AnchorRef>{} : it->second;
}

std::vector<AnchorRef> ServiceIndex::find_issuer_candidates(ByteView issuer_name_der, ByteView aki) const {
  std::vector<AnchorRef> out;
  if (auto it = m_by_subject.find(name_key(issuer_name_der)); it != m_by_subject.end()) {
    out = it->second;
  }
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
