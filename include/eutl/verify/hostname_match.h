// Is a certificate issued for this host? Server identity check of RFC 6125 §6
// (DNS-ID and IP address reference identities) for `eutl check-site`.
//
// - A host name is compared with every subjectAltName dNSName: ASCII
//   case-insensitively, one trailing dot ignored, IDNA A-labels ("xn--…") compared as
//   they are (RFC 6125 §6.4.2). A wildcard is accepted only as the whole left-most
//   label ("*.example.eu") and matches exactly one label (§6.4.3); partial-label
//   wildcards ("w*.example.eu") never match, nor do wildcards over a top-level or
//   public-suffix-like two-label name ("*.eu", "*.co.uk").
// - An IP literal (IPv4 dotted quad, or IPv6 with or without brackets) is compared
//   byte for byte with every subjectAltName iPAddress, never with a dNSName (§6.2.1).
// - The subject CN is used only when the certificate has no dNSName and no
//   iPAddress subjectAltName at all (§6.4.4), and only for host names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/trace.h"

namespace eutl::verify {

// The trace entry `eutl check-site` adds for this check.
inline constexpr RuleInfo kHostnameRule{"HOSTNAME", "RFC 6125 §6.4",
                                        "the server's certificate is issued for the host name"};

enum class HostnameMatch : bool { kMismatch, kMatch };

struct HostnameCheck final {
  HostnameMatch match = HostnameMatch::kMismatch;
  std::string matched_by;  // the identifier that matched ("DNS:*.example.eu", "IP:127.0.0.1", "CN:…")
  std::string reason;      // one sentence, for a mismatch: what the certificate names instead
};

// One presented dNSName against one reference host name (RFC 6125 §6.4).
[[nodiscard]] bool dns_name_matches(std::string_view presented, std::string_view reference);

// `host` against the certificate's subjectAltName (and CN, see above).
[[nodiscard]] HostnameCheck match_hostname(const CertificateProfile& certificate, std::string_view host);

}  // namespace eutl::verify
