// TLS sessions kept between fetches (include/eutl/net/tls_sessions.h): the file's text.
//
//   eutl-tls-sessions/1
//   trust <the digest bind_trust() was given>
//   <host> <expiry, seconds since the epoch> <the session, DER (i2d_SSL_SESSION), hex>
//   ...
#include "eutl/net/tls_sessions.h"

#include <charconv>
#include <optional>

namespace eutl::net {
namespace {

constexpr std::string_view kMagic = "eutl-tls-sessions/1";
constexpr std::string_view kTrust = "trust ";
constexpr std::size_t kMaxHost = 253;  // RFC 1035 §2.3.4, as a dotted name

bool is_host(std::string_view h) {
  if (h.empty() || h.size() > kMaxHost) {
    return false;
  }
  for (char c : h) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!ok) {
      return false;
    }
  }
  return true;
}

// The session's DER from its hex, within the bound.
std::optional<tsl::Bytes> session_from_hex(std::string_view hex) {
  if (hex.empty() || hex.size() / 2 > TlsSessions::kMaxSessionBytes) {
    return std::nullopt;
  }
  return tsl::from_hex(hex);
}

// The next line of `text` from `at` (without its '\n'); advances `at`.
std::string_view next_line(std::string_view text, std::size_t& at) {
  const std::size_t end = std::min(text.find('\n', at), text.size());
  const std::string_view line = text.substr(at, end - at);
  at = end + 1;
  return line;
}

}  // namespace

TlsSessions TlsSessions::from_text(std::string_view text, tsl::TimePoint now) {
  TlsSessions out;
  std::size_t at = 0;
  if (next_line(text, at) != kMagic) {
    return out;
  }
  const std::string_view trust = next_line(text, at);
  if (!trust.starts_with(kTrust)) {
    return out;
  }
  out.m_trust = std::string(trust.substr(kTrust.size()));
  const std::int64_t seconds = now.time_since_epoch().count();
  while (at < text.size() && out.m_by_host.size() < kMaxSessions) {
    const std::string_view line = next_line(text, at);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos) {
      continue;
    }
    const std::string_view host = line.substr(0, sp1);
    const std::string_view expiry = line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::int64_t expires = 0;
    const auto [end, ec] = std::from_chars(expiry.data(), expiry.data() + expiry.size(), expires);
    auto der = session_from_hex(line.substr(sp2 + 1));
    if (!is_host(host) || ec != std::errc() || end != expiry.data() + expiry.size() || expires <= seconds || !der) {
      continue;
    }
    out.m_by_host.insert_or_assign(std::string(host), Entry{std::move(*der), expires});
  }
  return out;
}

std::string TlsSessions::to_text() const {
  std::string out;
  out.append(kMagic).append("\n").append(kTrust).append(m_trust).append("\n");
  for (const auto& [host, entry] : m_by_host) {
    out.append(host).append(" ").append(std::to_string(entry.expires)).append(" ");
    out.append(tsl::to_hex(entry.der)).append("\n");
  }
  return out;
}

void TlsSessions::bind_trust(std::string trust) {
  if (trust != m_trust) {
    m_by_host.clear();
    m_trust = std::move(trust);
  }
}

const tsl::Bytes* TlsSessions::find(std::string_view host) const {
  const auto it = m_by_host.find(host);
  return it == m_by_host.end() ? nullptr : &it->second.der;
}

void TlsSessions::keep(std::string host, tsl::Bytes der, std::int64_t expires) {
  if (!is_host(host) || der.empty() || der.size() > kMaxSessionBytes ||
      (m_by_host.size() >= kMaxSessions && !m_by_host.contains(host))) {
    return;
  }
  m_by_host.insert_or_assign(std::move(host), Entry{std::move(der), expires});
}

void TlsSessions::forget(std::string_view host) {
  if (const auto it = m_by_host.find(host); it != m_by_host.end()) {
    m_by_host.erase(it);
  }
}

}  // namespace eutl::net
