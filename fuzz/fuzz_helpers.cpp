// Fuzzes the small text helpers every list value passes through: strict base64
// (certificates, SKIs), xsd:dateTime (issue dates, status starts, signing times) and
// the ETSI URI classifiers. Each is checked against a round-trip property.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/tsl/uris.h"
#include "fuzz/fuzz_common.h"

namespace {

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void check_base64(std::string_view text, eutl::tsl::ByteView raw) {
  namespace tsl = eutl::tsl;
  // Strict base64 has one encoding per byte string: what decodes re-encodes to the
  // same symbols once XML white space is dropped (the final '=' padding is optional
  // on input, so it is compared without it).
  auto no_space_or_pad = [](std::string_view s) {
    std::string out;
    std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return !xml_space(c) && c != '='; });
    return out;
  };
  if (auto decoded = tsl::base64_decode(text)) {
    if (no_space_or_pad(tsl::base64_encode(*decoded)) != no_space_or_pad(text)) {
      eutl::fuzz::fail("base64: decode then encode does not give the input back");
    }
  } else if (decoded.error().code != eutl::Errc::kMalformed) {
    eutl::fuzz::fail("base64: refusal is not kMalformed");
  }
  auto back = tsl::base64_decode(tsl::base64_encode(raw));
  if (!back || !std::equal(back->begin(), back->end(), raw.begin(), raw.end())) {
    eutl::fuzz::fail("base64: encode then decode does not give the bytes back");
  }
}

void check_datetime(std::string_view text) {
  namespace tsl = eutl::tsl;
  auto t = tsl::parse_datetime(text);
  if (!t) {
    return;
  }
  std::string formatted = tsl::format_time(t->time);
  // Offsets can push year 0000 or 9999 out of the four-digit range; inside it the
  // canonical form must parse back to the same instant.
  bool four_digit_year = formatted.size() == 20 && formatted[0] >= '0' && formatted[0] <= '9';
  if (four_digit_year) {
    auto again = tsl::parse_datetime(formatted);
    if (!again || again->time != t->time || !again->had_zone) {
      eutl::fuzz::fail("datetime: format_time output does not parse back to the same instant");
    }
  }
}

void check_uris(std::string_view text) {
  namespace tsl = eutl::tsl;
  (void)tsl::to_string(tsl::classify_tsl_type(text));
  (void)tsl::to_string(tsl::classify_service_status(text));
  (void)tsl::to_string(tsl::classify_service_type(text));
  (void)tsl::service_type_short(text);
  (void)tsl::to_string(tsl::classify_qualifier(text));
  (void)tsl::to_string(tsl::classify_additional_info(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_base64(text, eutl::tsl::ByteView(data, size));
  check_datetime(text);
  check_uris(text);
  return 0;
}
