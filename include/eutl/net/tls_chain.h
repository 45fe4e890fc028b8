// Fetching the certificate chain a TLS server presents (for `eutl check-site`).
//
// This is observation, not authentication: the handshake accepts any chain (no
// WebPKI verification, no hostname check), because the point is to hand the chain
// the server sent to the qualification decision, which checks it against the
// trusted lists. No application data is exchanged.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::net {

struct TlsTarget final {
  std::string host;      // name or IP address literal (IPv6 without brackets)
  std::uint16_t port = 443;
  std::string sni;       // server name sent; empty: the host when it is a name, none for an IP
};

struct TlsChainOptions final {
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds handshake_timeout{10000};
};

struct TlsChain final {
  std::vector<tsl::Bytes> certificates;  // DER, as sent: the server's certificate first
  std::string peer_address;              // "127.0.0.1:8443"
  std::string protocol;                  // "TLSv1.3"
  std::string cipher;
  std::string sni;  // what was sent; empty when none
};

// "HOST", "HOST:PORT", "[IPv6]:PORT" (default port 443), or an https URL
// ("https://HOST/path", "https://HOST:8443/", "https://[::1]:8443/": the authority
// is used, the path, query and fragment are ignored); kUsage when malformed, for
// another scheme, or for a URL with user information.
[[nodiscard]] Result<TlsTarget> parse_tls_target(const std::string& text);

// Connects (each resolved address in turn), handshakes and returns the chain.
// kIo for DNS/connect failures and timeouts, kCrypto for handshake failures.
[[nodiscard]] Result<TlsChain> fetch_tls_chain(const TlsTarget& target, const TlsChainOptions& options = {});

}  // namespace eutl::net
