// GET /status: the freshness of every list the loaded snapshot holds, one row per
// list: territory, kind, sequence number, issue date, NextUpdate, verification status
// and whether NextUpdate has passed at the time of the request (ETSI TS 119 612
// V2.4.1 §5.3.15: a list is not to be relied on after it). A pivot is an older LOTL
// kept only for the signing certificates it carries (TS 119 612 V2.4.1 §5.3.7,
// TS 119 615 §4.1), so its NextUpdate having passed is expected and not flagged. The
// rows come from RequestContext::lists, the snapshot the request runs on.
#pragma once

#include <string>
#include <vector>

#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "server/http_message.h"
#include "server/route.h"

namespace eutl::server::web {

struct ListRow final {
  std::string territory;
  std::string kind;      // "lotl", "pivot", "tl"
  std::string sequence;  // empty when the bytes could not be read as a list
  std::string issue_date;
  std::string next_update;  // "none (closed list)" for a list without NextUpdate
  std::string status;       // verify::ListStatus as text
  bool stale = false;       // NextUpdate before `now`; never for a pivot
  std::string reasons;      // why the status is not valid, joined
  std::string source;
};

// LOTL and pivots first, then national lists by territory.
std::vector<ListRow> list_rows(const TrustedLists& lists, tsl::TimePoint now);

// The <main> content for those rows (also for none: no snapshot loaded).
std::string render_status(const std::vector<ListRow>& rows, const TrustedLists* lists, tsl::TimePoint now);

[[nodiscard]] Response status_page(const Request& request, const RequestContext& context);

}  // namespace eutl::server::web
