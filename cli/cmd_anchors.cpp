// eutl anchors [--lotl-signers PEM] [--store DIR] [--json]
//
// The LOTL anchors a command would use now: the file given, else those the store's
// current snapshot was made with, else the Official Journal certificates bundled with
// this release; each with its SHA-256 fingerprint, subject, validity and notice.
#include <iostream>
#include <memory>

#include "cli/anchor_report.h"
#include "cli/common_options.h"
#include "cli/store_common.h"

namespace eutl::cli {
namespace {

struct AnchorsOptions {
  std::string lotl_signers;
  std::string store;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

int run_anchors(const AnchorsOptions& o) {
  std::optional<cache::Store> store;
  const std::filesystem::path dir = store::resolve_store(o.store);
  std::error_code ec;
  if (o.lotl_signers.empty() && std::filesystem::is_directory(dir / "snapshots", ec)) {
    auto opened = cache::Store::open(dir);  // the directories exist: creates nothing
    if (!opened) {
      print_error(opened.error().message);
      return exit_code_for(opened.error());
    }
    store = std::move(*opened);
  }
  auto anchors = anchors_in_use(o.lotl_signers, store ? &*store : nullptr);
  if (!anchors) {
    print_error((o.lotl_signers.empty() ? "the store's LOTL anchors cannot be read: " : "--lotl-signers: ") +
                anchors.error().message);
    return exit_code_for(anchors.error());
  }
  if (o.json) {
    std::cout << eutl::anchors_json(*anchors) << '\n';
  } else {
    print_anchors(std::cout, *anchors, store::now());
  }
  return kExitYes;
}

}  // namespace

void register_anchors(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<AnchorsOptions>();
  CLI::App* cmd = app.add_subcommand("anchors", "List the LOTL signing certificates (trust anchors) in use");
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file of LOTL signing certificates to show (each must be a CA or a list signer)");
  add_store_option(cmd, opts->store, "whose current snapshot's anchors are shown");
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose, "Say on stderr which store and snapshot are read");
  cmd->footer(
      "Source: the --lotl-signers file when given, else the anchors the store's current snapshot was made\n"
      "with, else those bundled with this release: the LOTL signers announced in the Official Journal\n"
      "(OJ C 276/2019, OJ C/2026/1944; Implementing Decision (EU) 2015/1505). Rotations between notices\n"
      "are carried by pivot LOTLs named in the LOTL's SchemeInformationURI (ETSI TS 119 612 V2.4.1 §5.3.7,\n"
      "TS 119 615 V1.2.1 §4.1), which fetch follows.\n"
      "Example: eutl anchors --json");
  cmd->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_anchors); }; });
}

}  // namespace eutl::cli
