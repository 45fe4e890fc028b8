// select_snapshot (include/eutl/trusted_lists.h): a stored snapshot by id, prefix or
// "current", as `check --snapshot` and `diff` name them.
#include "eutl/trusted_lists.h"

namespace eutl {

Result<cache::Snapshot> select_snapshot(const cache::Store& store, const std::string& wanted) {
  if (wanted == "current") {
    auto cur = store.current();
    if (!cur) {
      return std::move(cur).error();
    }
    if (!*cur) {
      return Error(Errc::kNotFound, "the store has no current snapshot");
    }
    return std::move(**cur);
  }
  std::vector<std::string> matches;
  for (const auto& id : store.snapshot_ids()) {
    if (id == wanted) {
      matches = {id};
      break;
    }
    if (id.starts_with(wanted)) {
      matches.push_back(id);
    }
  }
  if (matches.size() != 1) {
    return Error(matches.empty() ? Errc::kNotFound : Errc::kUsage,
                 "snapshot " + wanted + (matches.empty() ? ": not in the store " + store.dir().string()
                                                         : ": ambiguous prefix (" + std::to_string(matches.size()) +
                                                               " snapshots)"));
  }
  return store.read_snapshot(matches.front());
}

}  // namespace eutl
