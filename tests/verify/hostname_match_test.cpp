// RFC 6125 §6 host name matching (verify/hostname_match.cpp), table-driven.
#include "eutl/verify/hostname_match.h"

#include <gtest/gtest.h>

namespace eutl::verify {
namespace {

struct DnsCase {
  const char* presented;
  const char* reference;
  bool match;
};

// RFC 6125 §6.4.1–6.4.3 and the restrictions in the header.
const DnsCase kDnsCases[] = {
    {"qwac.example.test", "qwac.example.test", true},
    {"QWAC.Example.TEST", "qwac.example.test", true},  // case-insensitive
    {"qwac.example.test", "QWAC.EXAMPLE.test", true},
    {"qwac.example.test.", "qwac.example.test", true},  // one trailing dot ignored
    {"qwac.example.test", "qwac.example.test.", true},
    {"qwac.example.test", "wrong.example.test", false},
    {"qwac.example.test", "example.test", false},
    {"example.test", "qwac.example.test", false},
    {"qwac.example.test", "qwac.example.test.evil", false},
    {"*.example.test", "qwac.example.test", true},  // whole left-most label
    {"*.example.test", "QWAC.example.test", true},
    {"*.example.test", "example.test", false},           // exactly one label
    {"*.example.test", "a.qwac.example.test", false},    // not two labels
    {"*.example.test", ".example.test", false},          // empty label
    {"a.*.example.test", "a.b.example.test", false},     // not left-most
    {"q*.example.test", "qwac.example.test", false},     // partial-label wildcards never
    {"*wac.example.test", "qwac.example.test", false},
    {"q*c.example.test", "qwac.example.test", false},
    {"**.example.test", "qwac.example.test", false},
    {"*", "localhost", false},
    {"*.test", "example.test", false},       // wildcard over a top-level name
    {"*.co.uk", "example.co.uk", false},     // public-suffix-like two-label names
    {"*.com.pl", "example.com.pl", false},
    {"*.gov.be", "example.gov.be", false},
    {"*.example.eu", "www.example.eu", true},
    {"*.example.co.uk", "www.example.co.uk", true},
    {"*.europa.eu", "ec.europa.eu", true},
    {"xn--bcher-kva.example", "xn--bcher-kva.example", true},  // A-labels as is
    {"xn--bcher-kva.example", "XN--BCHER-KVA.example", true},
    {"xn--bcher-kva.example", "bücher.example", false},        // no U-label conversion
    {"*.xn--bcher-kva.example", "www.xn--bcher-kva.example", true},
    {"bücher.example", "bücher.example", false},               // non-ASCII never matches
    {"", "qwac.example.test", false},
    {"qwac.example.test", "", false},
    {"qwac..example.test", "qwac..example.test", false},
    {"127.0.0.1", "127.0.0.1", true},  // dns_name_matches alone compares text; IPs go by iPAddress
};

TEST(HostnameMatch, DnsNames) {
  for (const auto& c : kDnsCases) {
    EXPECT_EQ(dns_name_matches(c.presented, c.reference), c.match) << c.presented << " vs " << c.reference;
  }
}

TEST(HostnameMatch, EmbeddedNulInPresentedNameNeverMatches) {
  const std::string presented("qwac.example.test\0.evil.test", 28);
  EXPECT_FALSE(dns_name_matches(presented, "qwac.example.test"));
  EXPECT_FALSE(dns_name_matches(presented, "qwac.example.test.evil.test"));
}

struct CertCase {
  std::vector<std::string> sans;
  const char* subject;
  const char* host;
  HostnameMatch match;
  const char* matched_by;  // when matched
};

const CertCase kCertCases[] = {
    {{"DNS:qwac.example.test"}, "CN=qwac.example.test,C=BB", "qwac.example.test", HostnameMatch::kMatch,
     "DNS:qwac.example.test"},
    {{"DNS:qwac.example.test"}, "CN=qwac.example.test,C=BB", "wrong.example.test", HostnameMatch::kMismatch, ""},
    {{"DNS:other.example.test", "DNS:*.example.test"}, "CN=x", "www.example.test", HostnameMatch::kMatch,
     "DNS:*.example.test"},
    // No fallback to CN when a SAN is present (RFC 6125 §6.4.4).
    {{"DNS:other.example.test"}, "CN=qwac.example.test,C=BB", "qwac.example.test", HostnameMatch::kMismatch, ""},
    {{"IP:7f000001"}, "CN=qwac.example.test", "qwac.example.test", HostnameMatch::kMismatch, ""},
    // No SAN at all: the CN is the presented identifier.
    {{}, "CN=qwac.example.test,O=Example,C=BB", "qwac.example.test", HostnameMatch::kMatch, "CN:qwac.example.test"},
    {{"email:a@example.test"}, "O=Example,CN=qwac.example.test", "QWAC.example.test", HostnameMatch::kMatch,
     "CN:qwac.example.test"},
    {{}, "CN=qwac.example.test\\,x,C=BB", "qwac.example.test", HostnameMatch::kMismatch, ""},
    {{}, "O=qwac.example.test,C=BB", "qwac.example.test", HostnameMatch::kMismatch, ""},
    {{}, "CN=127.0.0.1", "127.0.0.1", HostnameMatch::kMismatch, ""},  // IPs never from the CN
    // IP literals: iPAddress only, byte for byte.
    {{"IP:7f000001"}, "CN=x", "127.0.0.1", HostnameMatch::kMatch, "IP:127.0.0.1"},
    {{"IP:7f000002"}, "CN=x", "127.0.0.1", HostnameMatch::kMismatch, ""},
    {{"DNS:127.0.0.1"}, "CN=x", "127.0.0.1", HostnameMatch::kMismatch, ""},
    {{"IP:00000000000000000000000000000001"}, "CN=x", "::1", HostnameMatch::kMatch, "IP:::1"},
    {{"IP:00000000000000000000000000000001"}, "CN=x", "[::1]", HostnameMatch::kMatch, "IP:::1"},
    {{"IP:00000000000000000000000000000001"}, "CN=x", "0:0:0:0:0:0:0:1", HostnameMatch::kMatch,
     "IP:0:0:0:0:0:0:0:1"},
    {{"IP:7f000001"}, "CN=x", "::ffff:127.0.0.1", HostnameMatch::kMismatch, ""},  // no v4-mapped equivalence
    {{"IP:00000000000000000000000000000001"}, "CN=x", "127.0.0.1", HostnameMatch::kMismatch, ""},
    {{"IP:7f000001"}, "CN=x", "127.1", HostnameMatch::kMismatch, ""},  // not a dotted quad: a name
    {{}, "", "qwac.example.test", HostnameMatch::kMismatch, ""},
};

TEST(HostnameMatch, CertificateIdentities) {
  for (const auto& c : kCertCases) {
    CertificateProfile p;
    p.subject_alt_names = c.sans;
    p.subject = c.subject;
    HostnameCheck r = match_hostname(p, c.host);
    EXPECT_EQ(r.match, c.match) << c.host << " vs " << c.subject;
    if (c.match == HostnameMatch::kMatch) {
      EXPECT_EQ(r.matched_by, c.matched_by) << c.host;
      EXPECT_TRUE(r.reason.empty());
    } else {
      EXPECT_FALSE(r.reason.empty()) << c.host;
    }
  }
}

TEST(HostnameMatch, MismatchReasonNamesWhatTheCertificateNames) {
  CertificateProfile p;
  p.subject_alt_names = {"DNS:qwac.example.test", "IP:7f000001"};
  HostnameCheck r = match_hostname(p, "wrong.example.test");
  EXPECT_EQ(r.match, HostnameMatch::kMismatch);
  EXPECT_EQ(r.reason, "the certificate names DNS:qwac.example.test, IP:127.0.0.1");
}

}  // namespace
}  // namespace eutl::verify
