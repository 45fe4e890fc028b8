// Name folding for search (cli/name_fold.h). The two tables give, per code point, the
// lower-case ASCII spelling of a Latin letter without its diacritics; an empty entry
// keeps the character. They were made from Python's unicodedata (NFKD, combining marks
// removed) with hand-mapped letters that do not decompose (ß, æ, ø, ł, đ, þ, ŋ, …).
#include "eutl/tsl/name_fold.h"

#include <array>
#include <cstdint>

namespace eutl::tsl {
namespace {

// U+00C0..U+024F
constexpr std::array<std::string_view, 400> kLatin1AndExtendedAB{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
    "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
    "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e",
    "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
    "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a",
    "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g", "g",
    "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l",
    "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "ng", "ng",
    "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r",
    "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w",
    "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", "b", "b", "b", "b",
    "", "", "o", "c", "c", "d", "d", "d", "d", "", "e", "", "e", "f",
    "f", "g", "", "", "i", "i", "k", "k", "l", "", "", "n", "n", "o",
    "o", "o", "", "", "p", "p", "", "", "", "", "", "t", "t", "t",
    "t", "u", "u", "", "v", "y", "y", "z", "z", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj",
    "nj", "nj", "nj", "a", "a", "i", "i", "o", "o", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "u", "e", "a", "a", "a", "a", "ae", "ae", "g", "g",
    "g", "g", "k", "k", "o", "o", "o", "o", "", "", "j", "dz", "dz", "dz",
    "g", "g", "", "", "n", "n", "a", "a", "ae", "ae", "o", "o", "a", "a",
    "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
    "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "",
    "h", "h", "n", "d", "", "", "z", "z", "a", "a", "e", "e", "o", "o",
    "o", "o", "o", "o", "o", "o", "y", "y", "l", "n", "t", "j", "", "",
    "a", "c", "c", "l", "t", "s", "z", "", "", "b", "u", "", "e", "e",
    "j", "j", "", "", "r", "r", "y", "y",
};

// U+1E00..U+1EFF
constexpr std::array<std::string_view, 256> kLatinExtendedAdditional{
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d",
    "d", "d", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "f", "f", "g", "g", "h", "h", "h", "h", "h", "h", "h", "h",
    "h", "h", "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l",
    "l", "l", "l", "l", "l", "l", "m", "m", "m", "m", "m", "m", "n", "n",
    "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "o", "o",
    "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r", "s", "s",
    "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v",
    "v", "v", "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x",
    "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t", "w", "y",
    "", "s", "", "", "ss", "", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "", "",
    "", "", "", "",
};

// One code point of `s` from `i` on: the value and the number of bytes. A byte that
// does not start a well-formed sequence is returned as itself with length 1 and
// `valid` false, so it is copied unchanged.
struct Decoded {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = false;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    return {b0, 1, true};
  }
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return {b0, 1, false};
  }
  if (i + n > s.size()) {
    return {b0, 1, false};
  }
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return {b0, 1, false};
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n, true};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Greek: small letters without tonos or dialytika (ά -> α, Ϊ -> ι), final sigma as σ.
char32_t fold_greek(char32_t cp) {
  switch (cp) {
    case 0x386: case 0x3AC: return 0x3B1;  // alpha
    case 0x388: case 0x3AD: return 0x3B5;  // epsilon
    case 0x389: case 0x3AE: return 0x3B7;  // eta
    case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: return 0x3B9;  // iota
    case 0x38C: case 0x3CC: return 0x3BF;  // omicron
    case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: return 0x3C5;  // upsilon
    case 0x38F: case 0x3CE: return 0x3C9;  // omega
    case 0x3C2: return 0x3C3;              // final sigma
    default: break;
  }
  if ((cp >= 0x391 && cp <= 0x3A1) || (cp >= 0x3A3 && cp <= 0x3A9)) {
    return cp + 0x20;
  }
  return cp;
}

// Cyrillic: small letters (Ѐ..Џ -> ѐ..џ, А..Я -> а..я).
char32_t fold_cyrillic(char32_t cp) {
  if (cp >= 0x400 && cp <= 0x40F) {
    return cp + 0x50;
  }
  if (cp >= 0x410 && cp <= 0x42F) {
    return cp + 0x20;
  }
  return cp;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const Decoded d = decode(utf8, i);
    const char32_t cp = d.cp;
    std::string_view latin;
    if (!d.valid) {
      out += utf8[i];
    } else if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // a combining mark: dropped
    } else if (cp >= 0xC0 && cp < 0x250 && !(latin = kLatin1AndExtendedAB[cp - 0xC0]).empty()) {
      out += latin;
    } else if (cp >= 0x1E00 && cp < 0x1F00 && !(latin = kLatinExtendedAdditional[cp - 0x1E00]).empty()) {
      out += latin;
    } else {
      append_utf8(out, fold_cyrillic(fold_greek(cp)));
    }
    i += d.length;
  }
  return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return fold_for_search(haystack).find(fold_for_search(needle)) != std::string::npos;
}

}  // namespace eutl::tsl
