// A strict DER cursor for the few structures verify/ reads itself (qcStatements):
// definite minimal lengths, single-byte tags, nothing beyond the container.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "eutl/tsl/bytes.h"

namespace eutl::verify::detail {

namespace tag {
inline constexpr std::uint8_t kBoolean = 0x01;
inline constexpr std::uint8_t kInteger = 0x02;
inline constexpr std::uint8_t kOctetString = 0x04;
inline constexpr std::uint8_t kNull = 0x05;
inline constexpr std::uint8_t kOid = 0x06;
inline constexpr std::uint8_t kUtf8String = 0x0c;
inline constexpr std::uint8_t kPrintableString = 0x13;
inline constexpr std::uint8_t kIa5String = 0x16;
inline constexpr std::uint8_t kSequence = 0x30;
}  // namespace tag

struct DerTlv final {
  std::uint8_t tag = 0;
  tsl::ByteView content;
};

class DerCursor final {
 public:
  explicit DerCursor(tsl::ByteView data) : m_data(data) {}

  bool more() const noexcept { return m_pos < m_data.size(); }
  std::optional<std::uint8_t> peek_tag() const noexcept;
  // The next TLV; nullopt (and error() set) when it is not strict DER.
  std::optional<DerTlv> next();
  // The next TLV, which must carry `tag`.
  std::optional<DerTlv> expect(std::uint8_t tag, const char* what);
  const std::string& error() const noexcept { return m_error; }

 private:
  tsl::ByteView m_data;
  std::size_t m_pos = 0;
  std::string m_error;
};

// Dotted form of an OID's content octets; nullopt when not a valid encoding.
std::optional<std::string> decode_oid(tsl::ByteView content);
// A small INTEGER (fits in long long); nullopt otherwise.
std::optional<long long> decode_integer(tsl::ByteView content);
inline std::string as_string(tsl::ByteView content) {
  return {reinterpret_cast<const char*>(content.data()), content.size()};
}

}  // namespace eutl::verify::detail
