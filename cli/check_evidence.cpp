#include "cli/check_evidence.h"


#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/store_common.h"
#include "eutl/evidence/evidence.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/cache/snapshot_lists.h"
#include "eutl/cache/store.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/certificate_chain.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

Result<void> write_text(const std::string& file, const std::string& text) { return tsl::write_file(file, text); }

}  // namespace

// Picks a snapshot by exact id, "current", or any unique part of an id (eutl::select_snapshot).
Result<cache::Snapshot> pick_snapshot(const cache::Store& store, const std::string& wanted) {
  return eutl::select_snapshot(store, wanted);
}

void add_evidence_options(CLI::App* cmd, EvidenceOptions& o) {
  cmd->add_option("--evidence", o.evidence_file,
                  "Write an evidence record (JSON, schema eutl-evidence/3) that `eutl evidence verify` re-checks");
  cmd->add_option("--report", o.report_file, "Write a self-contained HTML report of the decision");
  cmd->add_option("--snapshot", o.snapshot,
                  "Decide against this stored snapshot (id, any unique part of it or 'current') instead of --lists");
  if (cmd->get_option_no_throw("--store") == nullptr) {
    add_store_option(cmd, o.store, "whose current snapshot (or --snapshot) is used");
  }
}

bool uses_snapshot(const EvidenceOptions& o) { return !o.snapshot.empty(); }

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

evidence::RecordStamp stamp_now() { return {EUTL_VERSION, store::now()}; }

}  // namespace

bool wants_evidence(const EvidenceOptions& o) { return !o.evidence_file.empty() || !o.report_file.empty(); }

int write_evidence(const EvidenceOptions& o, const eutl::TrustedLists& lists, const verify::CertificateProfile& cert,
                   std::span<const verify::CertificateProfile> chain, tsl::TimePoint at, const std::string& claim,
                   const verify::QualificationResult& result) {
  if (!wants_evidence(o)) {
    return 0;
  }
  return write_outputs(o, eutl::evidence_record(lists, cert, chain, at, claim, result, stamp_now()));
}

int write_evidence_file(const std::string& file, const eutl::TrustedLists& lists,
                        const verify::CertificateProfile& cert, std::span<const verify::CertificateProfile> chain,
                        tsl::TimePoint at, const std::string& claim, const verify::QualificationResult& result) {
  EvidenceOptions o;
  o.evidence_file = file;
  return write_outputs(o, eutl::evidence_record(lists, cert, chain, at, claim, result, stamp_now()));
}

}  // namespace eutl::cli
