// A website's certificate judged as `eutl check-site` judges it, and the JSON it
// prints (schema eutl-check-site/1): the TS 119 615 decision on the chain the server
// sent, then RFC 6125 §6.4 — a certificate not issued for the name the client asked
// for does not identify that site, so no claim about the site holds. POST
// /v1/check-site of `eutl serve` answers the same object.
#pragma once

#include <string>
#include <vector>

#include "eutl/net/tls_chain.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/hostname_match.h"
#include "eutl/verify/qualification.h"

namespace eutl {

// The name the site is reached by (the SNI, else the host) and RFC 6125 §6.4's answer.
struct SiteName final {
  std::string name;
  verify::HostnameCheck check;
};

// Adds the host-name rule to the trace; refutes the claim when the name does not match.
void apply_hostname(const SiteName& name, verify::QualificationResult& result);

// The eutl-check-site/1 object (two-space indent, no trailing newline). `certificates`
// is the chain as sent, the server's certificate first.
[[nodiscard]] std::string check_site_json(const net::TlsChain& tls,
                                          const std::vector<verify::CertificateProfile>& certificates,
                                          const SiteName& name, const verify::QualificationResult& result,
                                          const TrustedLists& lists);

}  // namespace eutl
