#include "eutl/tsl/bytes.h"

#include <openssl/evp.h>

namespace eutl::tsl {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  return t;
}
constexpr auto kTable = make_table();

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

// One pass, four symbols to three bytes written in place: certificates are most of a
// list's text, so this loop is on the hot path of every parse (see bench/).
Result<Bytes> base64_decode(std::string_view text) {
  Bytes out(text.size() / 4 * 3 + 3);
  std::uint8_t* w = out.data();
  std::uint32_t acc = 0;
  int symbols = 0;  // data symbols in the current 4-symbol group
  int padding = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Fast path: whole groups of four data symbols (a line of 64 or 76 symbols is 16
    // or 19 of them); anything else (white space, padding, errors) goes one by one.
    if (symbols == 0 && padding == 0) {
      while (i + 4 <= n) {
        const std::int8_t a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]], d = kTable[in[i + 3]];
        if ((a | b | c | d) < 0) {
          break;
        }
        const std::uint32_t v = (static_cast<std::uint32_t>(a) << 18) | (static_cast<std::uint32_t>(b) << 12) |
                                (static_cast<std::uint32_t>(c) << 6) | static_cast<std::uint32_t>(d);
        w[0] = static_cast<std::uint8_t>(v >> 16);
        w[1] = static_cast<std::uint8_t>(v >> 8);
        w[2] = static_cast<std::uint8_t>(v);
        w += 3;
        i += 4;
      }
      if (i >= n) {
        break;
      }
    }
    const unsigned char c = in[i];
    const std::int8_t v = kTable[c];
    if (v >= 0) {
      if (padding > 0) {
        return Error(Errc::kMalformed, "base64: data after padding at offset " + std::to_string(i));
      }
      acc = (acc << 6) | static_cast<std::uint32_t>(v);
      if (++symbols == 4) {
        w[0] = static_cast<std::uint8_t>(acc >> 16);
        w[1] = static_cast<std::uint8_t>(acc >> 8);
        w[2] = static_cast<std::uint8_t>(acc);
        w += 3;
        acc = 0;
        symbols = 0;
      }
      continue;
    }
    if (is_xml_space(static_cast<char>(c))) {
      continue;
    }
    if (c != '=') {
      return Error(Errc::kMalformed, "base64: invalid character at offset " + std::to_string(i));
    }
    if (++padding > 2) {
      return Error(Errc::kMalformed, "base64: too much padding");
    }
  }
  if (padding > 0 && symbols + padding != 4) {
    return Error(Errc::kMalformed, "base64: padding does not complete a group");
  }
  if (symbols == 1) {
    return Error(Errc::kMalformed, "base64: truncated group");
  }
  // A final group of 2 or 3 symbols holds 1 or 2 bytes; its leftover bits must be zero
  // (canonical encoding).
  if (symbols == 2) {
    if ((acc & 0xf) != 0) return Error(Errc::kMalformed, "base64: non-zero trailing bits");
    *w++ = static_cast<std::uint8_t>(acc >> 4);
  } else if (symbols == 3) {
    if ((acc & 0x3) != 0) return Error(Errc::kMalformed, "base64: non-zero trailing bits");
    *w++ = static_cast<std::uint8_t>(acc >> 10);
    *w++ = static_cast<std::uint8_t>(acc >> 2);
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return out;
}

std::string base64_encode(ByteView data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    std::uint32_t v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == data.size()) {
    std::uint32_t v = data[i] << 16;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == data.size()) {
    std::uint32_t v = (data[i] << 16) | (data[i + 1] << 8);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

Sha256 sha256(ByteView data) {
  // Performance (issue 7): EVP_sha256() makes OpenSSL 3 look the algorithm up in its
  // provider store on every call (a lock and a hash lookup, ~0.7 µs, more under
  // threads), which dominated index building (thousands of short inputs). Fetch it
  // once; the EVP_MD is immutable and shared by all threads (never freed: it lives as
  // long as the process, like OpenSSL's own tables).
  static EVP_MD* const kSha256 = ::EVP_MD_fetch(nullptr, "SHA256", nullptr);
  Sha256 d{};
  unsigned int len = 0;
  ::EVP_Digest(data.data(), data.size(), d.data(), &len, kSha256 != nullptr ? kSha256 : ::EVP_sha256(), nullptr);
  return d;
}

std::string to_hex(ByteView data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(data.size() * 2, '\0');
  char* out = s.data();  // written in place: += checks the capacity on every character
  for (auto b : data) {
    *out++ = kHex[b >> 4];
    *out++ = kHex[b & 15];
  }
  return s;
}

namespace {

// The value of each digit to_hex writes; 0xff for any other character.
constexpr std::array<std::uint8_t, 256> kNibble = [] {
  std::array<std::uint8_t, 256> t{};
  t.fill(0xff);
  for (int i = 0; i < 10; ++i) {
    t['0' + i] = static_cast<std::uint8_t>(i);
  }
  for (int i = 0; i < 6; ++i) {
    t['a' + i] = static_cast<std::uint8_t>(10 + i);
  }
  return t;
}();

// Decodes hex.size() / 2 bytes into `out`; false when a character is not a digit.
bool decode_hex(std::string_view hex, std::uint8_t* out) {
  std::uint8_t bad = 0;  // checked once at the end: no branch per digit
  for (std::size_t i = 0; i < hex.size() / 2; ++i) {
    const std::uint8_t hi = kNibble[static_cast<unsigned char>(hex[2 * i])];
    const std::uint8_t lo = kNibble[static_cast<unsigned char>(hex[2 * i + 1])];
    bad |= static_cast<std::uint8_t>((hi | lo) & 0xf0);
    out[i] = static_cast<std::uint8_t>(hi << 4 | (lo & 0x0f));
  }
  return bad == 0;
}

}  // namespace

std::optional<Sha256> sha256_from_hex(std::string_view hex) {
  Sha256 out{};
  if (hex.size() != out.size() * 2 || !decode_hex(hex, out.data())) {
    return std::nullopt;
  }
  return out;
}

std::optional<Bytes> from_hex(std::string_view hex) {
  Bytes out(hex.size() / 2);
  if (hex.size() % 2 != 0 || !decode_hex(hex, out.data())) {
    return std::nullopt;
  }
  return out;
}

}  // namespace eutl::tsl
