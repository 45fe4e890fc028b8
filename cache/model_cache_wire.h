// The byte-level form of the model cache (cache/model_cache.cpp): little-endian fixed
// width integers, length-prefixed strings and sequences. The reader is bounds-checked
// and sticky: after the first overrun every read returns an empty value and ok() is
// false, so a truncated or corrupt file is detected once, at the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "eutl/tsl/bytes.h"

namespace eutl::cache::detail {

class WireWriter final {
 public:
  void u8(std::uint8_t v) { m_out.push_back(v); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void bytes(tsl::ByteView b) {
    u32(static_cast<std::uint32_t>(b.size()));
    raw(b.data(), b.size());
  }
  void str(std::string_view s) { bytes(tsl::as_bytes(s)); }
  void raw(const void* p, std::size_t n) {
    if (n == 0) {
      return;
    }
    std::size_t at = m_out.size();
    m_out.resize(at + n);
    std::memcpy(m_out.data() + at, p, n);
  }

  tsl::Bytes& out() noexcept { return m_out; }

 private:
  tsl::Bytes m_out;
};

class WireReader final {
 public:
  explicit WireReader(tsl::ByteView in) : m_p(in.data()), m_end(in.data() + in.size()) {}

  bool ok() const noexcept { return m_ok; }
  bool at_end() const noexcept { return m_p == m_end; }
  std::size_t remaining() const noexcept { return static_cast<std::size_t>(m_end - m_p); }
  void fail() noexcept {
    m_ok = false;
    m_p = m_end;
  }

  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  // A view into the input: valid as long as the input is.
  tsl::ByteView bytes() { return take(u32()); }
  // The next `n` bytes, as a view into the input.
  tsl::ByteView take(std::uint64_t n) {
    if (n > remaining()) {
      fail();
      return {};
    }
    tsl::ByteView v(m_p, static_cast<std::size_t>(n));
    m_p += n;
    return v;
  }
  std::string str() {
    tsl::ByteView v = bytes();
    return std::string(reinterpret_cast<const char*>(v.data()), v.size());
  }
  // A element count, rejected when even one byte per element would overrun (so a
  // corrupt count never makes us allocate gigabytes).
  std::size_t count() {
    std::uint32_t n = u32();
    if (n > remaining()) {
      fail();
      return 0;
    }
    return n;
  }
  void raw(void* p, std::size_t n) {
    if (n == 0) {
      return;  // `p` may be an empty vector's null data()
    }
    if (n > remaining()) {
      fail();
      std::memset(p, 0, n);
      return;
    }
    std::memcpy(p, m_p, n);
    m_p += n;
  }

 private:
  const std::uint8_t* m_p;
  const std::uint8_t* m_end;
  bool m_ok = true;
};

}  // namespace eutl::cache::detail
