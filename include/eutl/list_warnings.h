// What `eutl list` says above its answer when it could not use every list: lists past
// their NextUpdate at the time asked (ETSI TS 119 612 V2.4.1 §5.3.15: a list is not
// to be relied on after it), lists that did not verify, and no usable list at all. A
// stale store must not look like "no services": the warning is part of the output
// (text: first line "warning: …"; JSON: each row's `list_warnings`), and with no usable
// list the answer is indeterminate (exit 3).
#pragma once

#include <string>
#include <vector>

#include "eutl/trusted_lists.h"

namespace eutl {

struct ListWarning final {
  std::string code;     // "lists-past-next-update", "lists-not-valid", "no-usable-list"
  std::string message;  // one line, citing the clause
};

// The warnings for lists verified at `lists.lists_at()`, in that order; none when
// every list is valid. Pivot LOTLs are left out (only their anchors are used); "no
// usable list" means no valid national list, whatever the LOTL's status.
std::vector<ListWarning> list_warnings(const eutl::TrustedLists& lists);

// True when the warnings include "no-usable-list".
bool no_usable_list(const std::vector<ListWarning>& warnings);

}  // namespace eutl
