// eutl show FILE: a readable summary of one trusted list, or the same as JSON.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eutl/tsl/parser.h"

namespace eutl::cli {
namespace {

struct ShowOptions {
  std::string file;
  bool json = false;
};

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
  return {{"tsl_type", l.scheme.tsl_type_uri},
          {"kind", l.is_lotl() ? "lotl" : "tl"},
          {"territory", l.scheme.territory},
          {"sequence_number", l.scheme.sequence_number},
          {"version", l.scheme.version},
          {"operator", std::string(l.scheme.operator_name.preferred())},
          {"issue_date", tsl::format_time(l.scheme.issue_date)},
          {"next_update", l.scheme.next_update ? json(tsl::format_time(*l.scheme.next_update)) : json(nullptr)},
          {"tsp_count", l.providers.size()},
          {"service_count", l.service_count()},
          {"certificate_count", l.certificate_count()},
          {"signed", l.has_signature},
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
  cmd->add_flag("--json", opts->json, "Print JSON instead of text");
  cmd->footer("Examples:\n  eutl show eu-lotl.xml\n  eutl show --json AT.xml | jq .service_count\n"
              "Does not verify the signature: use 'eutl verify' for that.");
  cmd->callback([opts, &run] {
    run = [opts] {
      auto bytes = tsl::read_file(opts->file, tsl::FileKind::kList);
      if (!bytes) {
        print_error(bytes.error().message);
        return exit_code_for(bytes.error());
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
