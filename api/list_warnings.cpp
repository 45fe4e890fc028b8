// Warnings about lists that could not be used (include/eutl/list_warnings.h).
#include "eutl/list_warnings.h"

#include <algorithm>

namespace eutl {
namespace {

// "AT, BE (LOTL)" for the lists in `names`: their territories, else their sources.
std::string joined(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

std::string name_of(const verify::VerifiedList& v) {
  if (!v.list) {
    return v.source;
  }
  const std::string& territory = v.list->scheme.territory;
  std::string name = territory.empty() ? v.source : territory;
  return v.kind == verify::ListKind::kLotl ? name + " (LOTL)" : name;
}

}  // namespace

std::vector<ListWarning> list_warnings(const eutl::TrustedLists& lists) {
  std::vector<std::string> expired;
  std::vector<std::string> invalid;
  std::string first_reason;
  std::size_t usable_national = 0;
  std::size_t considered = 0;
  for (const auto& v : lists.lists()) {
    if (v.kind == verify::ListKind::kPivot) {
      continue;  // an old LOTL kept for its anchors: expected to be past its NextUpdate
    }
    ++considered;
    if (v.status == verify::ListStatus::kExpired) {
      expired.push_back(name_of(v));
    } else if (v.status != verify::ListStatus::kValid) {
      invalid.push_back(name_of(v));
      if (first_reason.empty() && !v.reasons.empty()) {
        first_reason = v.reasons.front().message;
      }
    } else if (v.kind == verify::ListKind::kTl) {
      ++usable_national;
    }
  }
  const std::string at = tsl::format_time(lists.lists_at());
  std::vector<ListWarning> out;
  if (!expired.empty()) {
    out.push_back({"lists-past-next-update",
                   std::to_string(expired.size()) + " of " + std::to_string(considered) +
                       " lists are past their NextUpdate at " + at +
                       " (ETSI TS 119 612 §5.3.15) and are not used: " + joined(expired) +
                       "; refresh with 'eutl fetch' or ask about an earlier --at"});
  }
  if (!invalid.empty()) {
    out.push_back({"lists-not-valid", std::to_string(invalid.size()) + " of " + std::to_string(considered) +
                                          " lists are not valid at " + at + " and are not used: " + joined(invalid) +
                                          (first_reason.empty() ? "" : " (first reason: " + first_reason + ")")});
  }
  // A valid LOTL or pivot lists no service: with no valid national list nothing can be.
  if (usable_national == 0) {
    out.push_back({"no-usable-list", "no trusted list is usable at " + at +
                                         ": nothing can be listed (the answer is indeterminate, not empty)"});
  }
  return out;
}

bool no_usable_list(const std::vector<ListWarning>& warnings) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [](const ListWarning& w) { return w.code == "no-usable-list"; });
}

}  // namespace eutl
