#include "cli/check_evidence.h"


#include "cli/commands.h"
#include "cli/store_common.h"
#include "eutl/evidence/evidence.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/certificate_chain.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

Result<void> write_text(const std::string& file, const std::string& text) { return tsl::write_file(file, text); }

}  // namespace

// Picks a snapshot by exact id, "current", or a unique prefix (eutl::select_snapshot).
Result<cache::Snapshot> pick_snapshot(const cache::Store& store, const std::string& wanted) {
  return eutl::select_snapshot(store, wanted);
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

int write_evidence(const EvidenceOptions& o, const verify::CertificateProfile& cert,
                   const std::vector<verify::CertificateProfile>& chain, tsl::TimePoint at, const std::string& claim,
                   const std::vector<verify::VerifiedList>& lists, const tsl::ServiceIndex& index,
                   const verify::QualificationResult& result) {
  if (o.evidence_file.empty() && o.report_file.empty()) {
    return 0;
  }
  evidence::EvidenceInput in;
  in.certificate = &cert;
  in.chain = verify::chain_pointers(chain);
  in.at = at;
  in.claim = claim;
  in.lists_at = o.lists_at;
  in.lotl_anchors = o.lotl_anchors;
  in.lists = &lists;
  in.index = &index;
  in.result = &result;
  in.snapshot_id = o.snapshot_id;
  in.tool_version = EUTL_VERSION;
  in.checked_at = tsl::format_time(store::now());
  auto record = evidence::make_evidence_record(in);
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

}  // namespace eutl::cli
