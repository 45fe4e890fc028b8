// What a signature check's reasons say, for the signature tests.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "verify/detail/signature.h"

namespace eutl::verify::trust::test_support {

inline bool has_reason(const SignatureCheck& c, std::string_view code) {
  return std::any_of(c.reasons.begin(), c.reasons.end(), [&](const Reason& r) { return r.code == code; });
}

// Some reason, and every reason, is `code`.
inline bool only_reason(const SignatureCheck& c, std::string_view code) {
  return !c.reasons.empty() &&
         std::all_of(c.reasons.begin(), c.reasons.end(), [&](const Reason& r) { return r.code == code; });
}

// "code(message) " for each reason, for failure messages.
inline std::string reason_codes(const SignatureCheck& c) {
  std::string s;
  for (const auto& r : c.reasons) s += r.code + "(" + r.message + ") ";
  return s;
}

}  // namespace eutl::verify::trust::test_support
