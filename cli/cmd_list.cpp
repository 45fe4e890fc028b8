// eutl list [filters] [--json]   and   eutl show-service ID [--json]
//
// Browse the services of the verified lists (VALID lists only: a list that does not
// verify contributes nothing). Service IDs are "TERRITORY/TSP/SERVICE", 1-based
// positions in the list (include/eutl/service_query.h).
#include <algorithm>
#include <cctype>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_cert_match.h"
#include "cli/list_filter.h"
#include "cli/list_name_search.h"
#include "cli/list_source.h"
#include "cli/list_staleness.h"
#include "cli/list_table.h"
#include "eutl/service_query.h"
#include "eutl/tsl/service_type_names.h"

namespace eutl::cli {
namespace {

using nlohmann::json;

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

struct ShowServiceOptions {
  ListSourceOptions source;
  std::string id;
};

std::string short_status(std::string_view uri) { return std::string(eutl::uri_tail(uri)); }

std::vector<std::string> asi_names(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& a : ext.additional_information) {
    out.emplace_back(eutl::uri_tail(a.uri));
  }
  return out;
}

std::vector<std::string> qualifier_names(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& q : ext.qualifications) {
    for (const auto& uri : q.qualifier_uris) {
      out.emplace_back(eutl::uri_tail(uri));
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : ",") + s;
  }
  return out;
}

// The readable name of a service type (TS 119 612 5.5.1), null when it has none.
json type_name_json(std::string_view type_uri) {
  const std::string_view name = tsl::service_type_name(type_uri);
  return name.empty() ? json(nullptr) : json(std::string(name));
}

json service_summary(const tsl::IndexedService& s) {
  const tsl::ServiceState& cur = s.service->current;
  return {{"schema", "eutl-list/1"},
          {"id", eutl::to_string(eutl::service_id(s.provenance))},
          {"territory", s.provenance.territory},
          {"tsp", s.provenance.tsp_name},
          {"service_name", s.provenance.service_name},
          {"type", cur.type_uri},
          {"type_short", std::string(tsl::service_type_short(cur.type_uri))},
          {"type_name", type_name_json(cur.type_uri)},
          {"status", cur.status_uri},
          {"status_short", short_status(cur.status_uri)},
          {"status_start", cur.status_start ? json(tsl::format_time(*cur.status_start)) : json(nullptr)},
          {"additional_information", asi_names(cur.extensions)},
          {"certificates", s.certificates.size()},
          {"history_periods", s.periods.size()},
          {"list_sequence_number", s.provenance.list_sequence}};
}

Result<ListFilter> read_filter(const ListOptions& o, const eutl::TrustedLists& lists) {
  std::vector<std::string> present;
  for (const auto& s : lists.index().services()) {
    if (std::find(present.begin(), present.end(), s.provenance.territory) == present.end()) {
      present.push_back(s.provenance.territory);
    }
  }
  std::sort(present.begin(), present.end());
  ListFilter f;
  auto territories = parse_territory_filter(o.territories, present);
  auto types = parse_type_filter(o.types);
  auto statuses = parse_status_filter(o.statuses);
  for (const auto* r : {&territories, &types, &statuses}) {
    if (!*r) {
      return r->error();
    }
  }
  f.territories = std::move(*territories);
  f.types = std::move(*types);
  f.statuses = std::move(*statuses);
  return f;
}

// Every filter of `eutl list`, read and checked before anything is listed; the error
// names the option.
struct ListQuery {
  ListFilter filter;
  std::optional<tsl::TimePoint> qualified_at;
  std::optional<verify::CertType> use;
  std::optional<CertMatches> identity;  // --cert
};

Result<ListQuery> read_query(const ListOptions& o, const eutl::TrustedLists& lists) {
  ListQuery q;
  if (!o.qualified_at.empty()) {
    auto t = tsl::parse_datetime(o.qualified_at);
    if (!t) {
      return Error(Errc::kUsage, "--qualified-at: " + t.error().message);
    }
    q.qualified_at = t->time;
  }
  if (!o.use.empty()) {
    auto u = eutl::parse_use(o.use);
    if (!u) {
      return Error(Errc::kUsage, "--for: " + u.error().message);
    }
    q.use = *u;
  }
  if (!o.cert.empty()) {
    auto hits = services_with_identity(o.cert, lists.index());
    if (!hits) {
      return std::move(hits).error();
    }
    q.identity = std::move(*hits);
  }
  auto filter = read_filter(o, lists);
  if (!filter) {
    return std::move(filter).error();
  }
  q.filter = std::move(*filter);
  return q;
}

int run_list(const ListOptions& o) {
  Result<eutl::TrustedLists> lists = load_lists(o.source);
  if (!lists) {
    return exit_code_for(lists.error());
  }
  auto query = read_query(o, *lists);
  if (!query) {
    print_error(query.error().message);
    return kExitUsage;
  }
  const auto& [filter, qualified_at, use, identity] = *query;
  const std::vector<ListWarning> warnings = list_warnings(*lists);
  const NameSearch name(*lists, o.name);
  std::vector<const tsl::IndexedService*> rows;
  const auto& all = lists->index().services();
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    const tsl::IndexedService& s = all[i];
    bool keep = matches(filter, s) && name.matches(s);
    keep = keep && (!use || (!s.periods.empty() && eutl::period_covers_use(s.periods.front(), *use)));
    keep = keep && (!qualified_at || eutl::qualified_ca_at(s, *qualified_at));
    keep = keep && (!identity || identity->count(i) == 1);
    if (keep) {
      rows.push_back(&s);
    }
  }
  if (o.source.json) {
    json out = json::array();
    for (const auto* s : rows) {
      json row = service_summary(*s);
      if (identity) {
        row["identity_match"] = std::string(eutl::to_string(identity->at(static_cast<std::uint32_t>(s - all.data()))));
      }
      if (!warnings.empty()) {
        row["list_warnings"] = to_json(warnings);
      }
      out.push_back(std::move(row));
    }
    std::cout << out.dump(2) << '\n';
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
  if (identity && rows.empty()) {
    if (!o.source.quiet) {
      std::cerr << "eutl: no service of the valid lists has the certificate of " << o.cert
                << " (its public key and subject name, ETSI TS 119 612 §5.5.3) as its digital identity; "
                   "'eutl check' finds the service that issued a certificate\n";
    }
    return kExitNo;
  }
  return kExitYes;
}

json period_json(const tsl::ServicePeriod& p) {
  const tsl::ServiceState& st = *p.state;
  return {{"start", tsl::format_time(p.start)},
          {"end", p.end ? json(tsl::format_time(*p.end)) : json(nullptr)},
          {"history_index", p.history_index ? json(*p.history_index) : json(nullptr)},
          {"type", st.type_uri},
          {"type_name", type_name_json(st.type_uri)},
          {"status", st.status_uri},
          {"name", std::string(st.name.preferred())},
          {"additional_information", asi_names(st.extensions)},
          {"qualifiers", qualifier_names(st.extensions)},
          {"unknown_critical_extension", st.extensions.has_unknown_critical()},
          {"granted_ca_qc", eutl::is_granted_ca_qc(p)}};
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
  json certs = json::array();
  for (const auto* blob : s.certificates) {
    auto p = verify::read_certificate_profile(blob->der());
    certs.push_back({{"sha256", tsl::to_hex(blob->sha256())},
                     {"subject", p ? json(p->subject) : json(nullptr)},
                     {"not_before", p ? json(tsl::format_time(p->not_before)) : json(nullptr)},
                     {"not_after", p ? json(tsl::format_time(p->not_after)) : json(nullptr)}});
  }
  json timeline = json::array();
  for (const auto& p : s.periods) {
    timeline.push_back(period_json(p));
  }
  json out = service_summary(s);
  out["schema"] = "eutl-show-service/1";
  out["list_source"] = s.provenance.list_source;
  out["list_digest"] = tsl::to_hex(s.provenance.list_digest);
  out["certificate_details"] = certs;
  out["other_identifiers"] = s.service->current.identity.other;
  out["history"] = timeline;
  out["timeline"] = timeline;  // deprecated: history
  out["warnings"] = s.warnings;
  if (o.source.json) {
    std::cout << out.dump(2) << '\n';
    return kExitYes;
  }
  std::cout << paint(out["id"].get<std::string>(), "1") << "  " << s.provenance.service_name << "\n"
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
    std::string flags = joined(asi_names(st.extensions));
    std::string quals = joined(qualifier_names(st.extensions));
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
