// Service IDs and the "granted CA/QC for a use at T" query (include/eutl/service_query.h);
// the period and status rules are verify/rules/ ones (include/eutl/verify/service_period.h).
#include "eutl/service_query.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace eutl {

std::string to_string(const ServiceId& id) {
  return id.territory + "/" + std::to_string(id.tsp) + "/" + std::to_string(id.service);
}

ServiceId service_id(const tsl::ServiceProvenance& p) {
  return ServiceId{p.territory, p.tsp_index + 1, p.service_index + 1};
}

namespace {

std::optional<std::size_t> positive(std::string_view s) {
  std::size_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v == 0) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

Result<ServiceId> parse_service_id(std::string_view text) {
  const auto a = text.find('/');
  const auto b = a == std::string_view::npos ? a : text.find('/', a + 1);
  if (b == std::string_view::npos || a == 0) {
    return Error(Errc::kUsage, "service ID '" + std::string(text) + "': expected TERRITORY/TSP/SERVICE, e.g. AA/1/2");
  }
  auto tsp = positive(text.substr(a + 1, b - a - 1));
  auto svc = positive(text.substr(b + 1));
  if (!tsp || !svc) {
    return Error(Errc::kUsage, "service ID '" + std::string(text) + "': TSP and SERVICE are positions from 1");
  }
  std::string territory(text.substr(0, a));
  std::transform(territory.begin(), territory.end(), territory.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  return ServiceId{territory, *tsp, *svc};
}

std::optional<std::uint32_t> find_service(const tsl::ServiceIndex& index, const ServiceId& id) {
  const auto& all = index.services();
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    const auto& p = all[i].provenance;
    if (p.territory == id.territory && p.tsp_index + 1 == id.tsp && p.service_index + 1 == id.service) {
      return i;
    }
  }
  return std::nullopt;
}

bool qualified_ca_at(const tsl::IndexedService& service, tsl::TimePoint t, std::optional<verify::CertType> use) {
  const tsl::ServicePeriod* p = period_at(service, t);
  return p != nullptr && is_granted_ca_qc(*p) && (!use || period_covers_use(*p, *use));
}

std::string_view to_string(IdentityMatch m) {
  return m == IdentityMatch::kSameCertificate ? "same-certificate" : "same-key-and-subject";
}

std::vector<IdentityHit> services_identified_by(const tsl::ServiceIndex& index,
                                                const verify::CertificateProfile& certificate) {
  std::vector<IdentityHit> hits;
  for (const tsl::AnchorRef& ref : index.find_by_key(certificate.spki_der, certificate.subject_der)) {
    const IdentityMatch match = index.certificate(ref).sha256() == certificate.sha256
                                    ? IdentityMatch::kSameCertificate
                                    : IdentityMatch::kSameKeyAndSubject;
    auto same = std::find_if(hits.begin(), hits.end(), [&](const IdentityHit& h) { return h.service == ref.service; });
    if (same == hits.end()) {
      hits.push_back({ref.service, match});
    } else if (match == IdentityMatch::kSameCertificate) {
      same->match = match;
    }
  }
  std::sort(hits.begin(), hits.end(), [](const IdentityHit& a, const IdentityHit& b) { return a.service < b.service; });
  return hits;
}

std::string_view uri_tail(std::string_view uri) {
  auto slash = uri.rfind('/');
  return slash == std::string_view::npos ? uri : uri.substr(slash + 1);
}

Result<verify::CertType> parse_use(std::string_view text) {
  std::string t(uri_tail(text));
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (t == "esig" || t == "foresignatures") {
    return verify::CertType::kESig;
  }
  if (t == "eseal" || t == "foreseals") {
    return verify::CertType::kESeal;
  }
  if (t == "wsa" || t == "forwebsiteauthentication") {
    return verify::CertType::kWsa;
  }
  return Error(Errc::kUsage, "'" + std::string(text) + "': expected esig, eseal or wsa");
}

}  // namespace eutl
