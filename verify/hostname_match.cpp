// RFC 6125 §6 server identity check (include/eutl/verify/hostname_match.h).
//
// Deviations from RFC 6125: partial-label wildcards ("f*.example.eu"), which §6.4.3
// lets a client accept, are refused (as RFC 9525 §6.3 and the CA/Browser Forum
// Baseline Requirements do). Without a public suffix list, "public-suffix-like" is a
// heuristic: a wildcard needs at least two labels after it, and not two labels of the
// form <generic second-level label>.<two-letter country code> ("*.co.uk", "*.com.pl").
#include "eutl/verify/hostname_match.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "eutl/tsl/bytes.h"

namespace eutl::verify {
namespace {

constexpr char kDnsPrefix[] = "DNS:";
constexpr char kIpPrefix[] = "IP:";

// Second-level labels that registries use as public suffixes under a country code.
constexpr std::array<std::string_view, 18> kGenericSecondLevel{"ac",  "co",  "com", "edu", "gob", "gouv",
                                                               "gov", "go",  "ltd", "mil", "ne",  "net",
                                                               "nic", "nom", "or",  "org", "plc", "sch"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

std::string_view strip_trailing_dot(std::string_view s) {
  return !s.empty() && s.back() == '.' ? s.substr(0, s.size() - 1) : s;
}

std::vector<std::string_view> split_labels(std::string_view name) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (;;) {
    auto dot = name.find('.', start);
    labels.push_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) {
      return labels;
    }
    start = dot + 1;
  }
}

// Letters, digits, hyphen and (seen in real certificates) underscore; no empty label.
bool is_host_label(std::string_view label) {
  if (label.empty() || label.size() > 63) {
    return false;
  }
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool is_host_name(const std::vector<std::string_view>& labels) {
  return std::all_of(labels.begin(), labels.end(), is_host_label);
}

// RFC 6125 §6.4.3 as restricted above: "*" is the whole left-most label, over a
// name that is not a top-level or public-suffix-like two-label name.
bool wildcard_allowed(const std::vector<std::string_view>& labels) {
  if (labels.size() < 3) {
    return false;
  }
  if (labels.size() == 3) {
    std::string_view tld = labels[2];
    std::string_view sld = labels[1];
    bool generic = std::any_of(kGenericSecondLevel.begin(), kGenericSecondLevel.end(),
                               [&](std::string_view g) { return iequal(g, sld); });
    if (tld.size() == 2 && generic) {
      return false;
    }
  }
  return true;
}

std::string_view unbracketed(std::string_view host) {
  return host.size() > 2 && host.front() == '[' && host.back() == ']' ? host.substr(1, host.size() - 2) : host;
}

// The bytes of an IP literal (4 or 16), or nullopt for a name.
std::optional<tsl::Bytes> ip_literal(std::string_view host) {
  host = unbracketed(host);
  if (host.size() > 45) {
    return std::nullopt;
  }
  std::string text(host);
  unsigned char buf[16];
  if (::inet_pton(AF_INET, text.c_str(), buf) == 1) {
    return tsl::Bytes(buf, buf + 4);
  }
  if (::inet_pton(AF_INET6, text.c_str(), buf) == 1) {
    return tsl::Bytes(buf, buf + 16);
  }
  return std::nullopt;
}

// The CN values of an RFC 2253 subject string, unescaped; values holding escapes are
// skipped (a host name needs none).
std::vector<std::string> common_names(std::string_view subject) {
  std::vector<std::string> out;
  std::size_t start = 0;
  bool escaped = false;
  for (std::size_t i = 0; i <= subject.size(); ++i) {
    bool end = i == subject.size();
    if (!end && subject[i] == '\\') {
      escaped = true;
      ++i;  // the escaped character never separates
      continue;
    }
    if (end || subject[i] == ',' || subject[i] == '+') {
      std::string_view rdn = subject.substr(start, i - start);
      if (rdn.size() > 3 && iequal(rdn.substr(0, 3), "CN=") && !escaped) {
        out.emplace_back(rdn.substr(3));
      }
      start = i + 1;
      escaped = false;
    }
  }
  return out;
}

// "IP:7f000001" (how the profile keeps an iPAddress) as "IP:127.0.0.1".
std::string readable(const std::string& san) {
  std::string_view hex = std::string_view(san).substr(3);
  if (!san.starts_with(kIpPrefix) || (hex.size() != 8 && hex.size() != 32)) {
    return san;
  }
  unsigned char buf[16];
  for (std::size_t i = 0; i < hex.size() / 2; ++i) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    buf[i] = static_cast<unsigned char>(nibble(hex[2 * i]) * 16 + nibble(hex[2 * i + 1]));
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (::inet_ntop(hex.size() == 8 ? AF_INET : AF_INET6, buf, text, sizeof text) == nullptr) {
    return san;
  }
  return std::string(kIpPrefix) + text;
}

std::string names_list(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) {
    s += (s.empty() ? "" : ", ") + readable(n);
  }
  return s;
}

}  // namespace

bool dns_name_matches(std::string_view presented, std::string_view reference) {
  presented = strip_trailing_dot(presented);
  reference = strip_trailing_dot(reference);
  if (presented.empty() || reference.empty() || presented.size() > 253 || reference.size() > 253) {
    return false;
  }
  auto want = split_labels(reference);
  auto have = split_labels(presented);
  if (!is_host_name(want) || have.size() != want.size()) {
    return false;
  }
  for (std::size_t i = 0; i < have.size(); ++i) {
    if (i == 0 && have[0] == "*") {
      std::vector<std::string_view> rest(have.begin() + 1, have.end());
      if (!is_host_name(rest) || !wildcard_allowed(have)) {
        return false;
      }
      continue;  // one whole label, non-empty since `want` is a host name
    }
    if (!is_host_label(have[i]) || !iequal(have[i], want[i])) {
      return false;  // includes "*" anywhere else and partial wildcards
    }
  }
  return true;
}

HostnameCheck match_hostname(const CertificateProfile& certificate, std::string_view host) {
  HostnameCheck out;
  const auto ip = ip_literal(host);
  const std::string ip_hex = ip ? kIpPrefix + tsl::to_hex(*ip) : std::string();
  std::vector<std::string> presented;
  bool has_dns_or_ip = false;
  for (const auto& san : certificate.subject_alt_names) {
    std::string_view s = san;
    if (s.starts_with(kDnsPrefix)) {
      has_dns_or_ip = true;
      presented.push_back(san);
      if (!ip && dns_name_matches(s.substr(4), host)) {
        out.match = HostnameMatch::kMatch;
        out.matched_by = san;
        return out;
      }
    } else if (s.starts_with(kIpPrefix)) {
      has_dns_or_ip = true;
      presented.push_back(san);
      if (ip && s == ip_hex) {
        out.match = HostnameMatch::kMatch;
        out.matched_by = std::string(kIpPrefix) + std::string(unbracketed(host));
        return out;
      }
    }
  }
  if (!has_dns_or_ip) {
    for (const auto& cn : common_names(certificate.subject)) {
      presented.push_back("CN:" + cn);
      if (!ip && dns_name_matches(cn, host)) {
        out.match = HostnameMatch::kMatch;
        out.matched_by = "CN:" + cn;
        return out;
      }
    }
  }
  out.reason = presented.empty() ? "the certificate names no host"
                                 : "the certificate names " + names_list(presented);
  return out;
}

}  // namespace eutl::verify
