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
  std::vector<verify::MissingTerritory> missing;
  if (auto m = cache::missing_territories(*st, snap)) {
    missing = std::move(*m);
  } else {
    print_error("cannot read the LOTL in use to list missing territories: " + m.error().message);
  }
  auto anchors = cache::load_snapshot_anchors(*st, snap);
  if (!anchors) {
    print_error("cannot read the LOTL anchors recorded with the snapshot: " + anchors.error().message);
  }
  if (o.json) {
    nlohmann::json j = store::snapshot_json(snap, *at);
    j["schema"] = "eutl-status/1";
    j["missing"] = store::missing_json(missing);
    if (anchors) {
      j["anchors"] = anchor_summary_json(*anchors);
    }
    std::cout << j.dump(2) << '\n';
  } else {
    store::print_table(std::cout, snap, *at);
    store::print_why(std::cout, snap);
    store::print_missing(std::cout, missing);
    store::print_trust(std::cout, snap);
    if (anchors) {
      print_anchor_summary(std::cout, *anchors);
    }
  }
  return store::exit_code(snap, true);
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
