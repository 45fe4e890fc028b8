// What the rules share: qualifier names, certificate facts, subjects (verify/rule_context.h).
#include "verify/rule_context.h"

namespace eutl::verify::detail {

std::vector<std::string> QualifierSet::names() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < m_bits.size(); ++i) {
    if (m_bits.test(i)) {
      out.emplace_back(tsl::to_string(static_cast<tsl::Qualifier>(i)));
    }
  }
  return out;
}

// TS 119 615 / docs §2.3: rules reading certificate content decide pre/post eIDAS on
// notBefore (DSS: 2016-06-30T22:00:00Z).
CertFacts make_facts(const CertificateProfile& cert) { return CertFacts{cert, cert.not_before >= tsl::kEidasDate}; }

std::string describe(const tsl::IndexedService& s, const tsl::ServicePeriod& p) {
  std::string out = s.provenance.territory + " TL#" + std::to_string(s.provenance.list_sequence) + " TSP#" +
                    std::to_string(s.provenance.tsp_index + 1) + " service#" +
                    std::to_string(s.provenance.service_index + 1) + " '" + s.provenance.service_name + "' ";
  out += p.history_index ? "(history " + std::to_string(*p.history_index + 1) + ")" : std::string("(current)");
  return out;
}

}  // namespace eutl::verify::detail
