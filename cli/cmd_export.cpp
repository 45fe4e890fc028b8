// eutl export --pem [--for esig|eseal|wsa] [--at T] [--output FILE]
//
// A PEM bundle of the CA certificates (current ServiceDigitalIdentity) of every
// service that is a granted CA/QC at T, for the given use, for TLS stacks and
// signature validators (eutl::export_ca_certificates, include/eutl/ca_export.h, which
// GET /v1/export.pem of `eutl serve` serves too).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_source.h"
#include "eutl/ca_export.h"
#include "eutl/service_query.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

struct ExportOptions {
  ListSourceOptions source;
  bool pem = false;
  std::string use;
  std::string output;
};

int run_export(const ExportOptions& o) {
  if (!o.pem) {
    print_error("export: choose the output format: --pem");
    return kExitUsage;
  }
  std::optional<verify::CertType> use;
  if (!o.use.empty()) {
    auto u = eutl::parse_use(o.use);
    if (!u) {
      print_error("--for: " + u.error().message);
      return kExitUsage;
    }
    use = *u;
  }
  auto at = time_at(o.source);
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  Result<eutl::TrustedLists> lists = load_lists(o.source);
  if (!lists) {
    return exit_code_for(lists.error());
  }
  const eutl::CaExport exported = eutl::export_ca_certificates(*lists, *at, use, EUTL_VERSION);
  const std::string bundle = o.source.json ? exported.json + '\n' : exported.pem;
  if (o.output.empty() || o.output == "-") {
    std::cout << bundle;
  } else {
    if (auto written = tsl::write_file(o.output, bundle); !written) {
      print_error(written.error().message);
      return exit_code_for(written.error());
    }
  }
  if (!o.source.quiet) {
    std::cerr << "eutl: exported " << exported.certificates << " certificate(s) of " << exported.services
              << " service(s)\n";
  }
  return exported.certificates == 0 ? kExitNo : kExitYes;
}

}  // namespace

void register_export(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export the CA certificates of granted CA/QC services as a PEM bundle");
  cmd->add_flag("--pem", o->pem, "PEM bundle, one commented certificate after another (required; with --json: "
                                 "a JSON array of {service_id, territory, tsp, service_name, sha256, pem})");
  add_use_option(cmd, o->use,
                 "Only services listed for this use: esig, eseal or wsa (AdditionalServiceInformation, TS 119 612 "
                 "§5.5.9.4)")
      ->check(CLI::IsMember({"esig", "eseal", "wsa"}));
  cmd->add_option("-o,--output", o->output, "Write to this file instead of stdout");
  add_list_source_options(cmd, o->source, "Services granted at this time; the lists are verified then too");
  cmd->footer("A pre-eIDAS period (before 2016-07-01) counts for esig only.\n"
              "Examples:\n"
              "  eutl export --pem --for wsa > eu-qwac-cas.pem\n"
              "  eutl export --pem --for esig --at 2023-01-01 -o esig-cas.pem\n"
              "  eutl export --pem --lists lists/ --lotl-signers oj.pem --at 2025-03-01\n"
              "Exit: 0 at least one certificate exported, 1 none, 2 usage or input error.");
  cmd->callback([o, &run] { run = [o] { return run_export(*o); }; });
}

}  // namespace eutl::cli
