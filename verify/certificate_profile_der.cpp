#include "verify/certificate_profile_der.h"

namespace eutl::verify::detail {

std::optional<std::uint8_t> DerCursor::peek_tag() const noexcept {
  if (!more()) {
    return std::nullopt;
  }
  return m_data[m_pos];
}

std::optional<DerTlv> DerCursor::next() {
  if (m_pos >= m_data.size()) {
    m_error = "unexpected end of data";
    return std::nullopt;
  }
  DerTlv t;
  t.tag = m_data[m_pos++];
  if ((t.tag & 0x1f) == 0x1f) {
    m_error = "multi-byte tag";
    return std::nullopt;
  }
  if (m_pos >= m_data.size()) {
    m_error = "missing length";
    return std::nullopt;
  }
  std::size_t len = m_data[m_pos++];
  if ((len & 0x80) != 0) {
    std::size_t n = len & 0x7f;
    if (n == 0) {
      m_error = "indefinite length is not DER";
      return std::nullopt;
    }
    if (n > 4 || m_data.size() - m_pos < n) {
      m_error = "bad length";
      return std::nullopt;
    }
    if (m_data[m_pos] == 0) {
      m_error = "non-minimal length";
      return std::nullopt;
    }
    len = 0;
    for (std::size_t i = 0; i < n; ++i) {
      len = (len << 8) | m_data[m_pos++];
    }
    if (len < 0x80) {
      m_error = "non-minimal length";
      return std::nullopt;
    }
  }
  if (m_data.size() - m_pos < len) {
    m_error = "length beyond the end of its container";
    return std::nullopt;
  }
  t.content = m_data.subspan(m_pos, len);
  m_pos += len;
  return t;
}

std::optional<DerTlv> DerCursor::expect(std::uint8_t tag, const char* what) {
  auto t = next();
  if (!t) {
    return t;
  }
  if (t->tag != tag) {
    m_error = std::string("expected ") + what;
    return std::nullopt;
  }
  return t;
}

std::optional<std::string> decode_oid(tsl::ByteView c) {
  if (c.empty() || (c.back() & 0x80) != 0) {
    return std::nullopt;
  }
  std::string out;
  unsigned long long value = 0;
  bool first = true;
  bool start = true;
  for (std::uint8_t b : c) {
    if (start && b == 0x80) {
      return std::nullopt;  // non-minimal sub-identifier
    }
    start = false;
    if (value > (~0ULL >> 7)) {
      return std::nullopt;
    }
    value = (value << 7) | (b & 0x7f);
    if ((b & 0x80) != 0) {
      continue;
    }
    if (first) {
      unsigned long long arc1 = value < 40 ? 0 : (value < 80 ? 1 : 2);
      out = std::to_string(arc1) + "." + std::to_string(value - arc1 * 40);
      first = false;
    } else {
      out += "." + std::to_string(value);
    }
    value = 0;
    start = true;
  }
  return out;
}

std::optional<long long> decode_integer(tsl::ByteView c) {
  if (c.empty() || c.size() > 8) {
    return std::nullopt;
  }
  long long v = (c[0] & 0x80) != 0 ? -1 : 0;
  for (std::uint8_t b : c) {
    v = static_cast<long long>((static_cast<unsigned long long>(v) << 8) | b);
  }
  return v;
}

}  // namespace eutl::verify::detail
