// application/x-www-form-urlencoded (WHATWG URL §5.1): name=value pairs joined by '&',
// '+' for a space and %XX for any other byte.
#include <cctype>
#include <string>

#include "server/request_target.h"
#include "server/web/form_data.h"

namespace eutl::server::web {

Result<std::string> form_decode(std::string_view text) {
  // The same decoding as a query component: '+' is a space (server/request_target.h).
  auto decoded = percent_decode(text, true);
  if (!decoded) {
    return Error(Errc::kMalformed, "form data: " + decoded.error().message);
  }
  return decoded;
}

std::string form_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0x0f];
    }
  }
  return out;
}

Result<std::vector<FormField>> parse_urlencoded(std::string_view body, const FormLimits& limits) {
  std::vector<FormField> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t amp = std::min(body.find('&', start), body.size());
    const std::string_view pair = body.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) {
      continue;
    }
    if (fields.size() == limits.max_fields) {
      return Error(Errc::kLimit, "more than " + std::to_string(limits.max_fields) + " form fields");
    }
    const std::size_t eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value = form_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!name) {
      return std::move(name).error();
    }
    if (!value) {
      return std::move(value).error();
    }
    if (name->size() > limits.max_name_bytes) {
      return Error(Errc::kLimit, "a form field name longer than " + std::to_string(limits.max_name_bytes) + " bytes");
    }
    if (value->size() > limits.max_value_bytes) {
      return Error(Errc::kLimit, "form field '" + *name + "' is longer than " +
                                     std::to_string(limits.max_value_bytes) + " bytes");
    }
    fields.push_back(FormField{std::move(*name), std::move(*value), {}, {}});
  }
  return fields;
}

}  // namespace eutl::server::web
