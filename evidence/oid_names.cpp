// Names for the OIDs of a certificate (see oid_names.h). The policy names come from
// verify/policy_profile (one table); the rest are listed here with their clause.
#include "evidence/oid_names.h"

#include <array>

#include "eutl/verify/policy_profile.h"

namespace eutl::evidence::detail {
namespace {

constexpr std::array kNames{
    // EN 319 412-5 V2.3.1 §4.2, §4.3 (QC statements) and §4.2.3 (QcType values)
    OidName{"0.4.0.1862.1.1", "QcCompliance", "EN 319 412-5 §4.2.1"},
    OidName{"0.4.0.1862.1.2", "QcLimitValue", "EN 319 412-5 §4.3.2"},
    OidName{"0.4.0.1862.1.3", "QcRetentionPeriod", "EN 319 412-5 §4.3.3"},
    OidName{"0.4.0.1862.1.4", "QcSSCD", "EN 319 412-5 §4.2.2"},
    OidName{"0.4.0.1862.1.5", "QcPDS", "EN 319 412-5 §4.3.4"},
    OidName{"0.4.0.1862.1.6", "QcType", "EN 319 412-5 §4.2.3"},
    OidName{"0.4.0.1862.1.6.1", "QcType esign", "EN 319 412-5 §4.2.3"},
    OidName{"0.4.0.1862.1.6.2", "QcType eseal", "EN 319 412-5 §4.2.3"},
    OidName{"0.4.0.1862.1.6.3", "QcType web", "EN 319 412-5 §4.2.3"},
    OidName{"0.4.0.1862.1.7", "QcCClegislation", "EN 319 412-5 §4.2.4"},
    // RFC 3739 §3.2.6 and EN 319 412-1 V1.5.1 §5.1 (semantics identifiers)
    OidName{"1.3.6.1.5.5.7.11.1", "id-qcs-pkixQCSyntax-v1", "RFC 3739 §3.2.6"},
    OidName{"1.3.6.1.5.5.7.11.2", "id-qcs-pkixQCSyntax-v2", "RFC 3739 §3.2.6"},
    OidName{"0.4.0.194121.1.1", "semanticsId-Natural", "EN 319 412-1 §5.1.3"},
    OidName{"0.4.0.194121.1.2", "semanticsId-Legal", "EN 319 412-1 §5.1.4"},
    OidName{"0.4.0.194121.1.3", "semanticsId-eIDASNatural", "EN 319 412-1 §5.1.5"},
    OidName{"0.4.0.194121.1.4", "semanticsId-eIDASLegal", "EN 319 412-1 §5.1.6"},
    // TS 119 495 V1.6.1 §5.1 (PSD2)
    OidName{"0.4.0.19495.2", "PSD2 QcStatement", "TS 119 495 §5.1"},
    // RFC 5280 §4.2.1.12, TS 119 411-5 and TS 119 612 (extended key usages)
    OidName{"1.3.6.1.5.5.7.3.1", "serverAuth", "RFC 5280 §4.2.1.12"},
    OidName{"1.3.6.1.5.5.7.3.2", "clientAuth", "RFC 5280 §4.2.1.12"},
    OidName{"1.3.6.1.5.5.7.3.3", "codeSigning", "RFC 5280 §4.2.1.12"},
    OidName{"1.3.6.1.5.5.7.3.4", "emailProtection", "RFC 5280 §4.2.1.12"},
    OidName{"1.3.6.1.5.5.7.3.8", "timeStamping", "RFC 5280 §4.2.1.12"},
    OidName{"1.3.6.1.5.5.7.3.9", "OCSPSigning", "RFC 5280 §4.2.1.12"},
    OidName{"2.5.29.37.0", "anyExtendedKeyUsage", "RFC 5280 §4.2.1.12"},
    OidName{"0.4.0.194115.1.0", "TLS binding (2-QWAC)", "TS 119 411-5 §4.1"},
    OidName{"0.4.0.2231.3.0", "tslSigning", "TS 119 612 §5.7.1"},
    OidName{"1.3.6.1.4.1.311.10.3.12", "documentSigning (Microsoft)", "vendor"},
    OidName{"1.2.840.113583.1.1.5", "PDF authentic documents (Adobe)", "vendor"},
    OidName{"2.5.29.32.0", "anyPolicy", "RFC 5280 §4.2.1.4"},
};

}  // namespace

OidName oid_name(std::string_view oid) {
  if (auto p = verify::classify_policy(oid)) {
    const verify::PolicyFamily f = verify::family_of(*p);
    return {oid, verify::to_string(*p),
            f == verify::PolicyFamily::kEn319411Part1   ? "EN 319 411-1 §5.3"
            : f == verify::PolicyFamily::kEn319411Part2 ? "EN 319 411-2 §5.3"
            : f == verify::PolicyFamily::kTs101456      ? "TS 101 456"
                                                        : "CA/B Forum"};
  }
  for (const auto& n : kNames) {
    if (n.oid == oid) {
      return n;
    }
  }
  return {oid, "", ""};
}

std::string named_oid(std::string_view oid) {
  const OidName n = oid_name(oid);
  return n.name.empty() ? std::string(oid) : std::string(n.name) + " (" + std::string(oid) + ")";
}

}  // namespace eutl::evidence::detail
