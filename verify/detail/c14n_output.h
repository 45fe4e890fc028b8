// The output side of verify/c14n_writer.cpp: C14N's character escaping (W3C
// REC-xml-c14n-20010315 §2.3) into a 64 KiB buffer that is handed to the sink when
// full. Internal to verify/.
#pragma once

#include <algorithm>
#include <cstring>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "verify/detail/c14n_writer.h"

namespace eutl::verify::trust::detail {

// Which characters each kind of string value escapes (C14N §2.3; libxml2 also writes
// #xD in processing instructions as a character reference).
enum class Escape : std::uint8_t { kText, kAttribute, kPi };

// The character reference C14N §2.3 writes for `c` in that kind of value, or "".
constexpr std::string_view c14n_reference(char c, Escape how) {
  switch (c) {
    case '&':
      return how == Escape::kPi ? std::string_view() : "&amp;";
    case '<':
      return how == Escape::kPi ? std::string_view() : "&lt;";
    case '>':
      return how == Escape::kText ? "&gt;" : std::string_view();
    case '"':
      return how == Escape::kAttribute ? "&quot;" : std::string_view();
    case '\t':
      return how == Escape::kAttribute ? "&#x9;" : std::string_view();
    case '\n':
      return how == Escape::kAttribute ? "&#xA;" : std::string_view();
    case '\r':
      return "&#xD;";
    default:
      return {};
  }
}

// The characters c14n_reference replaces, per kind of value, as strcspn sets.
inline constexpr const char* kC14NSpecialSets[] = {"&<>\r", "&<\"\t\n\r", "\r"};

constexpr bool c14n_sets_agree() {
  for (int how = 0; how < 3; ++how) {
    for (int c = 1; c < 256; ++c) {
      bool in_set = std::string_view(kC14NSpecialSets[how]).find(static_cast<char>(c)) != std::string_view::npos;
      if (in_set == c14n_reference(static_cast<char>(c), static_cast<Escape>(how)).empty()) {
        return false;
      }
    }
  }
  return true;
}
static_assert(c14n_sets_agree(), "kC14NSpecialSets must list exactly what c14n_reference replaces");

class Output final {
 public:
  // The buffer is not zero-filled: every byte handed to the sink was written first.
  // (A zero-filled 64 KiB, three times per list, touched 16 fresh pages for a SignedInfo
  // of 1 KiB: 320 of the 2,400 page faults of an `eutl verify` of the 2023 EU set.)
  explicit Output(const C14NSink& sink)
      : m_sink(sink), m_buf(std::make_unique_for_overwrite<std::uint8_t[]>(kChunk)) {}

  void put(std::string_view s) {
    while (!s.empty()) {
      if (m_used == kChunk && !flush()) {
        return;
      }
      std::size_t n = std::min(s.size(), kChunk - m_used);
      // memcpy, not std::copy_n: from char to std::uint8_t, libstdc++ copies byte by
      // byte (measured: 2.7% of an `eutl verify` in that loop).
      std::memcpy(m_buf.get() + m_used, s.data(), n);
      m_used += n;
      s.remove_prefix(n);
    }
  }

  // Copies runs of characters that need no reference in one go (strcspn over the
  // NUL-terminated string libxml2 keeps): most text has none.
  void put_escaped(const char* s, Escape how) {
    const char* reject = kC14NSpecialSets[static_cast<std::size_t>(how)];
    while (*s != 0) {
      std::size_t run = std::strcspn(s, reject);
      put(std::string_view(s, run));
      s += run;
      if (*s == 0) {
        break;
      }
      put(c14n_reference(*s, how));
      ++s;
    }
  }

  bool flush() {
    if (m_failed) {
      return false;
    }
    if (m_used > 0 && !m_sink(std::span<const std::uint8_t>(m_buf.get(), m_used))) {
      m_failed = true;
      return false;
    }
    m_used = 0;
    return true;
  }

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  const C14NSink& m_sink;
  std::unique_ptr<std::uint8_t[]> m_buf;
  std::size_t m_used = 0;
  bool m_failed = false;
};

}  // namespace eutl::verify::trust::detail
