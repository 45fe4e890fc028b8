// The CA certificates of granted CA/QC services as a PEM bundle (include/eutl/ca_export.h).
#include "eutl/ca_export.h"

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/verify/certificate_headline.h"

namespace eutl {
namespace {

std::string pem_of(const tsl::Bytes& der) {
  std::string b64 = tsl::base64_encode(der);
  std::string out = "-----BEGIN CERTIFICATE-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) {
    out += b64.substr(i, 64) + '\n';
  }
  return out + "-----END CERTIFICATE-----\n";
}

// Comment lines outside the PEM armour are ignored by OpenSSL, GnuTLS and NSS tools.
std::string header(const tsl::IndexedService& s, const tsl::ServicePeriod& p, const tsl::CertificateBlob& blob) {
  std::ostringstream h;
  std::string asi;
  for (const auto& a : p.state->extensions.additional_information) {
    asi += (asi.empty() ? "" : ", ") + std::string(uri_tail(a.uri));
  }
  h << "# " << s.provenance.territory << " / " << s.provenance.tsp_name << " / " << s.provenance.service_name << '\n'
    << "#   service " << to_string(service_id(s.provenance)) << ": " << tsl::service_type_short(p.state->type_uri)
    << ' ' << uri_tail(p.state->status_uri) << " since " << tsl::format_time(p.start)
    << (asi.empty() ? "" : " (" + asi + ")") << '\n';
  if (auto prof = verify::readable_headline(blob.der())) {
    h << "#   subject " << prof->subject << "\n#   valid " << tsl::format_time(prof->not_before) << " .. "
      << tsl::format_time(prof->not_after) << '\n';
  }
  h << "#   sha256 " << tsl::to_hex(blob.sha256()) << '\n';
  return h.str();
}

}  // namespace

CaExport export_ca_certificates(const TrustedLists& lists, tsl::TimePoint at, std::optional<verify::CertType> use,
                                std::string_view version) {
  CaExport out;
  out.pem = "# EU trusted-list CA certificates: granted CA/QC services" +
            (use ? " for " + std::string(verify::to_string(*use)) : std::string()) + " at " + tsl::format_time(at) +
            "\n# Made by eutl " + std::string(version) + " from " + std::to_string(lists.valid_count()) +
            " valid trusted lists" +
            (lists.snapshot_id().empty() ? std::string() : " (store snapshot " + lists.snapshot_id() + ")") + ".\n\n";
  std::set<std::string> seen;
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& s : lists.index().services()) {
    if (!qualified_ca_at(s, at, use)) {
      continue;
    }
    const tsl::ServicePeriod* p = period_at(s, at);
    ++out.services;
    for (const auto* blob : s.certificates) {
      if (!seen.insert(tsl::to_hex(blob->sha256())).second) {
        continue;
      }
      out.pem += header(s, *p, *blob) + pem_of(blob->der()) + '\n';
      entries.push_back({{"schema", "eutl-export/1"},
                         {"service_id", to_string(service_id(s.provenance))},
                         {"territory", s.provenance.territory},
                         {"tsp", s.provenance.tsp_name},
                         {"service_name", s.provenance.service_name},
                         {"sha256", tsl::to_hex(blob->sha256())},
                         {"pem", pem_of(blob->der())}});
    }
  }
  out.certificates = seen.size();
  out.json = entries.dump(2);
  return out;
}

}  // namespace eutl
