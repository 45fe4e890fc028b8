// A linear pre-scan of a document's bytes, run before libxml2 sees them.
//
// libxml2 2.9 checks each namespace declaration and attribute of a start tag against
// every earlier one of the same tag, and xmlsec's canonicalisation walks the
// namespaces in scope of every node: both are super-linear in the number of
// declarations. A list with 100,000 `xmlns:` declarations on its root costs minutes.
// This scan counts declarations and attributes in one pass (no tree, no allocation
// per tag) so that such a document is refused before it is parsed or its signature
// computed. It also refuses encodings it cannot scan (anything but UTF-8, UTF-16 and
// ASCII-compatible 8-bit encodings), which would otherwise let markup slip past it.
#pragma once

#include <string>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/xml_document.h"

namespace eutl::tsl::detail {

// Error (kLimit or kUnsupported, "SOURCE:LINE: …") when `bytes` exceeds one of the
// markup limits of `limits`. Counts may over-estimate for malformed input (which the
// parser then refuses anyway), never under-estimate for input the parser accepts.
[[nodiscard]] Result<void> scan_markup(ByteView bytes, const std::string& source, const ParseLimits& limits);

}  // namespace eutl::tsl::detail
