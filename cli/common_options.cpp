#include "cli/common_options.h"

#include <iostream>

namespace eutl::cli {

CLI::Option* add_json_flag(CLI::App* cmd, bool& json) {
  return cmd->add_flag("--json", json, "JSON on stdout (diagnostics stay on stderr)");
}

void add_quiet_verbose(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help) {
  cmd->add_flag("-q,--quiet", flags.quiet, "No diagnostics on stderr, only errors");
  cmd->add_flag("-v,--verbose", flags.verbose, verbose_help);
}

void add_output_flags(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help) {
  add_json_flag(cmd, flags.json);
  add_quiet_verbose(cmd, flags, verbose_help);
}

CLI::Option* add_store_option(CLI::App* cmd, std::string& store, const std::string& what) {
  return cmd->add_option("--store", store,
                         "Store directory " + what + " (default $EUTL_STORE, else $XDG_CACHE_HOME/eutl)");
}

CLI::Option* add_at_option(CLI::App* cmd, std::string& at, const std::string& meaning,
                           const std::string& default_text) {
  return cmd->add_option("--at", at, meaning + " (ISO 8601 date-time or date, UTC); default: " + default_text);
}

CLI::Option* add_use_option(CLI::App* cmd, std::string& use, const std::string& help) {
  return cmd->add_option("--for", use, help);
}

void add_hidden_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                      std::string& target) {
  cmd->add_option(old_name, target)
      ->group("")  // hidden from --help, the man page and completion
      ->each([old_name, new_name](const std::string&) {
        std::cerr << "eutl: " << old_name << " is an old spelling of " << new_name
                  << "; it will be removed in the next release\n";
      });
}

}  // namespace eutl::cli
