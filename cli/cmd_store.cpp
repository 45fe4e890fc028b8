// The store subcommands: fetch, import, status (one file each) and `store prune`.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/store_common.h"
#include "eutl/cache/store.h"

namespace eutl::cli {
namespace {

struct PruneOptions {
  std::string store;
  std::size_t keep = 10;
};

int run_prune(const PruneOptions& o) {
  auto st = cache::Store::open(store::resolve_store(o.store));
  if (!st) {
    print_error(st.error().message);
    return exit_code_for(st.error());
  }
  auto lock = st->lock_for_writing();
  if (!lock) {
    print_error(lock.error().message);
    return exit_code_for(lock.error());  // busy store: could not run (4)
  }
  auto r = st->prune(o.keep, *lock);
  if (!r) {
    print_error(r.error().message);
    return kExitNo;
  }
  std::cout << "removed " << r->snapshots_removed << " snapshot(s), " << r->blobs_removed << " blob(s), "
            << r->temporaries_removed << " temporary file(s)\n";
  return kExitYes;
}

}  // namespace

void register_store(CLI::App& app, Runner& run) {
  register_fetch(app, run);
  register_import(app, run);
  register_status(app, run);

  CLI::App* store = app.add_subcommand("store", "Manage the local store of trusted lists");
  store->require_subcommand(1);
  auto opts = std::make_shared<PruneOptions>();
  CLI::App* prune = store->add_subcommand(
      "prune", "Remove all but the newest N snapshots (the current one is always kept) and the lists only they used");
  prune->add_option("--keep", opts->keep, "Snapshots to keep")->required()->check(CLI::NonNegativeNumber);
  prune->add_option("--store", opts->store, "Store directory (default $EUTL_STORE or $XDG_CACHE_HOME/eutl)");
  prune->callback([&run, opts] { run = [opts] { return run_prune(*opts); }; });
}

}  // namespace eutl::cli
