// Encoding of verified lists (the whole TS 119 612 model, verification results
// included) for the model cache. Every field of every model struct is written, in
// declaration order; model_cache_codec.cpp asserts the struct sizes so that a field
// added to the model without being added here fails the build.
#pragma once

#include <vector>

#include "cache/model_cache_wire.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache::detail {

// Each list is length-prefixed on the wire, so that decode_lists() can find every
// list before decoding any, and decode them on `threads` workers (0: one per hardware
// thread).
void encode_lists(WireWriter& w, const std::vector<verify::VerifiedList>& lists);
// False when the input is truncated or a certificate is not DER (corruption), or a
// list does not fill its length exactly. One worker by default: measured on the 2023
// set (2 cores), two workers made a warm `eutl check` slower, 50 -> 80 ms, as each
// worker's malloc arena grew page by page (3,559 mprotect calls in one check).
[[nodiscard]] bool decode_lists(WireReader& r, std::vector<verify::VerifiedList>& lists, unsigned threads = 1);

}  // namespace eutl::cache::detail
