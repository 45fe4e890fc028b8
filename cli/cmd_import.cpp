// eutl import [--lotl-signers PEM | --tl-signers PEM] [--at TIME] [--store DIR] [--json] FILE|DIR...
//
// Local files (LOTL, pivots, national lists, recognised by content) through the same
// verification as a fetch, into a new snapshot. A DIR stands for its *.xml files.
// With --tl-signers the national lists are verified against those signers instead of
// the LOTL, and the snapshot holds exactly them and records the signers (refresh.h).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <iostream>
#include <memory>

#include "cli/list_source.h"
#include "cli/refresh_report.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/bundled_anchors.h"
#include "eutl/cache/refresh.h"
#include "eutl/tsl/read_file.h"

namespace eutl::cli {
namespace {

struct ImportOptions {
  std::string store;
  std::string lotl_signers;
  std::string tl_signers;
  std::string at;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  std::vector<std::string> inputs;
};

int run_import(const ImportOptions& o) {
  auto at = store::parse_at(o.at);
  auto files = verify::expand_list_inputs({o.inputs.begin(), o.inputs.end()});
  if (!at || !files) {
    print_error(!at ? at.error().message : files.error().message);
    return kExitUsage;
  }
  if (!o.lotl_signers.empty() && !o.tl_signers.empty()) {
    print_error("import: --tl-signers and --lotl-signers exclude each other: with --tl-signers the national lists "
                "rest on those signers and no LOTL is stored, so there is nothing for LOTL signers to verify");
    return kExitUsage;
  }
  cache::RefreshRequest req;
  req.at = *at;
  req.created = store::now();
  auto signers = read_signer_option(o.tl_signers, "--tl-signers");  // before the store is touched
  if (!signers) {
    print_error(signers.error().message);
    return exit_code_for(signers.error());
  }
  req.tl_signers = std::move(*signers);
  std::vector<cache::ImportFile> inputs;
  for (const auto& f : *files) {
    auto bytes = tsl::read_file(f, tsl::FileKind::kList);
    if (!bytes) {
      print_error(bytes.error().message);
      return exit_code_for(bytes.error());
    }
    inputs.push_back({f.string(), std::move(*bytes)});
  }
  int rc = 0;
  auto writable = store::open_for_refresh(o.store, o.lotl_signers, req.lotl_anchors, rc);
  req.default_anchors = bundled_lotl_anchor_certificates;
  if (!writable) {
    return rc;
  }
  const cache::Store* st = &writable->store;
  const cache::StoreLock* lock = &writable->lock;
  auto report = cache::import_lists(*st, *lock, store::production_verifier(), std::move(inputs), req);
  if (!report) {
    print_error(report.error().message);
    return exit_code_for(report.error());
  }
  for (const auto& note : report->notes) {
    if (!o.quiet) {
      std::cerr << "eutl: " << note << '\n';
    }
  }
  if (o.json) {
    nlohmann::json j = store::snapshot_json(report->snapshot, *at);
    j["schema"] = "eutl-import/1";
    j["missing"] = store::missing_json(report->missing);
    j["report"] = {{"lotl_verified", report->lotl_verified},
                   {"list_failures", report->list_failures},
                   {"notes", report->notes}};
    std::cout << j.dump(2) << '\n';
  } else {
    store::print_table(std::cout, report->snapshot, *at);
    store::print_why(std::cout, report->snapshot);
    store::print_missing(std::cout, report->missing);
    store::print_trust(std::cout, report->snapshot);
  }
  return store::exit_code(report->snapshot, report->lotl_verified);
}

}  // namespace

void register_import(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Verify local trusted-list files and record them in the store");
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file of the LOTL signing certificates published in the Official Journal, each a CA or "
                  "a list signer (default: those of the current snapshot, else the ones bundled with eutl: "
                  "see 'eutl anchors')");
  cmd->add_option("--tl-signers", opts->tl_signers,
                  "PEM file of national-list signers trusted directly: the national lists given are verified "
                  "against these, not the LOTL, and the snapshot records them");
  add_at_option(cmd, opts->at, "Validation time");
  add_store_option(cmd, opts->store, "to record the lists in");
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose,
                   "Say on stderr which store and snapshot were in use before the import");
  cmd->add_option("inputs", opts->inputs, "List files or directories of *.xml")->required();
  cmd->footer(
      "Several files for one territory: the newest valid one is used. A list with a lower TSLSequenceNumber\n"
      "than the one in use, or the same number with other bytes, never replaces it (ETSI TS 119 612 V2.4.1\n"
      "§5.3.2). Territories the LOTL points to without a list are reported as missing.\n"
      "With --tl-signers (not with --lotl-signers) the new snapshot holds exactly the national lists given,\n"
      "each trusted through one of those signers (ETSI TS 119 615 leaves that choice to the relying party):\n"
      "no LOTL (LOTL files are skipped), no list of another territory; 'eutl status' names the signers and a\n"
      "later 'eutl fetch' or plain import goes back to the LOTL.\n"
      "Examples:\n"
      "  eutl import --lotl-signers oj.pem --at 2023-10-28T00:00:00Z lotl.xml pivots/ tl/\n"
      "  eutl import --tl-signers el-signer.pem EL.xml    (one national list, its signer trusted)");
  cmd->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_import); }; });
}

}  // namespace eutl::cli
