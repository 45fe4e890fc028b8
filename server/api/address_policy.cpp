// Which addresses POST /v1/check-site may connect to (server/api/address_policy.h).
#include "server/api/address_policy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>

#include "tsl/detail/c_handle.h"

namespace eutl::server {
namespace {

AddressClass classify_v4(const std::array<std::uint8_t, 4>& a) {
  const std::uint32_t v = (std::uint32_t{a[0]} << 24) | (std::uint32_t{a[1]} << 16) | (std::uint32_t{a[2]} << 8) | a[3];
  auto in = [v](std::uint32_t net, int bits) { return (v >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x00000000, 8)) {
    return AddressClass::kUnspecified;
  }
  if (in(0x7f000000, 8)) {
    return AddressClass::kLoopback;
  }
  if (in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16)) {
    return AddressClass::kPrivate;
  }
  if (in(0xa9fe0000, 16)) {
    return AddressClass::kLinkLocal;
  }
  if (in(0x64400000, 10)) {
    return AddressClass::kShared;
  }
  if (in(0xe0000000, 4)) {
    return AddressClass::kMulticast;
  }
  if (in(0xf0000000, 4)) {
    return AddressClass::kReserved;  // includes 255.255.255.255
  }
  return AddressClass::kPublic;
}

AddressClass classify_v6(const std::array<std::uint8_t, 16>& a) {
  static constexpr std::array<std::uint8_t, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), a.begin())) {
    return classify_v4({a[12], a[13], a[14], a[15]});
  }
  bool zero_but_last = true;
  for (std::size_t i = 0; i < 15; ++i) {
    zero_but_last = zero_but_last && a[i] == 0;
  }
  if (zero_but_last && a[15] == 0) {
    return AddressClass::kUnspecified;
  }
  if (zero_but_last && a[15] == 1) {
    return AddressClass::kLoopback;
  }
  if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)) {
    return AddressClass::kPrivate;  // unique local fc00::/7, deprecated site-local fec0::/10
  }
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) {
    return AddressClass::kLinkLocal;
  }
  if (a[0] == 0xff) {
    return AddressClass::kMulticast;
  }
  return AddressClass::kPublic;
}

}  // namespace

std::string_view to_string(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic: return "public";
    case AddressClass::kLoopback: return "loopback";
    case AddressClass::kPrivate: return "private";
    case AddressClass::kLinkLocal: return "link-local";
    case AddressClass::kUnspecified: return "unspecified";
    case AddressClass::kMulticast: return "multicast";
    case AddressClass::kShared: return "shared (CGNAT)";
    case AddressClass::kReserved: return "reserved";
    case AddressClass::kInvalid: break;
  }
  return "invalid";
}

AddressClass classify_address(std::string_view literal) {
  const std::string text(literal);
  std::array<std::uint8_t, 4> v4{};
  if (::inet_pton(AF_INET, text.c_str(), v4.data()) == 1) {
    return classify_v4(v4);
  }
  std::array<std::uint8_t, 16> v6{};
  if (::inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) {
    return classify_v6(v6);
  }
  return AddressClass::kInvalid;
}

Result<std::vector<std::string>> resolve_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &found); rc != 0) {
    return Error(Errc::kIo, "cannot resolve " + host + ": " + ::gai_strerror(rc));
  }
  const eutl::detail::CHandle<addrinfo, ::freeaddrinfo> owned(found);  // owns the whole answer
  std::vector<std::string> out;
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    const void* where = a->ai_family == AF_INET
                            ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(a->ai_addr)->sin_addr)
                            : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if ((a->ai_family == AF_INET || a->ai_family == AF_INET6) &&
        ::inet_ntop(a->ai_family, where, text.data(), text.size()) != nullptr) {
      std::string literal(text.data());
      if (std::find(out.begin(), out.end(), literal) == out.end()) {
        out.push_back(std::move(literal));
      }
    }
  }
  if (out.empty()) {
    return Error(Errc::kIo, "cannot resolve " + host + ": no IPv4 or IPv6 address");
  }
  return out;
}

}  // namespace eutl::server
