// eutl report tsp NAME|SERVICE-ID [--from D] [--to D] [--html FILE] [--json] [--store DIR]:
// the status report of one trust service provider across the store's snapshots
// (include/eutl/tsp_report.h).
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/service_query.h"
#include "eutl/tsl/uris.h"
#include "eutl/tsp_report.h"

namespace eutl::cli {
namespace {

struct ReportTspOptions {
  std::string tsp;
  std::string from;
  std::string to;
  std::string html;
  std::string store;
  bool json = false;
};

Result<std::optional<tsl::TimePoint>> optional_time(const std::string& text, const char* option) {
  if (text.empty()) {
    return std::optional<tsl::TimePoint>();
  }
  auto t = store::parse_at(text);
  if (!t) {
    return Error{Errc::kUsage, std::string(option) + ": " + t.error().message};
  }
  return std::optional<tsl::TimePoint>(*t);
}

void print_text(const TspReport& r) {
  std::cout << r.tsp_name << " (" << r.territory << ")\n";
  std::cout << r.versions.size() << " list version(s) in the store:\n";
  for (std::size_t i = 0; i < r.versions.size(); ++i) {
    const TspListVersion& v = r.versions[i];
    std::cout << "  [" << i << "] sequence " << v.sequence << ", issued " << tsl::format_time(v.issue_date) << ", "
              << verify::to_string(v.status) << ", sha256 " << tsl::to_hex(v.digest) << "\n";
  }
  for (const TspService& s : r.services) {
    std::cout << "\n" << s.id << "  " << s.name << "\n  " << tsl::service_type_short(s.type_uri) << ", now "
              << uri_tail(s.status_uri) << (s.in_newest_version ? "" : " (no longer listed)") << "\n";
    for (const TspStatusChange& c : s.history) {
      std::cout << "  " << tsl::format_time(c.start) << "  " << uri_tail(c.status_uri) << "  first in ["
                << c.first_seen << "]" << (c.published_in_first_seen ? " (published there)" : "") << "\n";
    }
  }
}

int run_report_tsp(const ReportTspOptions& o) {
  auto from = optional_time(o.from, "--from");
  auto to = optional_time(o.to, "--to");
  if (!from || !to) {
    print_error((!from ? from.error() : to.error()).message);
    return kExitUsage;
  }
  auto report = build_tsp_report(store::resolve_store(o.store), TspQuery{o.tsp, *from, *to});
  if (!report) {
    print_error(report.error().message);
    return report.error().code == Errc::kNotFound ? kExitNo : exit_code_for(report.error());
  }
  if (!o.html.empty()) {
    std::ofstream out(o.html, std::ios::binary | std::ios::trunc);
    out << tsp_report_html(*report);
    if (!out.flush()) {
      print_error("cannot write " + o.html);
      return kExitCouldNotRun;
    }
  }
  if (o.json) {
    std::cout << tsp_report_json(*report);
  } else {
    print_text(*report);
  }
  return kExitYes;
}

}  // namespace

void register_report(CLI::App& app, Runner& run) {
  CLI::App* report = app.add_subcommand("report", "Reports for auditors: the status of one trust service provider");
  report->require_subcommand(1);
  auto o = std::make_shared<ReportTspOptions>();
  CLI::App* tsp = report->add_subcommand(
      "tsp", "Status report of one trust service provider: every service, its status history and the national "
             "list version that first holds each status (ETSI TS 119 612 §5.5.10), from the store's snapshots");
  tsp->add_option("TSP", o->tsp, "Part of the provider's name (case and accents ignored), or a service ID such as BE/2/1")
      ->required();
  tsp->add_option("--from", o->from, "Only status periods in force at or after this time (date or date-time, UTC)");
  tsp->add_option("--to", o->to, "Only status periods that began at or before this time (date or date-time, UTC)");
  tsp->add_option("--html", o->html, "Also write the report as a self-contained HTML page to this file");
  add_json_flag(tsp, o->json);
  add_store_option(tsp, o->store, "whose snapshots are read (every snapshot is verified again)");
  tsp->footer("Examples:\n  eutl report tsp 'Certum' --from 2020-01-01 --html certum.html\n"
              "  eutl report tsp BE/2/1 --json\n"
              "Exit: 0 reported, 1 no such provider, 2 usage error (also: a name matching several providers),\n"
              "4 could not run (store unreadable).");
  tsp->callback([o, &run] { run = [o] { return run_report_tsp(*o); }; });
}

}  // namespace eutl::cli
