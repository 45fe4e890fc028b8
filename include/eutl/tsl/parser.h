// Reads a TS 119 612 trusted list (LOTL, national list, or another scheme's list)
// from a parsed XML document into the model.
#pragma once

#include <string_view>

#include "eutl/result.h"
#include "eutl/tsl/model.h"
#include "eutl/tsl/xml_document.h"

namespace eutl::tsl {

// Fails (kMalformed) when the document is not a trusted list or lacks what every
// list must have (sequence number, type, issue date). Deviations that leave the list
// readable become `TrustedList::warnings` (a missing TSLVersionIdentifier is one of
// them: `version` stays 0).
[[nodiscard]] Result<TrustedList> read_trusted_list(const XmlDocument& doc);

// Parse bytes and read them in one go (for callers that do not verify signatures).
[[nodiscard]] Result<TrustedList> parse_trusted_list(ByteView bytes, std::string source,
                                                     const ParseLimits& limits = {});

}  // namespace eutl::tsl
