// eutl export --pem [--for esig|eseal|wsa] [--at T] [--output FILE]
//
// A PEM bundle of the CA certificates (current ServiceDigitalIdentity) of every
// service that is a granted CA/QC at T, for the given use, for TLS stacks and
// signature validators. Each certificate is preceded by comment lines naming the
// territory, TSP and service; a certificate listed by several services appears once.
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_source.h"
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

std::string pem_of(const tsl::Bytes& der) {
  std::string b64 = tsl::base64_encode(der);
  std::string out = "-----BEGIN CERTIFICATE-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) {
    out += b64.substr(i, 64) + '\n';
  }
  return out + "-----END CERTIFICATE-----\n";
}

// Comment lines outside the PEM armour are ignored by OpenSSL, GnuTLS and NSS tools.
std::string header(const tsl::IndexedService& s, const tsl::ServicePeriod& p, const tsl::CertificateBlob& blob) {
  std::ostringstream h;
  std::string asi;
  for (const auto& a : p.state->extensions.additional_information) {
    asi += (asi.empty() ? "" : ", ") + std::string(eutl::uri_tail(a.uri));
  }
  h << "# " << s.provenance.territory << " / " << s.provenance.tsp_name << " / " << s.provenance.service_name << '\n'
    << "#   service " << eutl::to_string(eutl::service_id(s.provenance)) << ": "
    << tsl::service_type_short(p.state->type_uri) << ' ' << eutl::uri_tail(p.state->status_uri) << " since "
    << tsl::format_time(p.start) << (asi.empty() ? "" : " (" + asi + ")") << '\n';
  if (auto prof = verify::read_certificate_profile(blob.der())) {
    h << "#   subject " << prof->subject << "\n#   valid " << tsl::format_time(prof->not_before) << " .. "
      << tsl::format_time(prof->not_after) << '\n';
  }
  h << "#   sha256 " << tsl::to_hex(blob.sha256()) << '\n';
  return h.str();
}

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
  std::string bundle = "# EU trusted-list CA certificates: granted CA/QC services" +
                       (use ? " for " + std::string(verify::to_string(*use)) : std::string()) + " at " +
                       tsl::format_time(*at) + "\n# Made by eutl " + EUTL_VERSION + " from " +
                       std::to_string(lists->valid_count()) + " valid trusted lists" +
                       (lists->snapshot_id().empty() ? std::string() : " (store snapshot " + lists->snapshot_id() + ")") +
                       ".\n\n";
  std::set<std::string> seen;
  std::size_t services = 0;
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& s : lists->index().services()) {
    if (!eutl::qualified_ca_at(s, *at, use)) {
      continue;
    }
    const tsl::ServicePeriod* p = eutl::period_at(s, *at);
    ++services;
    for (const auto* blob : s.certificates) {
      if (!seen.insert(tsl::to_hex(blob->sha256())).second) {
        continue;
      }
      bundle += header(s, *p, *blob) + pem_of(blob->der()) + '\n';
      entries.push_back({{"schema", "eutl-export/1"},
                         {"service_id", eutl::to_string(eutl::service_id(s.provenance))},
                         {"territory", s.provenance.territory},
                         {"tsp", s.provenance.tsp_name},
                         {"service_name", s.provenance.service_name},
                         {"sha256", tsl::to_hex(blob->sha256())},
                         {"pem", pem_of(blob->der())}});
    }
  }
  if (o.source.json) {
    bundle = entries.dump(2) + '\n';
  }
  if (o.output.empty() || o.output == "-") {
    std::cout << bundle;
  } else {
    if (auto written = tsl::write_file(o.output, bundle); !written) {
      print_error(written.error().message);
      return exit_code_for(written.error());
    }
  }
  if (!o.source.quiet) {
    std::cerr << "eutl: exported " << seen.size() << " certificate(s) of " << services << " service(s)\n";
  }
  return seen.empty() ? kExitNo : kExitYes;
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
