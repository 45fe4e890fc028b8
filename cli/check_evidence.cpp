#include "cli/check_evidence.h"


#include "cli/commands.h"
#include "cli/store_common.h"
#include "eutl/evidence/evidence.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

Result<void> write_text(const std::string& file, const std::string& text) { return tsl::write_file(file, text); }

}  // namespace

// Picks a snapshot by exact id, "current", or a unique prefix.
Result<cache::Snapshot> pick_snapshot(const cache::Store& store, const std::string& wanted) {
  if (wanted == "current") {
    auto cur = store.current();
    if (!cur) {
      return std::move(cur).error();
    }
    if (!*cur) {
      return Error(Errc::kNotFound, "the store has no current snapshot");
    }
    return std::move(**cur);
  }
  std::vector<std::string> matches;
  for (const auto& id : store.snapshot_ids()) {
    if (id == wanted) {
      matches = {id};
      break;
    }
    if (id.rfind(wanted, 0) == 0) {
      matches.push_back(id);
    }
  }
  if (matches.size() != 1) {
    return Error(matches.empty() ? Errc::kNotFound : Errc::kUsage,
                 "snapshot " + wanted + (matches.empty() ? ": not in the store " + store.dir().string()
                                                         : ": ambiguous prefix (" + std::to_string(matches.size()) +
                                                               " snapshots)"));
  }
  return store.read_snapshot(matches.front());
}

void add_evidence_options(CLI::App* cmd, EvidenceOptions& o) {
  cmd->add_option("--evidence", o.evidence_file,
                  "Write an evidence record (JSON, schema eutl-evidence/1) that `eutl evidence verify` re-checks");
  cmd->add_option("--report", o.report_file, "Write a self-contained HTML report of the decision");
  cmd->add_option("--snapshot", o.snapshot,
                  "Decide against this stored snapshot (id, unique prefix or 'current') instead of --lists");
  if (cmd->get_option_no_throw("--store") == nullptr) {
    cmd->add_option("--store", o.store, "Store directory for --snapshot (default $EUTL_STORE or $XDG_CACHE_HOME/eutl)");
  }
}

bool uses_snapshot(const EvidenceOptions& o) { return !o.snapshot.empty(); }

Result<std::vector<verify::VerifiedList>> load_snapshot_for_check(EvidenceOptions& o, const std::string& lists_at) {
  auto store = cache::Store::open(store::resolve_store(o.store));
  if (!store) {
    return std::move(store).error();
  }
  auto snap = pick_snapshot(*store, o.snapshot);
  if (!snap) {
    return std::move(snap).error();
  }
  std::string when = lists_at.empty() ? snap->validation_time : lists_at;
  auto at = tsl::parse_datetime(when);
  if (!at) {
    return Error(Errc::kUsage, "--lists-at: " + at.error().message);
  }
  auto loaded = cache::load_snapshot_lists(*store, *snap, at->time);
  if (!loaded) {
    return std::move(loaded).error();
  }
  o.lotl_anchors = std::move(loaded->lotl_anchors);
  o.lists_at = at->time;
  o.snapshot_id = snap->id;
  if (o.store.empty()) {
    o.store = store->dir().string();
  }
  return std::move(loaded->lists);
}

void note_list_inputs(EvidenceOptions& o, const std::vector<tsl::Bytes>& anchors, tsl::TimePoint lists_at) {
  o.lotl_anchors = anchors;
  o.lists_at = lists_at;
}

namespace {

// Writes `record` to --evidence and its HTML to --report, as asked.
int write_outputs(const EvidenceOptions& o, const Result<std::string>& record) {
  if (!record) {
    print_error("--evidence: " + record.error().message);
    return kExitUsage;
  }
  if (!o.evidence_file.empty()) {
    if (auto w = write_text(o.evidence_file, *record); !w) {
      print_error("--evidence: " + w.error().message);
      return exit_code_for(w.error());
    }
  }
  if (!o.report_file.empty()) {
    auto html = evidence::evidence_html(*record, evidence::RecordProvenance::kJustMade);
    if (!html) {
      print_error("--report: " + html.error().message);
      return kExitUsage;
    }
    if (auto w = write_text(o.report_file, *html); !w) {
      print_error("--report: " + w.error().message);
      return exit_code_for(w.error());
    }
  }
  return 0;
}

bool wants_evidence(const EvidenceOptions& o) { return !o.evidence_file.empty() || !o.report_file.empty(); }

evidence::RecordStamp stamp_now() { return {EUTL_VERSION, store::now()}; }

}  // namespace

int write_evidence(const EvidenceOptions& o, const verify::CertificateProfile& cert,
                   const std::vector<verify::CertificateProfile>& chain, tsl::TimePoint at, const std::string& claim,
                   const std::vector<verify::VerifiedList>& lists, const tsl::ServiceIndex& index,
                   const verify::QualificationResult& result) {
  if (!wants_evidence(o)) {
    return 0;
  }
  const evidence::DecisionLists basis{lists, index, o.lotl_anchors, o.lists_at, o.snapshot_id};
  return write_outputs(o, evidence::make_evidence_record(basis, cert, chain, at, claim, result, stamp_now()));
}

int write_evidence(const EvidenceOptions& o, const eutl::TrustedLists& lists, const verify::CertificateProfile& cert,
                   std::span<const verify::CertificateProfile> chain, tsl::TimePoint at, const std::string& claim,
                   const verify::QualificationResult& result) {
  if (!wants_evidence(o)) {
    return 0;
  }
  return write_outputs(o, eutl::evidence_record(lists, cert, chain, at, claim, result, stamp_now()));
}

}  // namespace eutl::cli
