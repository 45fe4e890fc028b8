// A website's certificate judged with its host name, and its JSON (include/eutl/check_site.h).
#include "eutl/check_site.h"

#include <nlohmann/json.hpp>

#include "api/detail/check_json.h"
#include "evidence/detail/json_shapes.h"

namespace eutl {

using nlohmann::json;

// RFC 6125 §6: a certificate not issued for the name the client asked for does not
// identify that site, so no claim about the site holds whatever the lists say.
void apply_hostname(const SiteName& name, verify::QualificationResult& r) {
  const bool match = name.check.match == verify::HostnameMatch::kMatch;
  std::string detail = match ? name.name + " matches " + name.check.matched_by
                             : "certificate not issued for " + name.name + ": " + name.check.reason;
  r.trace.add(verify::kHostnameRule, match ? verify::Outcome::kPass : verify::Outcome::kFail, "certificate", detail);
  if (match || !r.claim) {
    return;
  }
  std::string earlier = r.claim->verdict == verify::Verdict::kConfirmed || r.claim->explanation.empty()
                            ? std::string()
                            : " Independently of the name: " + r.claim->explanation;
  r.claim->verdict = verify::Verdict::kRefuted;
  r.claim->failing_part = "host name";
  r.claim->explanation = "certificate not issued for " + name.name + " (RFC 6125 §6.4: " + name.check.reason +
                         ")." + earlier;
}

std::string check_site_json(const net::TlsChain& tls, const std::vector<verify::CertificateProfile>& certs,
                            const SiteName& name, const verify::QualificationResult& r, const TrustedLists& lists) {
  using detail::at_json;
  using detail::certificate_json;
  json chain = json::array();
  for (std::size_t i = 1; i < certs.size(); ++i) {
    chain.push_back(certificate_json(certs[i]));
  }
  json used = json::array();
  for (const auto& v : lists.lists()) {
    used.push_back(detail::list_use_json(v));
  }
  json out = {{"schema", "eutl-check-site/1"},
              {"site",
               {{"address", tls.peer_address},
                {"sni", tls.sni.empty() ? json(nullptr) : json(tls.sni)},
                {"protocol", tls.protocol},
                {"cipher", tls.cipher},
                {"name", name.name},
                {"name_matched_by", name.check.matched_by.empty() ? json(nullptr) : json(name.check.matched_by)}}},
              {"hostname_match", name.check.match == verify::HostnameMatch::kMatch},
              {"certificate", certificate_json(certs.front())},
              {"chain", chain},
              {"at_issuance", at_json(r.at_issuance)},
              {"at_time", at_json(r.at_time)},
              {"overall", at_json(r.overall)},
              {"lists", used},
              {"lists_at", tsl::format_time(lists.lists_at())},
              {"warnings", r.warnings},
              {"unprocessed_critical_extensions", r.unprocessed_critical_extensions},
              {"trace", evidence::detail::trace_json(r.trace)}};
  detail::add_claim_json(out, r);
  return out.dump(2);
}

}  // namespace eutl
