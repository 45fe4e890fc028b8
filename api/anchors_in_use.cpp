// Which LOTL anchors are in use and their JSON (include/eutl/anchors_in_use.h,
// api/detail/snapshot_json.h for the status summary).
#include "eutl/anchors_in_use.h"

#include <nlohmann/json.hpp>

#include "api/detail/snapshot_json.h"
#include "eutl/cache/snapshot_lists.h"

namespace eutl {

std::string_view to_string(AnchorOrigin origin) {
  switch (origin) {
    case AnchorOrigin::kGiven:
      return "given";
    case AnchorOrigin::kStore:
      return "store";
    case AnchorOrigin::kBundled:
      break;
  }
  return "bundled";
}

Result<std::vector<tsl::Bytes>> store_anchors(const cache::Store& store) {
  auto current = store.current();
  if (!current) {
    return std::move(current).error();
  }
  if (!*current) {
    return std::vector<tsl::Bytes>{};
  }
  return cache::load_snapshot_anchors(store, **current);
}

Result<AnchorsInUse> anchors_in_use(const std::string& lotl_signers, const cache::Store* store) {
  if (!lotl_signers.empty()) {
    auto given = load_lotl_anchors(lotl_signers);
    if (!given) {
      return std::move(given).error();
    }
    return AnchorsInUse{AnchorOrigin::kGiven, lotl_signers, std::move(*given)};
  }
  if (store != nullptr) {
    auto stored = store_anchors(*store);
    if (!stored) {
      return std::move(stored).error();
    }
    if (!stored->empty()) {
      return AnchorsInUse{AnchorOrigin::kStore, store->dir().string(), std::move(*stored)};
    }
  }
  return AnchorsInUse{AnchorOrigin::kBundled, {}, bundled_lotl_anchor_certificates()};
}

std::string anchors_json(const AnchorsInUse& anchors) {
  nlohmann::json list = nlohmann::json::array();
  for (const AnchorFacts& f : anchor_facts_of(anchors.certificates)) {
    list.push_back({{"sha256", f.sha256},
                    {"subject", f.subject},
                    {"not_before", tsl::format_time(f.not_before)},
                    {"not_after", tsl::format_time(f.not_after)},
                    {"oj_references", f.oj_references},
                    {"bundled", !f.oj_references.empty()}});
  }
  nlohmann::json j = {{"source", to_string(anchors.origin)},
                      {"from", anchors.from.empty() ? nlohmann::json(nullptr) : nlohmann::json(anchors.from)},
                      {"count", anchors.certificates.size()},
                      {"anchors", list}};
  j["schema"] = "eutl-anchors/1";
  return j.dump(2);
}

namespace detail {

nlohmann::json anchor_summary_json(const std::vector<AnchorFacts>& anchors) {
  nlohmann::json not_bundled = nlohmann::json::array();
  std::size_t bundled = 0;
  for (const AnchorFacts& f : anchors) {
    if (f.oj_references.empty()) {
      not_bundled.push_back({{"sha256", f.sha256}, {"subject", f.subject}});
    } else {
      ++bundled;
    }
  }
  return {{"count", anchors.size()}, {"bundled", bundled}, {"not_bundled", not_bundled}};
}

}  // namespace detail
}  // namespace eutl
