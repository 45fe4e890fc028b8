// eutl show-service ID [--json]
//
// One trust service of the verified lists with its full status history. The JSON is
// eutl::show_service_json (include/eutl/service_list.h), which GET /v1/services/{id}
// of `eutl serve` prints too.
#include "cli/cmd_show_service.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include "api/detail/service_json.h"
#include "cli/common_options.h"
#include "cli/list_source.h"
#include "eutl/service_list.h"
#include "eutl/tsl/service_type_names.h"

namespace eutl::cli {
namespace {

struct ShowServiceOptions {
  ListSourceOptions source;
  std::string id;
};

std::string comma_joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : ",") + s;
  }
  return out;
}

void print_text(const tsl::IndexedService& s) {
  using eutl::detail::asi_names;
  using eutl::detail::qualifier_names;
  using eutl::detail::short_status;
  const nlohmann::json certs = eutl::detail::certificate_details_json(s);
  std::cout << paint(eutl::to_string(eutl::service_id(s.provenance)), "1") << "  " << s.provenance.service_name << "\n"
            << "  TSP        " << s.provenance.tsp_name << "\n"
            << "  territory  " << s.provenance.territory << " (list seq " << s.provenance.list_sequence << ", "
            << s.provenance.list_source << ")\n"
            << "  type       " << tsl::service_type_label(s.service->current.type_uri) << "\n"
            << "             " << s.service->current.type_uri << "\n"
            << "  status     " << s.service->current.status_uri << "\n";
  for (const auto& c : certs) {
    std::cout << "  cert       " << (c["subject"].is_null() ? "(unreadable)" : c["subject"].get<std::string>())
              << "\n             sha256 " << c["sha256"].get<std::string>() << '\n';
  }
  for (const auto& other : s.service->current.identity.other) {
    std::cout << "  identifier " << other << "  (DigitalId/Other, TS 119 612 5.5.3)\n";
  }
  std::cout << "\nTimeline (newest first)\n";
  for (const auto& p : s.periods) {
    const tsl::ServiceState& st = *p.state;
    std::string flags = comma_joined(asi_names(st.extensions));
    std::string quals = comma_joined(qualifier_names(st.extensions));
    std::cout << "  " << tsl::format_time(p.start) << " .. " << std::left << std::setw(21)
              << tsl::format_time(p.end, "now")
              << std::setw(static_cast<int>(std::max<std::size_t>(12, tsl::service_type_short(st.type_uri).size() + 1)))
              << tsl::service_type_short(st.type_uri)
              << std::setw(24) << short_status(st.status_uri)
              << (eutl::is_granted_ca_qc(p) ? paint("qualified CA", "32") : std::string("-")) << '\n';
    if (!flags.empty()) {
      std::cout << "      ASI " << flags << '\n';
    }
    if (!quals.empty()) {
      std::cout << "      qualifiers " << quals << '\n';
    }
    if (st.extensions.has_unknown_critical()) {
      std::cout << "      unknown critical extension: period unusable\n";
    }
  }
  for (const auto& w : s.warnings) {
    std::cerr << "eutl: warning: " << w << '\n';
  }
}

int run_show_service(const ShowServiceOptions& o) {
  auto id = eutl::parse_service_id(o.id);
  if (!id) {
    print_error(id.error().message);
    return kExitUsage;
  }
  Result<eutl::TrustedLists> lists = load_lists(o.source);
  if (!lists) {
    return exit_code_for(lists.error());
  }
  auto pos = eutl::find_service(lists->index(), *id);
  if (!pos) {
    print_error("no service " + eutl::to_string(*id) + " in the valid lists (see 'eutl list --territory " +
                id->territory + "')");
    return kExitNo;
  }
  const tsl::IndexedService& s = lists->index().service(*pos);
  if (o.source.json) {
    std::cout << eutl::show_service_json(s) << '\n';
    return kExitYes;
  }
  print_text(s);
  return kExitYes;
}

}  // namespace

void register_show_service(CLI::App& app, Runner& run) {
  auto so = std::make_shared<ShowServiceOptions>();
  CLI::App* show = app.add_subcommand("show-service", "Show one trust service with its full status history");
  show->add_option("ID", so->id, "Service ID TERRITORY/TSP/SERVICE, as printed by 'eutl list'")->required();
  add_list_source_options(show, so->source, "Time at which the lists are verified");
  show->footer("Examples:\n"
               "  eutl show-service BE/2/1\n"
               "  eutl show-service AA/1/1 --lists lists/ --lotl-signers oj.pem --at 2025-03-01 --json\n"
               "Exit: 0 shown, 1 no such service, 2 usage or input error.");
  show->callback([so, &run] { run = [so] { return run_show_service(*so); }; });
}

}  // namespace eutl::cli
