#include "cli/store_common.h"

#include <chrono>
#include <iomanip>

#include "cli/anchors_in_use.h"
#include "eutl/cache/snapshot_freshness.h"
#include "eutl/cache/store.h"
#include "eutl/verify/list_set.h"

namespace eutl::cli::store {
namespace {

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }
std::string or_dash(const std::optional<tsl::TimePoint>& t) { return tsl::format_time(t, "-"); }

}  // namespace

std::filesystem::path resolve_store(const std::string& flag) {
  return flag.empty() ? cache::default_store_dir() : std::filesystem::path(flag);
}

tsl::TimePoint now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

Result<tsl::TimePoint> parse_at(const std::string& text) {
  if (text.empty()) {
    return now();
  }
  auto t = tsl::parse_datetime(text);
  if (!t) {
    return Error(Errc::kUsage, "--at: " + t.error().message);
  }
  return t->time;
}

std::optional<WritableStore> open_for_writing(const std::string& flag, int& rc) {
  auto st = cache::Store::open(resolve_store(flag));
  if (!st) {
    print_error(st.error().message);
    rc = exit_code_for(st.error());
    return std::nullopt;
  }
  auto lock = st->lock_for_writing();
  if (!lock) {
    print_error(lock.error().message);
    rc = exit_code_for(lock.error());  // busy store: could not run (4)
    return std::nullopt;
  }
  rc = 0;
  return WritableStore{std::move(*st), std::move(*lock)};
}

std::optional<WritableStore> open_for_refresh(const std::string& store_flag, const std::string& lotl_signers,
                                              std::vector<tsl::Bytes>& anchors, int& rc) {
  if (!lotl_signers.empty() && (rc = request_anchors(lotl_signers, nullptr, anchors)) != 0) {
    return std::nullopt;
  }
  return open_for_writing(store_flag, rc);
}

// The function itself, not a wrapper: a fetch then reuses the previous snapshot's
// verification of unchanged bytes (include/eutl/cache/refresh.h).
cache::Verifier production_verifier() { return &verify::verify_list_set; }

int exit_code(const cache::Snapshot& snapshot, bool lotl_verified) {
  const bool rests_on_lotl = snapshot.tl_signer_digests.empty();
  if (rests_on_lotl && (!lotl_verified || snapshot.lotl.result != verify::ListStatus::kValid)) {
    return 3;
  }
  for (const auto& l : snapshot.lists) {
    if (l.result != verify::ListStatus::kValid || l.in_use != cache::InUse::kFetched ||
        (!net::is_success(l.fetch.status) && l.fetch.status != net::FetchStatus::kNotAttempted)) {
      return 1;
    }
  }
  return 0;
}

void print_trust(std::ostream& out, const cache::Snapshot& s) {
  if (s.tl_signer_digests.empty()) {
    return;
  }
  out << "Trust: the national lists are trusted through the caller's signers (import --tl-signers), not the LOTL:\n";
  for (const auto& d : s.tl_signer_digests) {
    out << "  signer SHA-256 " << tsl::to_hex(d) << "\n";
  }
}

void print_table(std::ostream& out, const cache::Snapshot& s, tsl::TimePoint at) {
  out << "snapshot " << s.id << " (" << s.origin << ", created " << tsl::format_time(s.created) << ")\n";
  if (!s.tl_signer_digests.empty()) {
    out << "LOTL not used: the national lists rest on the caller's signers (import --tl-signers)\n\n";
  } else {
    out << "LOTL seq " << (s.lotl.sequence_number ? std::to_string(*s.lotl.sequence_number) : "-") << "  "
        << verify::to_string(s.lotl.result) << "  in use: " << cache::to_string(s.lotl.in_use) << "  " << s.lotl.url
        << "\n\n";
  }
  out << std::left << std::setw(4) << "TL" << std::setw(6) << "seq" << std::setw(22) << "issued" << std::setw(22)
      << "next update" << std::setw(15) << "result" << std::setw(6) << "svc" << std::setw(6) << "CAs"
      << std::setw(9) << "in use" << std::setw(14) << "fetch" << "warnings\n";
  for (const auto& l : s.lists) {
    std::string w;
    for (const auto& x : eutl::detail::snapshot_list_warnings(l, at)) {
      w += (w.empty() ? "" : ",") + x;
    }
    out << std::left << std::setw(4) << l.territory << std::setw(6)
        << (l.sequence_number ? std::to_string(*l.sequence_number) : "-") << std::setw(22) << or_dash(l.issue_date)
        << std::setw(22) << or_dash(l.next_update) << std::setw(15) << verify::to_string(l.result) << std::setw(6) << l.service_count
        << std::setw(6) << l.certificate_count << std::setw(9) << cache::to_string(l.in_use) << std::setw(14)
        << net::to_string(l.fetch.status) << or_dash(w) << "\n";
    if (!l.fetch.error.empty()) {
      out << "      fetch: " << l.fetch.error << "\n";
    }
    if (l.result != verify::ListStatus::kValid && !l.reasons.empty()) {
      out << "      " << l.reasons.front().code << ": " << l.reasons.front().message << "\n";
    }
  }
}

}  // namespace eutl::cli::store
