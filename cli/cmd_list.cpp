// eutl list [filters] [--json]   (eutl show-service ID: cli/cmd_show_service.cpp)
//
// Browse the services of the verified lists (VALID lists only: a list that does not
// verify contributes nothing), through eutl::list_services (include/eutl/service_list.h),
// which GET /v1/services of `eutl serve` uses too. Service IDs are
// "TERRITORY/TSP/SERVICE", 1-based positions in the list (include/eutl/service_query.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_cert_match.h"
#include "cli/list_source.h"
#include "cli/list_table.h"
#include "cli/cmd_show_service.h"
#include "eutl/service_list.h"

namespace eutl::cli {
namespace {

struct ListOptions {
  ListSourceOptions source;
  std::vector<std::string> territories;
  std::string name;
  std::vector<std::string> types;
  std::vector<std::string> statuses;
  bool csv = false;
  std::string use;
  std::string qualified_at;
  std::string cert;
};

int run_list(const ListOptions& o) {
  Result<eutl::TrustedLists> lists = load_lists(o.source);
  if (!lists) {
    return exit_code_for(lists.error());
  }
  eutl::ServiceListQuery query{o.territories, o.name, o.types, o.statuses, o.use, o.qualified_at, std::nullopt};
  if (!o.cert.empty()) {
    auto certs = read_identity_certificates(o.cert);
    if (!certs) {
      print_error(certs.error().message);
      return kExitUsage;
    }
    query.identity = std::move(*certs);
  }
  auto listing = eutl::list_services(*lists, query);
  if (!listing) {
    print_error(listing.error().message);
    return kExitUsage;
  }
  const std::vector<eutl::ListWarning>& warnings = listing->warnings;
  const std::vector<const tsl::IndexedService*>& rows = listing->rows;
  const auto& all = lists->index().services();
  if (o.source.json) {
    std::cout << eutl::service_list_json(*lists, *listing) << '\n';
  } else if (o.csv) {
    print_service_csv(std::cout, rows);
  } else {
    for (const auto& w : warnings) {
      std::cout << "warning: " << w.message << '\n';
    }
    if (!no_usable_list(warnings)) {
      print_service_table(std::cout, std::cerr, rows, o.source.quiet);
    }
  }
  if (no_usable_list(warnings)) {
    if (o.source.json || o.csv) {
      print_error(warnings.back().message);  // CSV has no place for it; JSON rows carry it, but there are none
    }
    return kExitIndeterminate;
  }
  if (!o.source.quiet && !o.source.json && !o.csv) {
    std::cerr << rows.size() << " of " << all.size() << " services\n";
  }
  if (listing->identity && rows.empty()) {
    if (!o.source.quiet) {
      std::cerr << "eutl: no service of the valid lists has the certificate of " << o.cert
                << " (its public key and subject name, ETSI TS 119 612 §5.5.3) as its digital identity; "
                   "'eutl check' finds the service that issued a certificate\n";
    }
    return kExitNo;
  }
  return kExitYes;
}

}  // namespace

void register_list(CLI::App& app, Runner& run) {
  auto lo = std::make_shared<ListOptions>();
  CLI::App* list = app.add_subcommand("list", "List the trust services of the verified lists, with filters");
  add_list_source_options(list, lo->source, "Time at which the lists are verified");
  list->add_option("--territory", lo->territories, "Only these territories: AT, BE, … or a comma list AT,BE; repeatable");
  list->add_option("--name", lo->name,
                   "Only services whose provider name, trade name or service name contains this text, in any "
                   "language of the list; case and accents ignored (e = é, ss = ß, l = ł)");
  add_hidden_alias(list, "--tsp", "--name", lo->name);
  list->add_option("--type", lo->types,
                   "Only these service types (TS 119 612 §5.5.1): CA/QC, TSA/QTST (or QTST), QESValidation/Q, … or "
                   "the URI; comma list, repeatable");
  list->add_option("--status", lo->statuses,
                   "Only these current statuses (TS 119 612 §5.5.4): granted, withdrawn, … or the URI; comma list");
  list->add_option("--cert", lo->cert,
                   "Only the services whose digital identity is this certificate (PEM or DER file): the same public "
                   "key and subject name (TS 119 612 §5.5.3)");
  list->add_flag("--csv", lo->csv, "CSV (RFC 4180) with a header row, for spreadsheets");
  add_use_option(list, lo->use,
                 "Only services listed for this use: esig, eseal or wsa (AdditionalServiceInformation, TS 119 612 "
                 "§5.5.9.4)");
  add_hidden_alias(list, "--asi", "--for", lo->use);
  list->add_option("--qualified-at", lo->qualified_at, "Only CA/QC services granted at this time (date or date-time)");
  list->footer("Service IDs are TERRITORY/TSP/SERVICE (1-based positions in the list); see 'eutl show-service'.\n"
               "Examples:\n"
               "  eutl list --territory BE --type CA/QC --status granted\n"
               "  eutl list --territory BE,FR --type QTST --csv > qtst.csv\n"
               "  eutl list --name 'minositett'           (finds Minősített …, any case)\n"
               "  eutl list --cert issuing-ca.pem --json   (which services list this CA certificate)\n"
               "  eutl list --for wsa --qualified-at 2024-01-01 --json\n"
               "  eutl list --lists lists/ --lotl-signers oj.pem --at 2025-03-01 --name trust\n"
               "A --type, --status or --territory value that names nothing is a usage error listing the valid values.\n"
               "Lists past their NextUpdate at --at (TS 119 612 §5.3.15) are not used: the output starts with a\n"
               "'warning:' line naming them (JSON: list_warnings in each row).\n"
               "Exit: 0 listed (possibly nothing), 1 --cert matches no service, 2 usage or input error,\n"
               "3 no list is usable at that time (a stale store): indeterminate, not empty.");
  list->callback([lo, &run] { run = [lo] { return run_list(*lo); }; });

  register_show_service(app, run);
}

}  // namespace eutl::cli
