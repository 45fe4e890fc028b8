// Whether a loaded snapshot can serve at an instant, and what to tell clients about it.
//
// Ready (/readyz 200) when the lists rest on a LOTL that is valid and not past its
// NextUpdate (ETSI TS 119 612 V2.4.1 §5.3.15, verify::past_next_update), or on signers
// the operator trusts directly (`import --tl-signers`), and at least one national list
// is usable. A national list that is past its NextUpdate or not valid does not make the
// server unready (its territory's answers are indeterminate and say why) but is named
// in the problem text every answer carries.
#pragma once

#include <optional>
#include <string>

#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"

namespace eutl::server {

struct SnapshotHealth final {
  bool ready = false;
  std::string problem;  // empty when every list is valid and fresh
  // The earliest NextUpdate among the lists still usable: the health may change then.
  std::optional<tsl::TimePoint> valid_until;
};

[[nodiscard]] SnapshotHealth assess_snapshot(const TrustedLists& lists, tsl::TimePoint now);

}  // namespace eutl::server
