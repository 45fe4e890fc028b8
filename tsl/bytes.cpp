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

Result<Bytes> base64_decode(std::string_view text) {
  Bytes out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  int bits = 0;
  int quantum = 0;  // symbols in the current 4-symbol group, padding included
  int padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_xml_space(c)) {
      continue;
    }
    if (c == '=') {
      ++padding;
      if (++quantum == 4) quantum = 0;
      if (padding > 2) {
        return Error(Errc::kMalformed, "base64: too much padding");
      }
      continue;
    }
    if (padding > 0) {
      return Error(Errc::kMalformed, "base64: data after padding at offset " + std::to_string(i));
    }
    std::int8_t v = kTable[static_cast<unsigned char>(c)];
    if (v < 0) {
      return Error(Errc::kMalformed, "base64: invalid character at offset " + std::to_string(i));
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    ++quantum;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
    if (quantum == 4) quantum = 0;
  }
  if (padding > 0 && quantum != 0) {
    return Error(Errc::kMalformed, "base64: padding does not complete a group");
  }
  if (padding == 0 && quantum == 1) {
    return Error(Errc::kMalformed, "base64: truncated group");
  }
  if (acc != 0) {  // non-canonical: leftover bits must be zero
    return Error(Errc::kMalformed, "base64: non-zero trailing bits");
  }
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
  Sha256 d{};
  unsigned int len = 0;
  ::EVP_Digest(data.data(), data.size(), d.data(), &len, ::EVP_sha256(), nullptr);
  return d;
}

std::string to_hex(ByteView data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  s.reserve(data.size() * 2);
  for (auto b : data) {
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s;
}

}  // namespace eutl::tsl
