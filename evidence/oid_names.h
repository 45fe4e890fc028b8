// Internal: human names of the OIDs an evidence report shows next to the dotted form:
// certificate policies (EN 319 411-1 V1.4.1 §5.3, EN 319 411-2 V2.5.1 §5.3, TS 101 456,
// CA/B Forum), QC statements and QcType values (EN 319 412-5 V2.3.1 §4), semantics
// identifiers (EN 319 412-1 §5.1), extended key usages (RFC 5280 §4.2.1.12, TS 119 411-5,
// TS 119 612 for TL signing).
#pragma once

#include <string>
#include <string_view>

namespace eutl::evidence::detail {

struct OidName final {
  std::string_view oid;
  std::string_view name;    // "QcSSCD", "serverAuth", "QCP-n-qscd"
  std::string_view source;  // "EN 319 412-5 §4.2.2"
};

// The name of `oid`, or an empty name for an OID outside the tables. Policies are
// named through verify::classify_policy (the one policy table).
OidName oid_name(std::string_view oid);
// "QcSSCD (0.4.0.1862.1.4)", or the bare OID when unknown.
std::string named_oid(std::string_view oid);

}  // namespace eutl::evidence::detail
