// Monotonic lists: a list never replaces the one in use with an older or reused
// TSLSequenceNumber.
//
// ETSI TS 119 612 V2.4.1 §5.3.2: the sequence number starts at 1 and goes up with
// every release of a list; it is never reset. A validly signed older list replayed
// inside its NextUpdate window (a rollback), or two different documents with one
// number, must therefore never replace the list in use.
#pragma once

#include <optional>
#include <string_view>

#include "eutl/cache/snapshot.h"
#include "eutl/verify/list_set.h"

namespace eutl::cache::detail {

// Why `fresh` (whose bytes have `fresh_digest`) may not replace `in_use`; nullopt when
// it may. Only an authenticated list in use (recorded valid or expired) sets the
// floor, so an unsigned or forged list can never lock a territory; and only an
// authenticated fresh list is judged by its number (a forged one is refused for its
// signature, which is the reason reported).
std::optional<ReasonCode> sequence_refusal(const ListRecord* in_use, const verify::VerifiedList& fresh,
                                           const std::optional<tsl::Sha256>& fresh_digest);

}  // namespace eutl::cache::detail
