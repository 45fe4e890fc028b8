// Shared list-source options (cli/list_source.h).
#include "cli/list_source.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/bundled_anchors.h"

namespace eutl::cli {

Result<std::vector<tsl::Bytes>> read_signer_option(const std::string& file, const char* option) {
  if (file.empty()) {
    return std::vector<tsl::Bytes>{};
  }
  // LOTL anchors must have a CA or list-signer shape (eutl::load_lotl_anchors); a
  // national-list signer is taken as given.
  auto certs = std::string_view(option) == "--lotl-signers" ? load_lotl_anchors(file) : verify::load_pem_certificates(file);
  if (!certs) {
    return Error(certs.error().code, std::string(option) + ": " + certs.error().message);
  }
  return certs;
}

Result<eutl::ListSource> make_list_source(const std::vector<std::string>& lists, const std::string& lotl_signers,
                                          const std::string& tl_signers, const std::string& store,
                                          const std::string& snapshot) {
  eutl::ListSource source;
  if (lists.empty()) {
    source.store = store::resolve_store(store);
    source.snapshot = snapshot;
    return source;
  }
  source.files.assign(lists.begin(), lists.end());
  auto anchors = read_signer_option(lotl_signers, "--lotl-signers");
  if (!anchors) {
    return std::move(anchors).error();
  }
  auto signers = read_signer_option(tl_signers, "--tl-signers");
  if (!signers) {
    return std::move(signers).error();
  }
  source.lotl_anchors = std::move(*anchors);
  source.tl_signers = std::move(*signers);
  return source;
}

void add_list_source_options(CLI::App* cmd, ListSourceOptions& o, const std::string& at_help) {
  add_store_option(cmd, o.store, "whose current snapshot is used");
  auto* lists =
      cmd->add_option("--lists", o.lists, "Instead of the store: LOTL, pivots and national lists (files or directories)")
          ->expected(1, -1);
  add_snapshot_option(cmd, o.snapshot, "Instead of the store's current snapshot")->excludes(lists);
  cmd->add_option("--lotl-signers", o.lotl_signers,
                  "With --lists: PEM file of the LOTL signing certificates (Official Journal)");
  add_at_option(cmd, o.at, at_help);
  cmd->add_option("--lists-at", o.lists_at, "Time at which the lists are verified; default: --at");
  add_json_flag(cmd, o.json);
  add_quiet_verbose(cmd, o.quiet, o.verbose, "Say on stderr which lists were used");
}

Result<tsl::TimePoint> time_at(const ListSourceOptions& o) { return store::parse_at(o.at); }

Result<eutl::TrustedLists> load_lists(const ListSourceOptions& o) {
  auto lists_at = store::parse_at(o.lists_at.empty() ? o.at : o.lists_at);
  if (!lists_at) {
    print_error(lists_at.error().message);
    return std::move(lists_at).error();
  }
  auto source = make_list_source(o.lists, o.lotl_signers, {}, o.store, o.snapshot);
  if (!source) {
    print_error(source.error().message);
    return std::move(source).error();
  }
  auto loaded = eutl::TrustedLists::load(*source, *lists_at);
  if (!loaded) {
    print_error(loaded.error().message);
    return std::move(loaded).error();
  }
  if (!o.quiet) {
    for (const auto& v : loaded->lists()) {
      if (v.status != verify::ListStatus::kValid) {
        std::cerr << "eutl: warning: " << v.source << ": " << verify::to_string(v.status)
                  << (v.reasons.empty() ? "" : " (" + v.reasons.front().message + ")") << ", not used\n";
      }
    }
  }
  if (o.verbose && !o.quiet) {
    std::cerr << "eutl: lists verified at " << tsl::format_time(*lists_at) << ": " << loaded->valid_count() << " of "
              << loaded->lists().size() << " valid, " << loaded->index().services().size() << " services"
              << (loaded->snapshot_id().empty() ? std::string(" (from files)")
                                                : " (store snapshot " + loaded->snapshot_id() + ")")
              << '\n';
  }
  if (loaded->valid_count() == 0 && !o.quiet) {
    std::cerr << "eutl: warning: no list is valid at " << tsl::format_time(*lists_at)
              << (o.lists_at.empty() && o.at.empty() ? " (now); fixture lists need --at within their validity" : "")
              << '\n';
  }
  return std::move(*loaded);
}

bool use_colour() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && std::string(term) == "dumb");
}

std::string paint(const std::string& text, const char* sgr) {
  if (!use_colour()) {
    return text;
  }
  return std::string("\033[") + sgr + "m" + text + "\033[0m";
}

}  // namespace eutl::cli
