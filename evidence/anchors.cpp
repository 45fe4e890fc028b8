// Which LOTL anchors an evidence re-verification trusts. A record carries the anchors
// its decision used, but carrying them proves nothing: a record made on a PKI of one's
// own carries that PKI's root. Trust comes from the caller (the LOTL signing
// certificates the Commission publishes in the Official Journal, Implementing Decision
// (EU) 2015/1505) or from the store the caller filled with those anchors.
#include "evidence/anchors.h"

#include <algorithm>

#include "eutl/cache/snapshot_lists.h"
#include "eutl/verify/certificate_headline.h"

namespace eutl::evidence::detail {
namespace {

namespace fs = std::filesystem;

std::string subject_of(const tsl::Bytes& der) {
  auto h = verify::readable_headline(der);
  return h ? h->subject : std::string("(not a readable certificate)");
}

}  // namespace

TrustedAnchors trusted_anchors(const EvidenceRecord& record, const EvidenceSources& sources) {
  TrustedAnchors t;
  if (sources.trusted_anchors) {
    t.anchors = *sources.trusted_anchors;
    t.origin = sources.trusted_anchors_origin.empty() ? "the LOTL anchors given" : sources.trusted_anchors_origin;
    t.available = true;
    return t;
  }
  std::error_code ec;
  if (!sources.store || !fs::is_directory(*sources.store / "snapshots", ec)) {
    return t;
  }
  auto store = cache::Store::open(*sources.store);  // the directories exist: creates nothing
  if (!store) {
    t.problem = store.error().message;
    return t;
  }
  std::optional<cache::Snapshot> snap;
  const std::string id = record.snapshot.value_or("");
  if (!id.empty() && id.find('/') == std::string::npos &&
      fs::is_regular_file(*sources.store / "snapshots" / (id + ".json"), ec)) {
    auto s = store->read_snapshot(id);
    if (s) {
      snap = std::move(*s);
    }
  }
  if (!snap) {
    auto cur = store->current();
    if (!cur) {
      t.problem = cur.error().message;
      return t;
    }
    snap = std::move(*cur);
  }
  if (!snap) {
    return t;  // an empty store: it recorded no anchors
  }
  auto loaded = cache::load_snapshot_anchors(*store, *snap);
  if (!loaded) {
    t.problem = "store snapshot " + snap->id + ": " + loaded.error().message;
    return t;
  }
  t.anchors = std::move(*loaded);
  t.origin = "the LOTL anchors recorded in store snapshot " + snap->id;
  t.available = !t.anchors.empty();
  return t;
}

bool check_anchors_trusted(const std::vector<tsl::Bytes>& record_anchors, const TrustedAnchors& trusted,
                           EvidenceCheck& chk) {
  if (!trusted.available) {
    chk.differences.push_back(
        {"lotl_anchors",
         "no trusted LOTL anchors to judge the record's against (none were given and no store snapshot recorded "
         "any" + (trusted.problem.empty() ? std::string() : ": " + trusted.problem) +
             "); the anchors inside a record are never trusted",
         EvidenceFindingKind::kUntrustedAnchor});
    return false;
  }
  bool all = true;
  for (std::size_t i = 0; i < record_anchors.size(); ++i) {
    const tsl::Bytes& a = record_anchors[i];
    if (std::find(trusted.anchors.begin(), trusted.anchors.end(), a) != trusted.anchors.end()) {
      continue;
    }
    all = false;
    chk.differences.push_back({"lotl_anchors[" + std::to_string(i) + "]",
                               subject_of(a) + " (SHA-256 " + tsl::to_hex(tsl::sha256(a)) +
                                   ") is not among " + trusted.origin +
                                   ": the record rests on a LOTL anchor you do not trust",
                               EvidenceFindingKind::kUntrustedAnchor});
  }
  if (all) {
    chk.checked.push_back("LOTL anchors: all " + std::to_string(record_anchors.size()) + " of the record are among " +
                          trusted.origin + " (" + std::to_string(trusted.anchors.size()) + ")");
  }
  return all;
}

void note_caller_signers(std::size_t signers, const std::vector<verify::VerifiedList>& verified, EvidenceCheck& chk) {
  if (signers == 0) {
    return;
  }
  std::string territories;
  for (const auto& v : verified) {
    if (verify::trust_of(v) == verify::ListTrust::kCallerSigner) {
      territories += (territories.empty() ? "" : ", ") + (v.list ? v.list->scheme.territory : v.source);
    }
  }
  chk.checked.push_back("national lists re-verified against the " + std::to_string(signers) +
                        " caller's signer(s) carried in the record (tl_signers), not the LOTL: " +
                        (territories.empty() ? std::string("none of them is signed by one") : territories) +
                        " rest on the caller's signers in the record, not on the Official Journal");
}

}  // namespace eutl::evidence::detail
