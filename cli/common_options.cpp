#include "cli/common_options.h"

#include <filesystem>
#include <iostream>

#include "cli/store_common.h"
#include "eutl/cache/store.h"

namespace eutl::cli {

CLI::Option* add_json_flag(CLI::App* cmd, bool& json) {
  return cmd->add_flag("--json", json, "JSON on stdout (diagnostics stay on stderr)");
}

void add_quiet_verbose(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help) {
  add_quiet_verbose(cmd, flags.quiet, flags.verbose, verbose_help);
}

void add_quiet_verbose(CLI::App* cmd, bool& quiet, bool& verbose, const std::string& verbose_help) {
  cmd->add_flag("-q,--quiet", quiet, "No diagnostics on stderr, only errors");
  cmd->add_flag("-v,--verbose", verbose, verbose_help);
}

void add_output_flags(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help) {
  add_output_flags(cmd, flags.json, flags.quiet, flags.verbose, verbose_help);
}

void add_output_flags(CLI::App* cmd, bool& json, bool& quiet, bool& verbose, const std::string& verbose_help) {
  add_json_flag(cmd, json);
  add_quiet_verbose(cmd, quiet, verbose, verbose_help);
}

CLI::Option* add_store_option(CLI::App* cmd, std::string& store, const std::string& what) {
  return cmd->add_option("--store", store,
                         "Store directory " + what + " (default $EUTL_STORE, else $XDG_CACHE_HOME/eutl)");
}

CLI::Option* add_snapshot_option(CLI::App* cmd, std::string& snapshot, const std::string& what) {
  return cmd->add_option("--snapshot", snapshot,
                         what + ": a stored snapshot by id, any unique part of it, or 'current' (see 'eutl store list')");
}

CLI::Option* add_at_option(CLI::App* cmd, std::string& at, const std::string& meaning,
                           const std::string& default_text) {
  return cmd->add_option("--at", at, meaning + " (ISO 8601 date-time or date, UTC); default: " + default_text);
}

CLI::Option* add_use_option(CLI::App* cmd, std::string& use, const std::string& help) {
  return cmd->add_option("--for", use, help);
}

void note_store_used(const std::string& store_flag) {
  const std::filesystem::path dir = store::resolve_store(store_flag);
  std::string current;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cerr << "eutl: store " << dir.string() << " (does not exist)\n";
    return;
  }
  if (auto st = cache::Store::open(dir)) {
    if (auto cur = st->current(); cur && *cur) {
      current = (*cur)->id + " (" + std::to_string((*cur)->lists.size()) + " lists, validated at " +
                tsl::format_time((*cur)->validation_time) + ")";
    }
  }
  std::cerr << "eutl: store " << dir.string()
            << (current.empty() ? std::string(", no current snapshot") : ", current snapshot " + current) << '\n';
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
