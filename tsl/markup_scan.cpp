// Linear pre-scan of markup counts (tsl/detail/markup_scan.h).
#include "tsl/detail/markup_scan.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace eutl::tsl::detail {
namespace {

enum class Width { k8, k16le, k16be };

// The document as a sequence of code units projected on ASCII: every unit above 0x7F
// reads as 0x80, so no byte of a multi-byte character can pass for markup.
// The width is a template argument so that the 8-bit scan of real lists compiles to
// plain byte loads.
template <Width W>
class Units final {
 public:
  Units(ByteView bytes, std::size_t offset) : m_bytes(bytes.subspan(offset)) {
    m_size = W == Width::k8 ? m_bytes.size() : m_bytes.size() / 2;
  }
  std::size_t size() const noexcept { return m_size; }
  char at(std::size_t k) const noexcept {
    unsigned v = 0;
    if constexpr (W == Width::k8) {
      v = m_bytes[k];
    } else {
      const unsigned lo = m_bytes[2 * k];
      const unsigned hi = m_bytes[2 * k + 1];
      v = W == Width::k16le ? (hi << 8 | lo) : (lo << 8 | hi);
    }
    return v < 0x80 ? static_cast<char>(v) : static_cast<char>(0x80);
  }
  bool match(std::size_t k, std::string_view what) const noexcept {
    if (k + what.size() > m_size) {
      return false;
    }
    for (std::size_t i = 0; i < what.size(); ++i) {
      if (at(k + i) != what[i]) {
        return false;
      }
    }
    return true;
  }
  static constexpr bool utf16() noexcept { return W != Width::k8; }
  // The next '<' at or after k (size() when none).
  std::size_t next_markup(std::size_t k) const noexcept {
    if constexpr (W == Width::k8) {
      const auto* base = reinterpret_cast<const char*>(m_bytes.data());
      const void* hit = std::memchr(base + k, '<', m_size - k);
      return hit != nullptr ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : m_size;
    }
    for (; k < m_size; ++k) {
      if (at(k) == '<') {
        return k;
      }
    }
    return m_size;
  }
  // The line of unit k (1 + the newlines before it): counted only for a message, so
  // that the scan itself does not count lines.
  long line_of(std::size_t k) const noexcept {
    long line = 1;
    if constexpr (W == Width::k8) {
      const auto* base = reinterpret_cast<const char*>(m_bytes.data());
      return line + static_cast<long>(std::count(base, base + std::min(k, m_size), '\n'));
    }
    for (std::size_t i = 0; i < k && i < m_size; ++i) {
      if (at(i) == '\n') {
        ++line;
      }
    }
    return line;
  }

 private:
  ByteView m_bytes;
  std::size_t m_size = 0;
};

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Error at_line(const std::string& source, long line, Errc code, const std::string& what) {
  return Error(code, source + ":" + std::to_string(line) + ": " + what);
}

// Encodings this scan reads correctly: their markup characters are ASCII code units.
bool scannable_encoding(std::string name, bool utf16) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (utf16) {
    return name == "utf-16" || name == "utf-16le" || name == "utf-16be" || name == "utf16";
  }
  auto starts = [&](std::string_view p) { return name.rfind(p, 0) == 0; };
  return name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" || name == "latin1" ||
         starts("iso-8859-") || starts("iso_8859-") || starts("windows-125");
}

// The encoding named by an XML declaration starting at unit 0, or "" when none.
template <Width W>
std::string declared_encoding(const Units<W>& u) {
  if (!u.match(0, "<?xml")) {
    return {};
  }
  std::size_t end = 5;
  while (end < u.size() && end < 512 && !u.match(end, "?>")) {
    ++end;
  }
  for (std::size_t k = 5; k + 8 < end; ++k) {
    if (!u.match(k, "encoding")) {
      continue;
    }
    std::size_t q = k + 8;
    while (q < end && (is_space(u.at(q)) || u.at(q) == '=')) {
      ++q;
    }
    if (q >= end || (u.at(q) != '"' && u.at(q) != '\'')) {
      return "?";
    }
    const char quote = u.at(q);
    std::string name;
    for (++q; q < end && u.at(q) != quote && name.size() < 64; ++q) {
      name += u.at(q);
    }
    return name;
  }
  return {};
}

struct Detected {
  Width width = Width::k8;
  std::size_t offset = 0;
  bool supported = true;
};

// The same signatures as XML 1.0 Appendix F (and libxml2's xmlDetectCharEncoding).
Detected detect(ByteView b) {
  auto is = [&](std::initializer_list<unsigned> sig) {
    if (b.size() < sig.size()) {
      return false;
    }
    std::size_t i = 0;
    for (unsigned v : sig) {
      if (b[i++] != v) {
        return false;
      }
    }
    return true;
  };
  if (is({0x00, 0x00, 0x00, 0x3C}) || is({0x3C, 0x00, 0x00, 0x00}) || is({0x00, 0x00, 0xFE, 0xFF}) ||
      is({0xFF, 0xFE, 0x00, 0x00}) || is({0x4C, 0x6F, 0xA7, 0x94})) {
    return {Width::k8, 0, false};  // UCS-4 or EBCDIC
  }
  if (is({0xFF, 0xFE})) return {Width::k16le, 2, true};
  if (is({0xFE, 0xFF})) return {Width::k16be, 2, true};
  if (is({0x3C, 0x00})) return {Width::k16le, 0, true};
  if (is({0x00, 0x3C})) return {Width::k16be, 0, true};
  if (is({0xEF, 0xBB, 0xBF})) return {Width::k8, 3, true};
  return {};
}

}  // namespace

namespace {

struct TagCount final {
  std::size_t attrs = 0;
  std::size_t ns = 0;
};

// A start tag from just after its '<': counts namespace declarations (names xmlns or
// xmlns:…) and other attributes ('=' outside quoted values), up to '>' outside
// quotes; returns the unit just past it. '<' cannot occur in an attribute value, so it
// ends the count too (returning the '<'). Quoted values are skipped in a loop of
// their own: they are most of a tag's units.
template <Width W>
std::size_t count_start_tag(const Units<W>& u, std::size_t k, TagCount& c) {
  const std::size_t n = u.size();
  std::size_t name_start = n;
  char prev = '<';
  for (; k < n; ++k) {
    const char t = u.at(k);
    if (t == '<') {
      return k;
    }
    if (t == '>') {
      return k + 1;
    }
    if (t == '"' || t == '\'') {
      std::size_t q = k + 1;
      while (q < n && u.at(q) != t && u.at(q) != '<') {
        ++q;
      }
      if (q == n || u.at(q) == '<') {
        return q;
      }
      k = q;  // the closing quote, which becomes prev
    } else if (t == '=') {
      if (name_start + 5 < n && u.match(name_start, "xmlns") &&
          (u.at(name_start + 5) == ':' || u.at(name_start + 5) == '=' || is_space(u.at(name_start + 5)))) {
        ++c.ns;
      } else {
        ++c.attrs;
      }
      name_start = n;
    } else if (!is_space(t) && (is_space(prev) || prev == '"' || prev == '\'')) {
      name_start = k;
    }
    prev = t;
  }
  return n;
}

template <Width W>
Result<void> scan_units(const Units<W>& u, const std::string& source, const ParseLimits& limits) {
  if (std::string name = declared_encoding(u); !name.empty() && !scannable_encoding(name, u.utf16())) {
    return at_line(source, 1, Errc::kUnsupported,
                   "encoding \"" + name + "\" is not read (a trusted list is UTF-8; UTF-16 is accepted)");
  }
  std::size_t total_ns = 0;
  const std::size_t n = u.size();
  // Skips to just past `end`; n when it never comes.
  auto skip_to = [&](std::size_t k, std::string_view end) {
    for (; k < n; ++k) {
      if (u.match(k, end)) {
        return k + end.size();
      }
    }
    return n;
  };
  std::size_t k = 0;
  while (k < n) {
    k = u.next_markup(k);
    if (k >= n) {
      break;
    }
    if (u.match(k, "<!--")) {
      k = skip_to(k + 4, "-->");
      continue;
    }
    if (u.match(k, "<![CDATA[")) {
      k = skip_to(k + 9, "]]>");
      continue;
    }
    if (u.match(k, "<?")) {
      k = skip_to(k + 2, "?>");
      continue;
    }
    if (u.match(k, "<!") || u.match(k, "</")) {
      k += 2;
      continue;
    }
    const std::size_t tag_start = k;
    TagCount c;
    k = count_start_tag(u, k + 1, c);
    const std::size_t attrs = c.attrs;
    const std::size_t ns = c.ns;
    if (attrs > limits.max_attributes_per_element) {
      return at_line(source, u.line_of(tag_start), Errc::kLimit,
                     std::to_string(attrs) + " attributes on one element exceed the limit of " +
                         std::to_string(limits.max_attributes_per_element));
    }
    if (ns > limits.max_namespaces_per_element) {
      return at_line(source, u.line_of(tag_start), Errc::kLimit,
                     std::to_string(ns) + " namespace declarations on one element exceed the limit of " +
                         std::to_string(limits.max_namespaces_per_element));
    }
    total_ns += ns;
    if (total_ns > limits.max_namespaces) {
      return at_line(source, u.line_of(tag_start), Errc::kLimit,
                     "more than " + std::to_string(limits.max_namespaces) +
                         " namespace declarations in the document (the limit)");
    }
  }
  return {};
}

}  // namespace

Result<void> scan_markup(ByteView bytes, const std::string& source, const ParseLimits& limits) {
  const Detected enc = detect(bytes);
  if (!enc.supported) {
    return at_line(source, 1, Errc::kUnsupported,
                   "UCS-4 and EBCDIC documents are not read (a trusted list is UTF-8; UTF-16 is accepted)");
  }
  switch (enc.width) {
    case Width::k16le:
      return scan_units(Units<Width::k16le>(bytes, enc.offset), source, limits);
    case Width::k16be:
      return scan_units(Units<Width::k16be>(bytes, enc.offset), source, limits);
    case Width::k8:
      break;
  }
  return scan_units(Units<Width::k8>(bytes, enc.offset), source, limits);
}

}  // namespace eutl::tsl::detail
