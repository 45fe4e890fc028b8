// One answer per decision and the exit-status convention (include/eutl/outcome.h).
#include "eutl/outcome.h"

namespace eutl {

Answer answer_of(const verify::QualificationResult& result) noexcept {
  if (result.claim) {
    switch (result.claim->verdict) {
      case verify::Verdict::kConfirmed:
        return Answer::kYes;
      case verify::Verdict::kRefuted:
        return Answer::kNo;
      case verify::Verdict::kIndeterminate:
        break;
    }
    return Answer::kIndeterminate;
  }
  switch (result.overall.status) {
    case verify::QualStatus::kQualified:
      return Answer::kYes;
    case verify::QualStatus::kNotQualified:
      return Answer::kNo;
    case verify::QualStatus::kIndeterminate:
      break;
  }
  return Answer::kIndeterminate;
}

int exit_code(Answer answer) noexcept {
  switch (answer) {
    case Answer::kYes:
      return 0;
    case Answer::kNo:
      return 1;
    case Answer::kIndeterminate:
      break;
  }
  return 3;
}

int exit_code(const Error& error) noexcept {
  switch (error.code) {
    case Errc::kIo:
    case Errc::kCrypto:
    case Errc::kInternal:
      return 4;
    case Errc::kMalformed:
    case Errc::kUnsupported:
    case Errc::kLimit:
    case Errc::kNotFound:
    case Errc::kUsage:
      break;
  }
  return 2;
}

}  // namespace eutl
