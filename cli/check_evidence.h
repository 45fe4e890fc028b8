// The evidence options of `eutl check` (--evidence FILE, --report FILE.html,
// --snapshot ID, --store DIR), kept out of cmd_check.cpp: the check command adds them
// with add_evidence_options() and calls write_evidence() after its decision.
#pragma once

#include <CLI/CLI.hpp>

#include <span>
#include <string>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "eutl/result.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/service_index.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::cli {

struct EvidenceOptions {
  std::string evidence_file;  // --evidence
  std::string report_file;    // --report
  std::string snapshot;       // --snapshot (id, any unique part of it or "current")
  std::string store;          // --store (when check does not define it itself)
};

// A stored snapshot by exact id, "current", or any unique part of an id.
[[nodiscard]] Result<cache::Snapshot> pick_snapshot(const cache::Store& store, const std::string& wanted);

void add_evidence_options(CLI::App* check_cmd, EvidenceOptions& o);

// True when the lists must come from the store (--snapshot given).
bool uses_snapshot(const EvidenceOptions& o);

// True when --evidence or --report asks for a record or a report.
bool wants_evidence(const EvidenceOptions& o);

// Writes the record and/or the HTML report when asked. 0, or kExitUsage after printing why.
int write_evidence(const EvidenceOptions& o, const eutl::TrustedLists& lists, const verify::CertificateProfile& cert,
                   std::span<const verify::CertificateProfile> chain, tsl::TimePoint at, const std::string& claim,
                   const verify::QualificationResult& result);

// --evidence-dir of a batch: the record of one decision written to `file`. 0, or the
// exit code after printing why.
int write_evidence_file(const std::string& file, const eutl::TrustedLists& lists,
                        const verify::CertificateProfile& cert, std::span<const verify::CertificateProfile> chain,
                        tsl::TimePoint at, const std::string& claim, const verify::QualificationResult& result);

}  // namespace eutl::cli
