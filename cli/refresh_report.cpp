#include "cli/refresh_report.h"

#include <iomanip>

namespace eutl::cli::store {
namespace {

std::string first_reason(const std::vector<cache::ReasonCode>& reasons) {
  for (const auto& r : reasons) {  // a refusal explains more than the verdict
    if (r.code == cache::kReasonRollback || r.code == cache::kReasonSequenceReused) {
      return r.message;
    }
  }
  return reasons.empty() ? std::string() : reasons.front().code + ": " + reasons.front().message;
}

std::string outcome(const cache::ListRecord& r) {
  switch (r.in_use) {
    case cache::InUse::kKept:
      return "kept seq " + (r.sequence_number ? std::to_string(*r.sequence_number) : std::string("-"));
    case cache::InUse::kNone:
      return "no list";
    case cache::InUse::kFetched:
      break;
  }
  return "in use (" + std::string(verify::to_string(r.result)) + ")";
}

}  // namespace

std::string why_not_refreshed(const cache::ListRecord& r) {
  const cache::FetchRecord& f = r.fetch;
  if (f.status == net::FetchStatus::kNotAttempted && r.in_use != cache::InUse::kNone) {
    return {};
  }
  std::string why;
  if (f.status == net::FetchStatus::kNotAttempted) {
    why = first_reason(r.reasons);
  } else if (!net::is_success(f.status) && !f.result) {
    why = std::string(net::to_string(f.status)) + (f.error.empty() ? "" : ": " + f.error);
    if (f.http_status != 0 && f.error.find(std::to_string(f.http_status)) == std::string::npos) {
      why += " (HTTP " + std::to_string(f.http_status) + ")";
    }
  } else if (cache::refused(f)) {
    why = first_reason(f.reasons);
  } else if (f.result != verify::ListStatus::kValid) {
    why = (f.result ? std::string(verify::to_string(*f.result)) : std::string("not verified")) + " bytes refused: " + first_reason(f.reasons);
  } else if (r.in_use == cache::InUse::kFetched && r.result == verify::ListStatus::kValid) {
    return {};
  } else {
    why = first_reason(r.reasons);
  }
  return outcome(r) + ": " + why;
}

void print_why(std::ostream& out, const cache::Snapshot& s) {
  std::vector<std::pair<std::string, std::string>> lines;
  if (auto w = why_not_refreshed(s.lotl); !w.empty()) {
    lines.emplace_back("LOTL", w);
  }
  for (const auto& l : s.lists) {
    if (auto w = why_not_refreshed(l); !w.empty()) {
      lines.emplace_back(l.territory, w);
    }
  }
  if (lines.empty()) {
    return;
  }
  out << "\nwhy not refreshed:\n";
  for (const auto& [who, why] : lines) {
    out << "  " << std::left << std::setw(6) << who << why << "\n";
  }
}

nlohmann::json missing_json(const std::vector<verify::MissingTerritory>& missing) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : missing) {
    out.push_back({{"territory", m.territory}, {"url", m.url}});
  }
  return out;
}

void print_missing(std::ostream& out, const std::vector<verify::MissingTerritory>& missing) {
  for (const auto& m : missing) {
    out << "missing: " << m.territory << " (no list; the LOTL points to " << m.url << ")\n";
  }
}

}  // namespace eutl::cli::store
