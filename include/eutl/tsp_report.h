// The status report of one trust service provider (TSP) over a period, from the
// snapshots of a store: every service with its type, current status and status
// history (TS 119 612 V2.4.1 §5.5.10), its additional service information and
// qualifiers (§5.5.9), its CA certificates, and for each status change the version of
// the national list (sequence, issue date, SHA-256) in which the store first holds it.
// A TSP hands this to an auditor to show its qualified status; every list version is
// named by digest, so it can be re-verified against the store ('eutl store verify').
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/list_set.h"

namespace eutl {

struct TspQuery final {
  // A service ID ("BE/2/1": the TSP of that service) or a part of the TSP's name (case
  // and accents folded, tsl/name_fold.h); several TSPs matching a name is a usage error that names them.
  std::string tsp;
  std::optional<tsl::TimePoint> from;  // only status periods that reach into [from, to]
  std::optional<tsl::TimePoint> to;
};

// One version of the TSP's national list, as one store snapshot holds it, verified
// again at that snapshot's validation time.
struct TspListVersion final {
  std::string snapshot_id;
  tsl::TimePoint validation_time{};
  std::string source;
  std::uint64_t sequence = 0;
  tsl::TimePoint issue_date{};
  std::optional<tsl::TimePoint> next_update;
  tsl::Sha256 digest{};
  verify::ListStatus status = verify::ListStatus::kIndeterminate;
};

struct TspCertificate final {
  std::string subject;
  tsl::TimePoint not_before{};
  tsl::TimePoint not_after{};
  tsl::Sha256 sha256{};
};

// One status period of a service (a ServiceHistoryInstance, or the current
// ServiceInformation when `current`).
struct TspStatusChange final {
  tsl::TimePoint start{};
  std::optional<tsl::TimePoint> end;  // none: still in force
  bool current = false;
  std::string status_uri;
  std::string type_uri;
  std::vector<std::string> additional_information;  // AdditionalServiceInformation URIs
  std::vector<std::string> qualifiers;              // Qualifier URIs
  // The oldest list version in the store that holds this period, and whether an older
  // stored version of the same list did not (the change was published in it).
  std::size_t first_seen = 0;  // index into TspReport::versions
  bool published_in_first_seen = false;
};

struct TspService final {
  std::string id;  // "BE/2/1" in the newest version that holds the service
  std::string name;
  std::string type_uri;    // current
  std::string status_uri;  // current
  std::vector<TspCertificate> certificates;  // of the current ServiceDigitalIdentity
  std::vector<TspStatusChange> history;      // newest first, within the period
  bool in_newest_version = true;  // false: the service was removed from the list later
};

struct TspReport final {
  std::string tsp_name;
  std::string territory;
  std::optional<tsl::TimePoint> from;
  std::optional<tsl::TimePoint> to;
  std::filesystem::path store;
  std::vector<TspListVersion> versions;  // oldest first; one per snapshot holding the list
  std::vector<TspService> services;      // in list order of the newest version
};

// Reads every snapshot of the store, verifies its lists again at the snapshot's
// validation time (the one decision pipeline, TrustedLists), and gathers the TSP's
// services from the valid lists. kNotFound: no TSP matches; kUsage: the query is
// ambiguous or empty, or `from` is after `to`.
[[nodiscard]] Result<TspReport> build_tsp_report(const std::filesystem::path& store, const TspQuery& query);

// The one JSON form ("schema": "eutl-report-tsp/1") and the self-contained HTML page.
std::string tsp_report_json(const TspReport& report);
std::string tsp_report_html(const TspReport& report);

}  // namespace eutl
