// TLS sessions kept from one fetch to the next, so that a refresh resumes the session it
// had with each server (RFC 8446 §2.2, §4.6.1; RFC 5077 for TLS 1.2) instead of making
// a full handshake again: no certificate to decode, no chain and no signature of the
// server to verify. A refresh in which nothing changed is 31 connections that each
// carry one conditional GET, so the handshakes are most of its cost.
//
// A session is offered only
//   - to the host name (TLS server name) it was made with, and the session must name
//     that host too;
//   - under the trust it was made under: FetchOptions::cacert, the same file or
//     directory unchanged (bind_trust()); another CA setting drops every session;
//   - before it expires (the server's ticket lifetime, at most 7 days in TLS 1.3).
// A session is kept only after curl's peer verification succeeded, and curl checks the
// host name against the session's certificate again when it is resumed. A server that
// does not resume it gets a full handshake, verified as always.
//
// Used only when curl runs on this process's OpenSSL; otherwise it stays untouched.
// Not thread-safe: one Fetcher at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"

namespace eutl::net {

class TlsSessions final {
 public:
  static constexpr std::size_t kMaxSessions = 512;
  static constexpr std::size_t kMaxSessionBytes = 16 * 1024;  // DER; a session holds the server's certificate

  TlsSessions() = default;

  // What to_text() wrote, without the sessions expired at `now`. Text that is not such
  // a file, or a line that is not a session, is dropped (the next fetch makes full
  // handshakes): this is a cache, never a reason to fail.
  [[nodiscard]] static TlsSessions from_text(std::string_view text, tsl::TimePoint now);
  [[nodiscard]] std::string to_text() const;

  [[nodiscard]] std::size_t size() const noexcept { return m_by_host.size(); }
  [[nodiscard]] bool empty() const noexcept { return m_by_host.empty(); }
  // Handshakes that resumed one of these sessions, counted by the Fetchers using them.
  [[nodiscard]] std::size_t resumed() const noexcept { return m_resumed; }

  // For the Fetcher (net/ssl_ctx_hooks.cpp).
  // Sessions kept under another trust (a digest of the CA setting) are dropped.
  void bind_trust(std::string trust);
  [[nodiscard]] const tsl::Bytes* find(std::string_view host) const;
  // `expires`: seconds since the epoch.
  void keep(std::string host, tsl::Bytes der, std::int64_t expires);
  void forget(std::string_view host);
  void count_resumed() noexcept { ++m_resumed; }

 private:
  struct Entry final {
    tsl::Bytes der;
    std::int64_t expires = 0;
  };
  std::string m_trust;
  std::map<std::string, Entry, std::less<>> m_by_host;
  std::size_t m_resumed = 0;
};

}  // namespace eutl::net
