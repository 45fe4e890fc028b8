// The command table (cli/command_table.h).
#include "cli/command_table.h"

#include <array>
#include <utility>

namespace eutl::cli {

Registrar registrar_of(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Registrar>, 17> kCommands{{
      {"show", register_show},
      {"verify", register_verify},
      {"check", register_check},
      {"fetch", register_store},
      {"import", register_store},
      {"status", register_store},
      {"store", register_store},
      {"evidence", register_evidence},
      {"diff", register_diff},
      {"list", register_list},
      {"show-service", register_list},
      {"export", register_export},
      {"check-site", register_check_site},
      {"anchors", register_anchors},
      {"report", register_report},
      {"serve", register_serve},
      {"help", nullptr},  // lists and documents every command
  }};
  for (const auto& [command, registrar] : kCommands) {
    if (command == name) {
      return registrar;
    }
  }
  return nullptr;
}

void register_all(CLI::App& app, Runner& run) {
  register_show(app, run);
  register_verify(app, run);
  register_check(app, run);
  register_store(app, run);
  register_evidence(app, run);
  register_diff(app, run);
  register_list(app, run);
  register_export(app, run);
  register_check_site(app, run);
  register_anchors(app, run);
  register_report(app, run);
  register_serve(app, run);
  register_help(app, run);
  register_completion(app, run);
}

}  // namespace eutl::cli
