// What `eutl anchors` and `eutl status` say about LOTL anchors (cli/anchor_report.h).
#include "cli/anchor_report.h"

#include <set>

#include "eutl/anchors_in_use.h"
#include "eutl/bundled_anchors.h"

namespace eutl::cli {
namespace {

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

void print_anchors(std::ostream& out, const AnchorsInUse& anchors, tsl::TimePoint now) {
  out << "LOTL anchors in use: " << anchors.certificates.size() << ", " << heading(anchors) << "\n";
  for (const AnchorFacts& f : anchor_facts_of(anchors.certificates)) {
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

void print_anchor_summary(std::ostream& out, const std::vector<AnchorFacts>& anchors) {
  std::vector<const AnchorFacts*> odd;
  for (const AnchorFacts& f : anchors) {
    if (f.oj_references.empty()) {
      odd.push_back(&f);
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
  for (const AnchorFacts* f : odd) {
    out << "  sha256 " << f->sha256 << "  " << f->subject << "\n";
  }
}

}  // namespace eutl::cli
