#include "server/snapshot_health.h"

#include <algorithm>

#include "eutl/verify/list_freshness.h"

namespace eutl::server {
namespace {

std::string name_of(const verify::VerifiedList& v) {
  if (v.list && !v.list->scheme.territory.empty()) {
    return v.list->scheme.territory;
  }
  return v.source;
}

std::string joined(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

}  // namespace

SnapshotHealth assess_snapshot(const TrustedLists& lists, tsl::TimePoint now) {
  SnapshotHealth out;
  const bool rests_on_lotl = lists.tl_signers().empty();
  bool lotl_usable = !rests_on_lotl;
  std::string lotl_problem = rests_on_lotl ? "the snapshot has no LOTL" : "";
  std::vector<std::string> expired;
  std::vector<std::string> invalid;
  std::size_t usable_national = 0;
  std::size_t national = 0;
  for (const auto& v : lists.lists()) {
    if (v.kind == verify::ListKind::kPivot) {
      continue;  // kept for its anchors only
    }
    const std::optional<tsl::TimePoint> next = v.list ? v.list->scheme.next_update : std::nullopt;
    const bool past = v.status == verify::ListStatus::kExpired ||
                      (v.status == verify::ListStatus::kValid && verify::past_next_update(next, now));
    const bool usable = v.status == verify::ListStatus::kValid && !past;
    if (usable && next) {
      out.valid_until = out.valid_until ? std::min(*out.valid_until, *next) : *next;
    }
    if (v.kind == verify::ListKind::kLotl) {
      lotl_usable = usable;
      lotl_problem = usable ? ""
                     : past ? "the LOTL is past its NextUpdate " + tsl::format_time(next, "?") +
                                  " (ETSI TS 119 612 §5.3.15)"
                            : "the LOTL is " + std::string(verify::to_string(v.status)) +
                                  (v.reasons.empty() ? "" : " (" + v.reasons.front().message + ")");
      continue;
    }
    ++national;
    if (usable) {
      ++usable_national;
    } else if (past) {
      expired.push_back(name_of(v));
    } else {
      invalid.push_back(name_of(v));
    }
  }
  std::vector<std::string> problems;
  if (!lotl_usable) {
    problems.push_back(lotl_problem);
  }
  if (usable_national == 0) {
    problems.push_back("no national list is usable at " + tsl::format_time(now));
  }
  if (!expired.empty()) {
    problems.push_back(std::to_string(expired.size()) + " of " + std::to_string(national) +
                       " national lists are past their NextUpdate at " + tsl::format_time(now) +
                       " (ETSI TS 119 612 §5.3.15) and are not used: " + joined(expired));
  }
  if (!invalid.empty()) {
    problems.push_back(std::to_string(invalid.size()) + " of " + std::to_string(national) +
                       " national lists are not valid and are not used: " + joined(invalid));
  }
  for (const auto& p : problems) {
    out.problem += (out.problem.empty() ? "" : "; ") + p;
  }
  out.ready = lotl_usable && usable_national > 0;
  return out;
}

}  // namespace eutl::server
