// One spelling per concept across every command: the options that mean the same
// thing everywhere (store, time, snapshot, certificate use, output switches) are
// declared here once, with the same name, value syntax and help text. Old spellings
// stay for one release as hidden aliases that print a note on stderr.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace eutl::cli {

// --json, -q/--quiet, -v/--verbose.
struct OutputFlags {
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

// --json: machine-readable output on stdout; diagnostics stay on stderr.
CLI::Option* add_json_flag(CLI::App* cmd, bool& json);

// -q/--quiet (only errors on stderr) and -v/--verbose (more detail on stderr).
// `verbose_help` says what -v adds for this command.
void add_quiet_verbose(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help);
void add_quiet_verbose(CLI::App* cmd, bool& quiet, bool& verbose, const std::string& verbose_help);

// --json, -q, -v together.
void add_output_flags(CLI::App* cmd, OutputFlags& flags, const std::string& verbose_help);
void add_output_flags(CLI::App* cmd, bool& json, bool& quiet, bool& verbose, const std::string& verbose_help);

// --store DIR (default $EUTL_STORE, else $XDG_CACHE_HOME/eutl). `what` says what the
// command does with it, e.g. "whose current snapshot is used".
CLI::Option* add_store_option(CLI::App* cmd, std::string& store, const std::string& what);

// --snapshot ID: a stored snapshot by id, any unique part of an id, or 'current'
// (eutl::select_snapshot). `what` starts the help text.
CLI::Option* add_snapshot_option(CLI::App* cmd, std::string& snapshot, const std::string& what);

// --at T: the time the answer is about (ISO 8601 date-time or date, UTC).
// `meaning` starts the help text, e.g. "Time T of the decision"; "; default: now" is
// appended unless `default_text` says otherwise.
CLI::Option* add_at_option(CLI::App* cmd, std::string& at, const std::string& meaning,
                           const std::string& default_text = "now");

// --for USE: the use a certificate or service is for. Values: esig, eseal, wsa (the
// AdditionalServiceInformation of TS 119 612 clause 5.5.9.4), and where `claims` is
// true also the claims of 'eutl check' (qes, qseal, qwac, policy profiles). Hidden
// old spellings: --asi (list) and --claim (check, check-site).
CLI::Option* add_use_option(CLI::App* cmd, std::string& use, const std::string& help);

// For -v: "eutl: store DIR, current snapshot ID" on stderr, so that the user sees
// which lists an answer rests on; says so when the store has none or does not exist
// (never creates it).
void note_store_used(const std::string& store_flag);

// Runs `command(opts)`; with -v (and not -q) first names the store it reads
// (note_store_used). For option structs with `store`, `quiet` and `verbose`.
template <class Options, class Command>
int run_with_store_note(const Options& opts, Command command) {
  if (opts.verbose && !opts.quiet) {
    note_store_used(opts.store);
  }
  return command(opts);
}

// A hidden alias `old_name` of an option whose one spelling is `new_name`; it writes
// to the same variable and prints "eutl: OLD is an old spelling of NEW" on stderr.
void add_hidden_alias(CLI::App* cmd, const std::string& old_name, const std::string& new_name,
                      std::string& target);

}  // namespace eutl::cli
