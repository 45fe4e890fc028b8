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

std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    return std::string(url);
  }
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    rest = rest.substr(at + 1);  // never echo credentials
  }
  return std::string(rest);
}

void print_download_failures(std::ostream& err, const cache::Snapshot& s) {
  auto report = [&err](const std::string& who, const cache::ListRecord& r) {
    switch (r.fetch.status) {
      case net::FetchStatus::kNetworkError:
      case net::FetchStatus::kTimeout:
      case net::FetchStatus::kTlsError:
      case net::FetchStatus::kHttpError:
        err << "eutl: " << who << ": cannot download from " << url_host(r.url) << " ("
            << net::to_string(r.fetch.status) << (r.fetch.error.empty() ? "" : ": " + r.fetch.error) << "): "
            << r.url << "\n";
        return;
      default:
        return;
    }
  };
  for (const auto& p : s.pivots) {
    report("pivot", p);
  }
  for (const auto& l : s.lists) {
    report(l.territory, l);
  }
}

void print_missing(std::ostream& out, const std::vector<verify::MissingTerritory>& missing) {
  for (const auto& m : missing) {
    out << "missing: " << m.territory << " (no list; the LOTL points to " << m.url << ")\n";
  }
}

}  // namespace eutl::cli::store
