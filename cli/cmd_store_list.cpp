// eutl store list [--store DIR] [--json]: the snapshots of the store, oldest first,
// with what each holds, so that `diff`, `check --snapshot` and `evidence --snapshot`
// users can find the id they need (any unique part of an id selects it).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "cli/text_columns.h"
#include "eutl/cache/store.h"

namespace eutl::cli {
namespace {

using nlohmann::json;

struct StoreListOptions {
  std::string store;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

struct Row final {
  std::string id;
  bool current = false;
  std::optional<cache::Snapshot> snapshot;
  std::string error;  // why the snapshot could not be read
};

std::size_t valid_lists(const cache::Snapshot& s) {
  std::size_t n = 0;
  for (const auto& l : s.lists) {
    n += l.result == verify::ListStatus::kValid ? 1 : 0;
  }
  return n;
}

json row_json(const Row& r) {
  json j = {{"id", r.id}, {"current", r.current}};
  if (!r.snapshot) {
    j["error"] = r.error;
    return j;
  }
  const cache::Snapshot& s = *r.snapshot;
  j["created"] = tsl::format_time(s.created);
  j["validation_time"] = tsl::format_time(s.validation_time);
  j["origin"] = s.origin;
  j["lotl_url"] = s.lotl_url;
  j["lotl_sequence"] = s.lotl.sequence_number ? json(*s.lotl.sequence_number) : json(nullptr);
  j["lists"] = s.lists.size();
  j["lists_valid"] = valid_lists(s);
  j["trust"] = s.tl_signer_digests.empty() ? "lotl" : "caller-signer";
  return j;
}

void print_rows(const std::vector<Row>& rows) {
  std::size_t id_width = 4;
  for (const Row& r : rows) {
    id_width = std::max(id_width, r.id.size() + 2);
  }
  std::cout << "  " << pad("ID", id_width) << pad("CREATED", 22) << pad("ORIGIN", 8) << pad("LOTL", 6)
            << "LISTS (valid/all)\n";
  for (const Row& r : rows) {
    std::cout << (r.current ? "* " : "  ") << pad(r.id, id_width);
    if (!r.snapshot) {
      std::cout << "unreadable: " << r.error << '\n';
      continue;
    }
    const cache::Snapshot& s = *r.snapshot;
    std::cout << pad(tsl::format_time(s.created), 22) << pad(s.origin, 8)
              << pad(s.lotl.sequence_number ? std::to_string(*s.lotl.sequence_number) : "-", 6) << valid_lists(s)
              << "/" << s.lists.size() << (s.tl_signer_digests.empty() ? "" : "  (caller's signers)") << '\n';
  }
}

int run_store_list(const StoreListOptions& o) {
  const auto dir = store::resolve_store(o.store);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "snapshots", ec)) {
    print_error("no store at " + dir.string() + ": run 'eutl fetch' or 'eutl import' first");
    return kExitCouldNotRun;
  }
  auto st = cache::Store::open(dir);
  if (!st) {
    print_error(st.error().message);
    return exit_code_for(st.error());
  }
  auto cur = st->current();
  const std::string current_id = cur && *cur ? (*cur)->id : std::string();
  std::vector<Row> rows;
  for (const std::string& id : st->snapshot_ids()) {
    Row r{id, id == current_id, std::nullopt, {}};
    auto s = st->read_snapshot(id);
    if (s) {
      r.snapshot = std::move(*s);
    } else {
      r.error = s.error().message;
    }
    rows.push_back(std::move(r));
  }
  if (o.json) {
    json out = {{"schema", "eutl-store-list/1"}, {"store", dir.string()}, {"current", current_id}, {"snapshots", json::array()}};
    for (const Row& r : rows) {
      out["snapshots"].push_back(row_json(r));
    }
    std::cout << out.dump(2) << '\n';
  } else {
    print_rows(rows);
  }
  if (!o.json && !o.quiet) {
    std::cerr << rows.size() << " snapshot(s) in " << dir.string() << (current_id.empty() ? "; none current" : "; * current")
              << '\n';
  }
  return kExitYes;
}

}  // namespace

void register_store_list(CLI::App& store, Runner& run) {
  auto opts = std::make_shared<StoreListOptions>();
  CLI::App* list = store.add_subcommand("list", "List the snapshots of the store, oldest first (* marks the current one)");
  add_store_option(list, opts->store, "to list");
  add_output_flags(list, opts->json, opts->quiet, opts->verbose, "Say on stderr which store is read");
  list->footer(
      "Any unique part of an id selects a snapshot in 'eutl diff', 'check --snapshot' and 'evidence --snapshot'\n"
      "(for example its last digits).\n"
      "Examples: eutl store list\n"
      "          eutl diff $(eutl store list --json | jq -r '.snapshots[-2].id') current\n"
      "Exit codes: 0 listed, 4 no store.");
  list->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_store_list); }; });
}

}  // namespace eutl::cli
