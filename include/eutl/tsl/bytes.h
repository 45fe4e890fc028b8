// Byte buffers, strict base64 and the SHA-256 digests used to name content.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"

namespace eutl::tsl {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using Sha256 = std::array<std::uint8_t, 32>;

// Strict base64 (RFC 4648 alphabet, '=' padding only at the end, no stray bits).
// XML whitespace anywhere is skipped: xsd:base64Binary allows it and real lists wrap
// certificates at 64 or 76 columns with CRLF. Anything else is an error.
[[nodiscard]] Result<Bytes> base64_decode(std::string_view text);
std::string base64_encode(ByteView data);

Sha256 sha256(ByteView data);
std::string to_hex(ByteView data);
inline std::string to_hex(const Sha256& d) { return to_hex(ByteView(d.data(), d.size())); }
// The digest spelled as to_hex spells it: exactly 64 lower-case hex digits; nullopt for
// anything else.
std::optional<Sha256> sha256_from_hex(std::string_view hex);
// Bytes spelled as to_hex spells them (lower-case, two digits a byte); nullopt for
// anything else.
std::optional<Bytes> from_hex(std::string_view hex);

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace eutl::tsl
