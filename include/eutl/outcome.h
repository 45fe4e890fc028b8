// What a decision or an error means for a caller that needs one answer — a program's
// exit status, a UI colour — with the mapping `eutl check` and `check-site` use:
//
//   exit 0  yes: the claim is confirmed, or (no claim asked) qualified at time T
//   exit 1  no: refuted, or not qualified
//   exit 3  indeterminate (a list does not cover the instant, the issuer is unknown…)
//   exit 2  the input cannot be used (Errc kUsage, kMalformed, kUnsupported, kLimit, kNotFound)
//   exit 4  could not run (Errc kIo, kCrypto, kInternal: I/O, busy store, network, bug)
#pragma once

#include "eutl/result.h"
#include "eutl/verify/qualification.h"

namespace eutl {

enum class Answer { kYes, kNo, kIndeterminate };

// The claim's verdict when a claim was asked, else the overall status at time T.
[[nodiscard]] Answer answer_of(const verify::QualificationResult& result) noexcept;

// 0 / 1 / 3 as above.
[[nodiscard]] int exit_code(Answer answer) noexcept;
// 2 / 4 as above.
[[nodiscard]] int exit_code(const Error& error) noexcept;

}  // namespace eutl
