#include "eutl/result.h"

namespace eutl {

const char* errc_name(Errc code) noexcept {
  switch (code) {
    case Errc::kIo: return "io";
    case Errc::kMalformed: return "malformed";
    case Errc::kUnsupported: return "unsupported";
    case Errc::kLimit: return "limit";
    case Errc::kCrypto: return "crypto";
    case Errc::kNotFound: return "not-found";
    case Errc::kUsage: return "usage";
    case Errc::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace eutl
