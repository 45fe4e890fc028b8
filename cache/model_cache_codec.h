// Encoding of verified lists (the whole TS 119 612 model, verification results
// included) for the model cache. Every field of every model struct is written, in
// declaration order; model_cache_codec.cpp asserts the struct sizes so that a field
// added to the model without being added here fails the build.
//
// A list is written in two parts: its head (the VerifiedList and its TrustedList, all
// but the TrustServiceProviderList) and its body (the TrustServiceProviderList), so
// that a reader can decode every head and only the bodies it needs
// (cache/model_cache_file.h).
#pragma once

#include "cache/model_cache_wire.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache::detail {

void encode_head(WireWriter& w, const verify::VerifiedList& list);
// Nothing for a list without a model.
void encode_body(WireWriter& w, const verify::VerifiedList& list);

// False when `bytes` are not exactly one head (truncated, trailing bytes) or hold a
// certificate that is not DER: corruption.
[[nodiscard]] bool decode_head(tsl::ByteView bytes, verify::VerifiedList& list);
// The providers of `list`, whose head is decoded. False as decode_head(), and for a
// body given to a list without a model.
[[nodiscard]] bool decode_body(tsl::ByteView bytes, verify::VerifiedList& list);

}  // namespace eutl::cache::detail
