// Which LOTL anchors a command uses (cli/anchors_in_use.h).
#include "cli/anchors_in_use.h"

#include "cli/commands.h"

namespace eutl::cli {

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
