// Which addresses POST /v1/check-site may connect to. A service that connects where a
// caller says must not become a way into the network it runs in (server-side request
// forgery): loopback, private, link-local, unspecified, multicast, shared (CGNAT) and
// reserved addresses are refused unless the operator allows private sites, and the
// connection goes to the address that was checked, never to a second DNS answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"

namespace eutl::server {

enum class AddressClass : std::uint8_t {
  kPublic,
  kLoopback,     // 127.0.0.0/8, ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3)
  kPrivate,      // 10/8, 172.16/12, 192.168/16 (RFC 1918), fc00::/7 (RFC 4193), fec0::/10
  kLinkLocal,    // 169.254/16 (RFC 3927), fe80::/10 (RFC 4291 §2.5.6)
  kUnspecified,  // 0.0.0.0/8 (RFC 1122 "this network"), :: (RFC 4291 §2.5.2)
  kMulticast,    // 224/4 (RFC 5771), ff00::/8 (RFC 4291 §2.7)
  kShared,       // 100.64/10, carrier-grade NAT (RFC 6598)
  kReserved,     // 240/4 and the broadcast address (RFC 1112 §4, RFC 919)
  kInvalid,      // not an IPv4 or IPv6 address literal
};
std::string_view to_string(AddressClass c);  // "public", "loopback", "private", …

// The class of an IPv4 or IPv6 literal (no brackets); an IPv4-mapped IPv6 address
// (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) is classed as its IPv4 address.
[[nodiscard]] AddressClass classify_address(std::string_view literal);

// The addresses `host` resolves to (one DNS lookup; an address literal is itself), in
// the resolver's order, as literals.
[[nodiscard]] Result<std::vector<std::string>> resolve_host(const std::string& host);

}  // namespace eutl::server
