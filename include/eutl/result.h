// Result<T>: either a value or an Error saying why the operation could not run.
//
// Two channels: an Error means "could not run" (I/O, malformed input,
// library failure). A bad signature or a non-qualified certificate is a verdict and
// travels inside the value. g++ 12 has std::expected only under C++23, so this is a
// small expected-shaped type that can later become an alias.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace eutl {

// A small canonical set, as in absl::StatusCode: pick the one a caller would act on.
enum class Errc {
  kIo,           // the file or network resource could not be read or written
  kMalformed,    // the input is not what it claims to be (not XML, bad base64, bad DER…)
  kUnsupported,  // well-formed but outside what we handle (unknown version, algorithm…)
  kLimit,        // a safety limit was hit (size, depth, count)
  kCrypto,       // OpenSSL/xmlsec failed operationally
  kNotFound,     // a requested item does not exist
  kUsage,        // the caller asked for something invalid
  kInternal,     // a bug
};

const char* errc_name(Errc code) noexcept;

struct Error final {
  Errc code = Errc::kInternal;
  std::string message;

  Error() = default;
  Error(Errc c, std::string m) : code(c), message(std::move(m)) {}
};

template <typename T>
class [[nodiscard]] Result final {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return m_v.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(m_v); }
  const T& value() const& { assert(has_value()); return std::get<0>(m_v); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(m_v)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { assert(!has_value()); return std::get<1>(m_v); }
  Error&& error() && { assert(!has_value()); return std::get<1>(std::move(m_v)); }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> final {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT

  bool has_value() const noexcept { return m_ok; }
  explicit operator bool() const noexcept { return m_ok; }
  const Error& error() const& { assert(!m_ok); return m_error; }
  Error&& error() && { assert(!m_ok); return std::move(m_error); }

 private:
  Error m_error;
  bool m_ok = true;
};

}  // namespace eutl
