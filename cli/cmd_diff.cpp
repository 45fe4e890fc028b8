// eutl diff SNAP_A SNAP_B [--territory T,…] [--changes all|lists|services|status] [--store DIR] [--json]
//
// What changed between two stored snapshots: lists (sequence numbers, bytes,
// results), services added or removed, and status changes with their dates.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/check_evidence.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "eutl/service_filter.h"
#include "cli/store_common.h"
#include "eutl/cache/snapshot_diff.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::cli {
namespace {

using nlohmann::json;

struct DiffOptions {
  std::string from;
  std::string to;
  std::string store;
  std::vector<std::string> territories;
  std::string changes = "all";
  bool json = false;
  bool quiet = false;
  bool verbose = false;
};

// Keeps what --territory and --changes ask for: lists (all, lists), services added,
// removed or changed (all, services), services whose status changed (status).
void keep_asked(cache::SnapshotDiff& d, const std::vector<std::string>& territories, const std::string& changes) {
  auto outside = [&](const std::string& territory) {
    return !territories.empty() && std::find(territories.begin(), territories.end(), territory) == territories.end();
  };
  std::erase_if(d.lists, [&](const cache::ListChange& l) {
    return (changes != "all" && changes != "lists") || outside(l.territory);
  });
  std::erase_if(d.services, [&](const cache::ServiceChange& s) {
    return changes == "lists" || (changes == "status" && s.kind != cache::ChangeKind::kChanged) ||
           outside(s.territory);
  });
}

// Territories either snapshot holds ("EU" for the LOTL and pivots).
std::vector<std::string> territories_of(const cache::Snapshot& a, const cache::Snapshot& b) {
  std::vector<std::string> out{"EU"};
  for (const auto* s : {&a, &b}) {
    for (const auto& l : s->lists) {
      if (std::find(out.begin(), out.end(), l.territory) == out.end()) {
        out.push_back(l.territory);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

json opt_seq(const std::optional<std::uint64_t>& s) { return s ? json(*s) : json(nullptr); }
json opt_str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json opt_hex(const std::optional<tsl::Sha256>& d) { return d ? json(tsl::to_hex(*d)) : json(nullptr); }
std::string time_text(const std::optional<tsl::TimePoint>& t) { return tsl::format_time(t, ""); }
json opt_result(const std::optional<verify::ListStatus>& r) {
  return r ? json(std::string(verify::to_string(*r))) : json(nullptr);
}
std::string result_text(const std::optional<verify::ListStatus>& r) {
  return r ? std::string(verify::to_string(*r)) : "-";
}

std::string short_uri(const std::string& uri) {
  auto slash = uri.rfind('/');
  return uri.empty() ? "-" : slash == std::string::npos ? uri : uri.substr(slash + 1);
}

std::string seq_text(const std::optional<std::uint64_t>& s) { return s ? std::to_string(*s) : "-"; }

// One side of a list change; sha256 is the deprecated spelling of digest (docs/json.md).
json side_json(const std::optional<std::uint64_t>& seq, const std::optional<tsl::Sha256>& digest,
               const std::optional<verify::ListStatus>& result, const std::optional<tsl::TimePoint>& issued) {
  return {{"sequence_number", opt_seq(seq)},
          {"digest", opt_hex(digest)},
          {"sha256", opt_hex(digest)},
          {"result", opt_result(result)},
          {"issue_date", evidence::detail::time_json(issued)}};
}

json to_json(const cache::SnapshotDiff& d) {
  json lists = json::array();
  for (const auto& l : d.lists) {
    lists.push_back({{"change", cache::to_string(l.kind)},
                     {"role", l.role},
                     {"territory", l.territory},
                     {"url", l.url},
                     {"old", side_json(l.old_sequence, l.old_digest, l.old_result, l.old_issue_date)},
                     {"new", side_json(l.new_sequence, l.new_digest, l.new_result, l.new_issue_date)}});
  }
  json services = json::array();
  for (const auto& s : d.services) {
    services.push_back({{"change", cache::to_string(s.kind)},
                        {"territory", s.territory},
                        {"tsp", s.tsp},
                        {"service", s.service},
                        {"type", s.type_uri},
                        {"old_status", opt_str(s.old_status)},
                        {"new_status", opt_str(s.new_status)},
                        {"old_since", evidence::detail::time_json(s.old_since)},
                        {"new_since", evidence::detail::time_json(s.new_since)}});
  }
  return {{"schema", "eutl-diff/1"},
          {"from", d.from_id}, {"to", d.to_id}, {"lists", lists}, {"services", services}, {"notes", d.notes}};
}

void print_text(const cache::SnapshotDiff& d) {
  std::cout << "from " << d.from_id << "\nto   " << d.to_id << "\n\nLists (" << d.lists.size() << " changed)\n";
  for (const auto& l : d.lists) {
    std::cout << "  " << cache::to_string(l.kind) << "  " << l.role << " " << l.territory << "  seq "
              << seq_text(l.old_sequence) << " -> " << seq_text(l.new_sequence) << "  "
              << result_text(l.old_result) << " -> " << result_text(l.new_result)
              << "  issued " << time_text(l.new_issue_date ? l.new_issue_date : l.old_issue_date) << '\n';
  }
  std::cout << "\nServices (" << d.services.size() << " changed)\n";
  for (const auto& s : d.services) {
    std::cout << "  " << cache::to_string(s.kind) << "  " << s.territory << " / " << s.tsp << " / " << s.service << " ("
              << tsl::service_type_short(s.type_uri) << "): ";
    if (s.kind == cache::ChangeKind::kChanged) {
      std::cout << short_uri(s.old_status) << " since " << time_text(s.old_since) << " -> "
                << short_uri(s.new_status) << " since " << time_text(s.new_since);
    } else if (s.kind == cache::ChangeKind::kAdded) {
      std::cout << short_uri(s.new_status) << " since " << time_text(s.new_since);
    } else {
      std::cout << "was " << short_uri(s.old_status) << " since " << time_text(s.old_since);
    }
    std::cout << '\n';
  }
  for (const auto& n : d.notes) {
    std::cout << "note: " << n << '\n';
  }
}

int run_diff(const DiffOptions& o) {
  auto store = cache::Store::open(store::resolve_store(o.store));
  if (!store) {
    print_error(store.error().message);
    return kExitUsage;
  }
  auto a = pick_snapshot(*store, o.from);
  auto b = a ? pick_snapshot(*store, o.to) : Result<cache::Snapshot>(Error());
  if (!a || !b) {
    print_error(!a ? a.error().message : b.error().message);
    return kExitUsage;
  }
  auto territories = parse_territory_filter(o.territories, territories_of(*a, *b), "has no list in either snapshot");
  if (!territories) {
    print_error(territories.error().message);
    return kExitUsage;
  }
  auto d = cache::diff_snapshots(*store, *a, *b);
  if (!d) {
    print_error(d.error().message);
    return kExitUsage;
  }
  keep_asked(*d, *territories, o.changes);
  if (o.json) {
    std::cout << to_json(*d).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  } else {
    print_text(*d);
  }
  return 0;
}

}  // namespace

void register_diff(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What changed between two stored snapshots (lists, services, statuses)");
  cmd->add_option("SNAP_A", opts->from, "Older snapshot (id, any unique part of it or 'current')")->required();
  cmd->add_option("SNAP_B", opts->to, "Newer snapshot (id, any unique part of it or 'current')")->required();
  add_store_option(cmd, opts->store, "holding both snapshots");
  cmd->add_option("--territory", opts->territories,
                  "Only these territories (EU for the LOTL and pivots): AT, BE, … or a comma list; repeatable");
  cmd->add_option("--changes", opts->changes,
                  "What to show: all (lists and services, the default), lists, services (added, removed or status "
                  "changed), status (status changes only)")
      ->check(CLI::IsMember({"all", "lists", "services", "status"}));
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose, "Say on stderr which store is read");
  cmd->footer("Lists are shown when their bytes, result or presence changed. Snapshot ids: 'eutl store list'.\n"
              "Examples: eutl diff 54787e01 current --territory BE,FR --changes status\n"
              "          eutl diff 54787e01 current --json | jq '.services[] | select(.change == \"changed\")'\n"
              "Exit: 0 the difference was computed (even if empty), 2 usage error.");
  cmd->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_diff); }; });
}

}  // namespace eutl::cli
