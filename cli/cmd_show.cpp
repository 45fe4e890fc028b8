// eutl show FILE: a readable summary of one trusted list, or the same as JSON.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "eutl/tsl/parser.h"
#include "eutl/tsl/service_type_names.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::cli {
namespace {

struct ShowOptions {
  std::string file;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

struct TypeCount final {
  std::string uri;
  std::size_t services = 0;
};

// The type identifiers of the current services, most frequent first.
std::vector<TypeCount> service_types(const tsl::TrustedList& l) {
  std::map<std::string, std::size_t> counts;
  for (const auto& tsp : l.providers) {
    for (const auto& svc : tsp.services) {
      ++counts[svc.current.type_uri];
    }
  }
  std::vector<TypeCount> out;
  for (const auto& [uri, n] : counts) {
    out.push_back({uri, n});
  }
  std::stable_sort(out.begin(), out.end(), [](const TypeCount& a, const TypeCount& b) { return a.services > b.services; });
  return out;
}

nlohmann::json to_json(const tsl::TrustedList& l) {
  using nlohmann::json;
  json pointers = json::array();
  for (const auto& p : l.scheme.pointers) {
    pointers.push_back({{"territory", p.territory},
                        {"location", p.location},
                        {"tsl_type", p.tsl_type_uri},
                        {"mime_type", p.mime_type},
                        {"certificate_count", p.certificate_count()}});
  }
  json warnings = json::array();
  for (const auto& w : l.warnings) {
    warnings.push_back({{"code", w.code}, {"message", w.message}, {"line", w.line}});
  }
  json types = json::array();
  for (const auto& t : service_types(l)) {
    const std::string_view name = tsl::service_type_name(t.uri);
    types.push_back({{"type", t.uri},
                     {"type_short", std::string(tsl::service_type_short(t.uri))},
                     {"type_name", name.empty() ? json(nullptr) : json(std::string(name))},
                     {"services", t.services}});
  }
  const char* role = l.is_lotl() ? "lotl" : "tl";
  return {{"schema", "eutl-show/1"},
          {"tsl_type", l.scheme.tsl_type_uri},
          {"role", role},
          {"kind", role},  // deprecated: role
          {"territory", l.scheme.territory},
          {"sequence_number", l.scheme.sequence_number},
          {"version", l.scheme.version},
          {"operator", std::string(l.scheme.operator_name.preferred())},
          {"issue_date", tsl::format_time(l.scheme.issue_date)},
          {"next_update", evidence::detail::time_json(l.scheme.next_update)},
          {"tsp_count", l.providers.size()},
          {"service_count", l.service_count()},
          {"certificate_count", l.certificate_count()},
          {"signed", l.has_signature},
          {"service_types", types},
          {"pointers", pointers},
          {"warnings", warnings}};
}

void print_text(const tsl::TrustedList& l, const std::string& file) {
  std::cout << file << '\n'
            << "  type            " << tsl::to_string(l.scheme.tsl_type) << " (" << l.scheme.tsl_type_uri << ")\n"
            << "  territory       " << l.scheme.territory << '\n'
            << "  operator        " << l.scheme.operator_name.preferred() << '\n'
            << "  version         " << l.scheme.version << '\n'
            << "  sequence        " << l.scheme.sequence_number << '\n'
            << "  issued          " << tsl::format_time(l.scheme.issue_date) << '\n'
            << "  next update     " << tsl::format_time(l.scheme.next_update, "none (closed list)") << '\n'
            << "  providers       " << l.providers.size() << '\n'
            << "  services        " << l.service_count() << " current\n"
            << "  certificates    " << l.certificate_count() << " (current service identities)\n"
            << "  signed          " << (l.has_signature ? "yes (not verified here: use 'eutl verify')" : "no")
            << '\n';
  if (const auto types = service_types(l); !types.empty()) {
    std::cout << "  service types   " << types.size() << " (current services per type, TS 119 612 5.5.1)\n";
    for (const auto& t : types) {
      const std::string_view name = tsl::service_type_name(t.uri);
      const std::string_view short_form = tsl::service_type_short(t.uri);
      std::cout << "    " << std::right << std::setw(5) << t.services << "  " << std::left << std::setw(27)
                << (short_form.empty() ? std::string_view(t.uri) : short_form) << ' '
                << (name.empty() ? "(not a TS 119 612 identifier)" : name) << '\n';
    }
  }
  if (!l.scheme.pointers.empty()) {
    std::cout << "  pointers        " << l.scheme.pointers.size() << '\n';
    for (const auto& p : l.scheme.pointers) {
      std::cout << "    " << (p.territory.empty() ? "??" : p.territory) << "  "
                << (p.mime_type.empty() ? "-" : p.mime_type) << "  " << p.certificate_count() << " cert(s)  "
                << p.location << '\n';
    }
  }
  if (!l.warnings.empty()) {
    std::cout << "  warnings        " << l.warnings.size() << '\n';
    for (const auto& w : l.warnings) {
      std::cout << "    line " << w.line << ": [" << w.code << "] " << w.message << '\n';
    }
  }
}

}  // namespace

void register_show(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "Summarise one trusted list (LOTL or national list)");
  cmd->add_option("FILE", opts->file, "Trusted-list XML file")->required();
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose, "Say on stderr the size and SHA-256 of the file read");
  cmd->footer("Examples:\n  eutl show eu-lotl.xml\n  eutl show --json AT.xml | jq .service_count\n"
              "Does not verify the signature: use 'eutl verify' for that.");
  cmd->callback([opts, &run] {
    run = [opts] {
      auto bytes = tsl::read_file(opts->file, tsl::FileKind::kList);
      if (!bytes) {
        print_error(bytes.error().message);
        return exit_code_for(bytes.error());
      }
      if (opts->verbose && !opts->quiet) {
        std::cerr << "eutl: " << opts->file << ": " << bytes->size() << " bytes, SHA-256 "
                  << tsl::to_hex(tsl::sha256(*bytes)) << '\n';
      }
      auto list = tsl::parse_trusted_list(*bytes, opts->file);
      if (!list) {
        print_error(list.error().message);
        return kExitUsage;
      }
      if (opts->json) {
        std::cout << to_json(*list).dump(2) << '\n';
      } else {
        print_text(*list, opts->file);
      }
      return kExitYes;
    };
  });
}

}  // namespace eutl::cli
