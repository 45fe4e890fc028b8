// Territories the LOTL points to for which no national list is present.
#pragma once

#include <string>
#include <vector>

#include "eutl/tsl/model.h"

namespace eutl::verify {

struct MissingTerritory final {
  std::string territory;  // SchemeTerritory of the pointer
  std::string url;        // TSLLocation of its XML pointer (else of its first pointer)
};

// ETSI TS 119 612 V2.4.1 §5.3.17 (and TS 119 615 §4.1): the LOTL points to each
// national trusted list (TSLType EUgeneric). Every such territory not in `present`
// is missing, once, sorted by territory code.
std::vector<MissingTerritory> missing_territories(const tsl::TrustedList& lotl,
                                                  const std::vector<std::string>& present);

}  // namespace eutl::verify
