// select_snapshot (include/eutl/trusted_lists.h): a stored snapshot by id, any unique
// part of an id, or "current", as `check --snapshot` and `diff` name them.
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
  // A whole id, as a server names the snapshot it serves at every request: read at once,
  // without listing a store that holds a snapshot per refresh. Anything else, and any
  // failure to read it so, goes through the scan below as before.
  if (auto direct = store.read_snapshot(wanted)) {
    return direct;
  }
  std::vector<std::string> matches;
  for (const auto& id : store.snapshot_ids()) {
    if (id == wanted) {
      matches = {id};
      break;
    }
    if (!wanted.empty() && id.find(wanted) != std::string::npos) {
      matches.push_back(id);
    }
  }
  if (matches.size() != 1) {
    return Error(matches.empty() ? Errc::kNotFound : Errc::kUsage,
                 "snapshot " + wanted + (matches.empty() ? ": not in the store " + store.dir().string()
                                                         : ": matches " + std::to_string(matches.size()) +
                                                               " snapshots (" + matches.front() + ", " + matches[1] +
                                                               (matches.size() > 2 ? ", …" : "") +
                                                               "); give more of the id ('eutl store list')"));
  }
  return store.read_snapshot(matches.front());
}

}  // namespace eutl
