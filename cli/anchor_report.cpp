// What `eutl anchors` and `eutl status` say about LOTL anchors (cli/anchor_report.h).
#include "cli/anchor_report.h"

#include <set>

#include "eutl/bundled_anchors.h"

namespace eutl::cli {
namespace {

// Facts of each anchor; an unreadable one keeps its digest and says so.
std::vector<AnchorFacts> facts_of(const std::vector<tsl::Bytes>& anchors) {
  std::vector<AnchorFacts> out;
  for (const tsl::Bytes& der : anchors) {
    auto f = anchor_facts(der);
    out.push_back(f ? std::move(*f) : AnchorFacts{tsl::to_hex(tsl::sha256(der)), "(not a readable certificate)"});
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

std::string heading(const AnchorsInUse& a) {
  switch (a.origin) {
    case AnchorOrigin::kGiven:
      return "given with --lotl-signers (" + a.from + ")";
    case AnchorOrigin::kStore:
      return "recorded in the store " + a.from + " (its current snapshot was made with them)";
    case AnchorOrigin::kBundled:
      break;
  }
  std::set<std::string> notices;
  for (const BundledAnchor& b : bundled_lotl_anchors()) {
    notices.insert(b.oj_reference);
  }
  return "bundled with this release (" + joined({notices.begin(), notices.end()}) + ")";
}

}  // namespace

nlohmann::json anchors_json(const AnchorsInUse& anchors) {
  nlohmann::json list = nlohmann::json::array();
  for (const AnchorFacts& f : facts_of(anchors.certificates)) {
    list.push_back({{"sha256", f.sha256},
                    {"subject", f.subject},
                    {"not_before", tsl::format_time(f.not_before)},
                    {"not_after", tsl::format_time(f.not_after)},
                    {"oj_references", f.oj_references},
                    {"bundled", !f.oj_references.empty()}});
  }
  return {{"source", to_string(anchors.origin)},
          {"from", anchors.from.empty() ? nlohmann::json(nullptr) : nlohmann::json(anchors.from)},
          {"count", anchors.certificates.size()},
          {"anchors", list}};
}

void print_anchors(std::ostream& out, const AnchorsInUse& anchors, tsl::TimePoint now) {
  out << "LOTL anchors in use: " << anchors.certificates.size() << ", " << heading(anchors) << "\n";
  for (const AnchorFacts& f : facts_of(anchors.certificates)) {
    out << "\nsha256     " << f.sha256 << "\n"
        << "  subject  " << f.subject << "\n"
        << "  valid    " << tsl::format_time(f.not_before) << " .. " << tsl::format_time(f.not_after)
        << (f.not_after < now ? " (expired: still anchors the pivot LOTLs it signed)" : "") << "\n"
        << "  notice   "
        << (f.oj_references.empty() ? std::string("NOT among the anchors bundled with this release")
                                    : joined(f.oj_references))
        << "\n";
  }
}

nlohmann::json anchor_summary_json(const std::vector<tsl::Bytes>& anchors) {
  nlohmann::json not_bundled = nlohmann::json::array();
  std::size_t bundled = 0;
  for (const AnchorFacts& f : facts_of(anchors)) {
    if (f.oj_references.empty()) {
      not_bundled.push_back({{"sha256", f.sha256}, {"subject", f.subject}});
    } else {
      ++bundled;
    }
  }
  return {{"count", anchors.size()}, {"bundled", bundled}, {"not_bundled", not_bundled}};
}

void print_anchor_summary(std::ostream& out, const std::vector<tsl::Bytes>& anchors) {
  std::vector<AnchorFacts> odd;
  for (AnchorFacts& f : facts_of(anchors)) {
    if (f.oj_references.empty()) {
      odd.push_back(std::move(f));
    }
  }
  if (anchors.empty()) {
    out << "\nanchors: none recorded with this snapshot\n";
    return;
  }
  out << "\nanchors: " << anchors.size() << " LOTL signer certificate(s) recorded with this snapshot, ";
  if (odd.empty()) {
    out << "all among those bundled with this release (eutl anchors --store lists them)\n";
    return;
  }
  out << odd.size() << " NOT among those bundled with this release:\n";
  for (const AnchorFacts& f : odd) {
    out << "  sha256 " << f.sha256 << "  " << f.subject << "\n";
  }
}

}  // namespace eutl::cli
