// Small inline trusted lists for precise reader tests: a valid skeleton with slots for
// the part under test. Built by hand from TS 119 612 V2.4.1 Annex C (the XSD).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "eutl/tsl/parser.h"

namespace eutl::tsl::snippets {

inline constexpr std::string_view kNextUpdate2025 = "<NextUpdate><dateTime>2025-07-01T00:00:00Z</dateTime></NextUpdate>";

struct TslParts {
  std::string_view scheme_extra;  // extra SchemeInformation children
  std::string_view providers;     // TrustServiceProvider elements
  std::string_view next_update = kNextUpdate2025;
  std::string_view version = "<TSLVersionIdentifier>5</TSLVersionIdentifier>";
  std::string_view issue = "<ListIssueDateTime>2025-01-01T00:00:00Z</ListIssueDateTime>";
};

inline std::string make_tsl(const TslParts& p = {}) {
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
  xmlns:ecc="http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#"
  xmlns:tslx="http://uri.etsi.org/02231/v2/additionaltypes#" xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"
  TSLTag="http://uri.etsi.org/19612/TSLTag" Id="tsl-1">
  <SchemeInformation>
    )";
  s += p.version;
  s += R"(
    <TSLSequenceNumber>7</TSLSequenceNumber>
    <TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType>
    <SchemeOperatorName><Name xml:lang="en">Operator</Name></SchemeOperatorName>
    <SchemeTerritory>AA</SchemeTerritory>
    )";
  s += p.issue;
  s += "\n    ";
  s += p.next_update;
  s += "\n    ";
  s += p.scheme_extra;
  s += "\n  </SchemeInformation>\n";
  if (!p.providers.empty()) {
    s += "  <TrustServiceProviderList>\n";
    s += p.providers;
    s += "\n  </TrustServiceProviderList>\n";
  }
  s += "</TrustServiceStatusList>\n";
  return s;
}

// One TSP with one service whose ServiceInformation holds `service_body` (after the
// type, name and status, which the body may repeat to override nothing).
inline std::string make_provider(std::string_view service_body, std::string_view history = "") {
  std::string s = R"(<TrustServiceProvider>
  <TSPInformation><TSPName><Name xml:lang="en">TSP</Name></TSPName></TSPInformation>
  <TSPServices><TSPService><ServiceInformation>
    <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
    <ServiceName><Name xml:lang="en">CA</Name></ServiceName>
    <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus>
    <StatusStartingTime>2020-01-01T00:00:00Z</StatusStartingTime>
    )";
  s += service_body;
  s += "\n  </ServiceInformation>";
  if (!history.empty()) {
    s += "<ServiceHistory>";
    s += history;
    s += "</ServiceHistory>";
  }
  s += "</TSPService></TSPServices>\n</TrustServiceProvider>";
  return s;
}

inline Result<TrustedList> parse_text(std::string_view xml, std::string source = "snippet.xml") {
  return parse_trusted_list(as_bytes(xml), std::move(source));
}

// The list carries a warning with this code.
inline bool has_warning(const TrustedList& l, std::string_view code) {
  return std::any_of(l.warnings.begin(), l.warnings.end(), [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace eutl::tsl::snippets
