// eutl status [--at TIME] [--json] [--store DIR]
//
// The current snapshot's health. Without --at, the recorded results with freshness
// checked against now; with --at, every list in use is re-verified at that time from
// the stored bytes and anchors.
#include <iostream>
#include <memory>

#include "eutl/cache/snapshot_lists.h"
#include "cli/anchor_report.h"
#include "cli/refresh_report.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/cache/snapshot_freshness.h"
#include "eutl/cache/store.h"
#include "eutl/status_json.h"

namespace eutl::cli {
namespace {

struct StatusOptions {
  std::string store;
  std::string at;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

int run_status(const StatusOptions& o) {
  auto at = store::parse_at(o.at);
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  auto st = cache::Store::open(store::resolve_store(o.store));
  if (!st) {
    print_error(st.error().message);
    return kExitUsage;
  }
  auto cur = st->current();
  if (!cur) {
    print_error("the store's current snapshot cannot be read: " + cur.error().message);
    return kExitUsage;
  }
  if (!*cur) {
    print_error("the store " + st->dir().string() + " is empty: run 'eutl fetch' or 'eutl import' first");
    return kExitUsage;
  }
  cache::Snapshot snap = std::move(**cur);
  if (!o.at.empty()) {
    auto re = cache::reevaluate(*st, snap, store::production_verifier(), *at);
    if (!re) {
      print_error("cannot re-verify the snapshot: " + re.error().message);
      return kExitUsage;
    }
    snap = std::move(*re);
  } else {
    cache::apply_freshness(snap, *at);
  }
  const eutl::StoreStatus status = eutl::gather_store_status(*st, std::move(snap), *at);
  for (const std::string& problem : status.problems) {
    print_error(problem);
  }
  if (o.json) {
    std::cout << eutl::status_json(status) << '\n';
  } else {
    store::print_table(std::cout, status.snapshot, *at);
    store::print_why(std::cout, status.snapshot);
    store::print_missing(std::cout, status.missing);
    store::print_trust(std::cout, status.snapshot);
    if (status.anchors) {
      print_anchor_summary(std::cout, *status.anchors);
    }
  }
  return store::exit_code(status.snapshot, true);
}

}  // namespace

void register_status(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand("status", "Show the health of the current snapshot of the trusted lists");
  add_at_option(cmd, opts->at, "Evaluate at this time, re-verifying the stored lists");
  add_store_option(cmd, opts->store, "whose current snapshot is shown");
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose, "Say on stderr which store and snapshot are shown");
  cmd->footer(
      "Warnings per list: no-list, expired, not-refreshed, zero-services, http-url (published at an http://\n"
      "URL the LOTL names: fetched, but only its signature protects it). Territories the LOTL points to\n"
      "without a list are reported as missing. The LOTL anchors the snapshot was made with are counted,\n"
      "and any not among those bundled with eutl is named (eutl anchors --store shows them all). A snapshot\n"
      "made by 'eutl import --tl-signers' says so and gives each signer's SHA-256 (JSON: tl_signers).\n"
      "Example: eutl status --at 2023-10-28T00:00:00Z --json");
  cmd->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_status); }; });
}

}  // namespace eutl::cli
