// Which LOTL anchors a command uses (cli/anchors_in_use.h).
#include "cli/anchors_in_use.h"

#include "eutl/cache/snapshot_lists.h"
#include "cli/commands.h"
#include "eutl/bundled_anchors.h"

namespace eutl::cli {

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

int request_anchors(const std::string& lotl_signers, const cache::Store* store, std::vector<tsl::Bytes>& out) {
  auto anchors = anchors_in_use(lotl_signers, store);
  if (!anchors) {
    print_error((lotl_signers.empty() ? "the store's LOTL anchors cannot be read: " : "--lotl-signers: ") +
                anchors.error().message);
    return exit_code_for(anchors.error());
  }
  out = std::move(anchors->certificates);
  return 0;
}

bool store_has_anchors(const std::optional<std::filesystem::path>& dir) {
  std::error_code ec;
  if (!dir || !std::filesystem::is_directory(*dir / "snapshots", ec)) {
    return false;
  }
  auto store = cache::Store::open(*dir);  // the directories exist: creates nothing
  if (!store) {
    return false;
  }
  auto current = store->current();
  return current && *current && !(*current)->lotl_anchor_digests.empty();
}

}  // namespace eutl::cli
