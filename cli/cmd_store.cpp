// The store subcommands: fetch, import, status (one file each), `store prune` and
// `store verify`.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/cache/store.h"
#include "eutl/cache/store_verify.h"

namespace eutl::cli {
namespace {

// Exit code of `store verify` when it could not run (the store is unreadable or busy).

struct PruneOptions {
  std::string store;
  std::size_t keep = 10;
  bool dry_run = false;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

int run_prune(const PruneOptions& o) {
  int rc = 0;
  auto writable = store::open_for_writing(o.store, rc);
  if (!writable) {
    return rc;
  }
  const cache::Store* st = &writable->store;
  const cache::StoreLock* lock = &writable->lock;
  auto r = st->prune(o.keep, *lock, o.dry_run ? cache::PruneMode::kDryRun : cache::PruneMode::kRemove);
  if (!r) {
    print_error(r.error().message);
    return kExitNo;
  }
  if (o.json) {
    std::cout << nlohmann::json{{"schema", "eutl-store-prune/1"},
                                {"store", st->dir().string()},
                                {"dry_run", o.dry_run},
                                {"snapshots_removed", r->snapshots_removed},
                                {"blobs_removed", r->blobs_removed},
                                {"temporaries_removed", r->temporaries_removed},
                                {"models_removed", r->models_removed},
                                {"snapshots_in_use", r->snapshots_in_use}}
                     .dump(2)
              << '\n';
    return kExitYes;
  }
  std::cout << (o.dry_run ? "would remove " : "removed ") << r->snapshots_removed << " snapshot(s), " << r->blobs_removed << " blob(s), "
            << r->temporaries_removed << " temporary file(s), " << r->models_removed << " model cache(s)\n";
  if (r->snapshots_in_use != 0) {
    std::cout << "kept " << r->snapshots_in_use << " older snapshot(s) that a running command is reading\n";
  }
  return kExitYes;
}

struct StoreVerifyOptions {
  std::string store;
  bool repair = false;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  std::vector<std::string> from;
};

nlohmann::json verify_json(const std::string& dir, const StoreVerifyOptions& o, const cache::StoreVerifyResult& r) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) {
    findings.push_back({{"kind", std::string(cache::to_string(f.kind))},
                        {"class", cache::is_problem(f.kind) ? "problem" : "reclaimable"},
                        {"path", f.path},
                        {"detail", f.detail},
                        {"repaired", f.repaired}});
  }
  return {{"schema", "eutl-store-verify/1"},
          {"store", dir},
          {"repair", o.repair},
          {"clean", r.open_problems() == 0},
          {"open_problems", r.open_problems()},
          {"blobs_checked", r.blobs_checked},
          {"snapshots_checked", r.snapshots_checked},
          {"models_checked", r.models_checked},
          {"findings", findings}};
}

int run_store_verify(const StoreVerifyOptions& o) {
  const std::string dir = store::resolve_store(o.store).string();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    print_error("no store at " + dir);
    return kExitCouldNotRun;
  }
  auto st = cache::Store::open(dir);
  if (!st) {
    print_error(st.error().message);
    return kExitCouldNotRun;
  }
  // The writer lock, also when only checking: a snapshot written half-way through the
  // walk would otherwise look like one whose blobs are missing.
  auto lock = st->lock_for_writing();
  if (!lock) {
    print_error(lock.error().message);
    return kExitCouldNotRun;
  }
  cache::StoreVerifyRequest req;
  req.repair = o.repair ? cache::Repair::kYes : cache::Repair::kNo;
  req.sources.assign(o.from.begin(), o.from.end());
  auto r = cache::verify_store(*st, req, &*lock);
  if (!r) {
    print_error(r.error().message);
    return kExitCouldNotRun;
  }
  if (o.json) {
    std::cout << verify_json(dir, o, *r).dump(2) << "\n";
  } else {
    std::cout << "checked " << r->blobs_checked << " blob(s), " << r->snapshots_checked << " snapshot(s), "
              << r->models_checked << " model cache(s) in " << dir << "\n";
    for (const auto& f : r->findings) {
      std::cout << (cache::is_problem(f.kind) ? "problem      " : "reclaimable  ") << cache::to_string(f.kind) << "  "
                << f.path << ": " << f.detail << (f.repaired ? " [repaired]" : "") << "\n";
    }
    const std::size_t open = r->open_problems();
    if (open == 0) {
      std::cout << "store is clean\n";
    } else {
      std::cout << open << " problem(s) remain"
                << (o.repair ? " (a missing blob needs --from with a file holding its bytes)"
                             : "; 'eutl store verify --repair [--from FILE|DIR...]' removes what is broken")
                << "\n";
    }
  }
  return r->open_problems() == 0 ? kExitYes : kExitNo;
}

void register_verify_store(CLI::App& store, Runner& run) {
  auto opts = std::make_shared<StoreVerifyOptions>();
  CLI::App* verify = store.add_subcommand(
      "verify", "Check every blob, snapshot, model cache and temporary file of the store; --repair fixes what it can");
  verify->add_flag("--repair", opts->repair,
                   "Remove corrupt blobs and model caches, symlinks and stale temporary files; re-write missing or "
                   "corrupt blobs from --from");
  verify->add_option("--from", opts->from,
                     "With --repair: files or directories whose bytes may replace a missing or corrupt blob (used "
                     "only when their SHA-256 is the blob's name; a PEM file offers each certificate, as given to "
                     "--lotl-signers)");
  add_store_option(verify, opts->store, "to check");
  add_output_flags(verify, opts->json, opts->quiet, opts->verbose, "Say on stderr which store is checked");
  verify->footer(
      "Problems (exit 1 while any remains): a blob whose bytes do not hash to its name, a blob a snapshot uses\n"
      "that is absent, a symbolic link or other non-regular file in the store (never followed), a snapshot or\n"
      "`current` that cannot be read, a model cache that does not match its snapshot.\n"
      "Reclaimable (reported, exit 0): temporary files left by a process that was killed while writing (no\n"
      "live process holds them), model caches of snapshots no longer in the store, blobs no snapshot uses;\n"
      "--repair removes the first two, 'eutl store prune' all three.\n"
      "Exit codes: 0 clean, 1 problems remain, 4 could not run (no store, store busy, unreadable).\n"
      "Examples: eutl store verify\n"
      "          eutl store verify --repair --from lotl.xml --from tl/");
  verify->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_store_verify); }; });
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
      "prune",
      "Remove all but the newest N snapshots (the current one is always kept) with their model caches, the lists "
      "only they used and stale temporary files");
  prune->add_option("--keep", opts->keep, "Snapshots to keep")->required()->check(CLI::NonNegativeNumber);
  prune->add_flag("--dry-run", opts->dry_run, "Remove nothing: say what would be removed");
  add_store_option(prune, opts->store, "to prune");
  add_output_flags(prune, opts->json, opts->quiet, opts->verbose, "Say on stderr which store and snapshot are kept");
  prune->footer(
      "A snapshot that a running command (check, status, list, export, evidence) is reading is kept until a\n"
      "later prune. Symbolic links inside the store are never followed (see 'eutl store verify').\n"
      "Examples: eutl store prune --keep 5 --dry-run\n"
      "          eutl store prune --keep 5");
  prune->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_prune); }; });
  register_verify_store(*store, run);
  register_store_list(*store, run);
}

}  // namespace eutl::cli
