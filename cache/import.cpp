// `eutl import`: local files through the same decision as a fetch.
#include <algorithm>
#include <map>
#include <set>

#include "cache/anchors.h"
#include "eutl/cache/snapshot_lists.h"
#include "cache/decide.h"
#include "eutl/tsl/parser.h"

namespace eutl::cache {
namespace {

using detail::Candidate;

struct Classified final {
  Candidate candidate;
  std::uint64_t sequence = 0;
};

Candidate imported(ImportFile& f, std::string territory) {
  Candidate c;
  c.url = f.source;
  c.territory = std::move(territory);
  c.fetch.status = net::FetchStatus::kImported;
  c.fetch.bytes = f.bytes.size();
  c.bytes = std::move(f.bytes);
  return c;
}

// The LOTL record of a snapshot whose national lists rest on the caller's signers.
detail::LotlDecision no_lotl() {
  detail::LotlDecision d;
  d.lotl.territory = "EU";
  d.lotl.in_use = InUse::kNone;
  d.lotl.reasons.push_back({"no-list", "no LOTL: the national lists rest on the signers given with --tl-signers"});
  return d;
}

}  // namespace

Result<RefreshReport> import_lists(const Store& store, const StoreLock& /*held*/, const Verifier& verifier,
                                   std::vector<ImportFile> files, const RefreshRequest& request) {
  auto current = store.current();
  if (!current) {
    return current.error();
  }
  const std::optional<Snapshot>& prev = *current;
  RefreshReport report;
  Snapshot snap;
  snap.created = request.created;
  snap.validation_time = request.at;
  snap.origin = "import";
  auto anchors = detail::resolve_anchors(store, request.lotl_anchors, request.default_anchors, prev, snap.lotl_anchor_digests);
  if (!anchors) {
    return anchors.error();
  }
  const bool caller_signers = !request.tl_signers.empty();
  if (auto stored = detail::store_certificates(store, request.tl_signers, snap.tl_signer_digests); !stored) {
    return stored.error();
  }

  std::vector<Classified> lotls;
  std::vector<Candidate> tls;  // every national list; decide_lists picks the newest valid per territory
  std::set<std::string> imported_territories;
  for (ImportFile& f : files) {
    auto parsed = tsl::parse_trusted_list(f.bytes, f.source);
    if (!parsed) {
      report.notes.push_back("skipped " + f.source + ": " + parsed.error().message);
      continue;
    }
    const std::uint64_t seq = parsed->scheme.sequence_number;
    if (parsed->is_lotl() && caller_signers) {
      report.notes.push_back("skipped " + f.source +
                             ": a list of lists is not used with --tl-signers (the national lists rest on the "
                             "signers given, not on the LOTL)");
      continue;
    }
    if (parsed->is_lotl()) {
      lotls.push_back({imported(f, "EU"), seq});
      continue;
    }
    imported_territories.insert(parsed->scheme.territory);
    tls.push_back(imported(f, parsed->scheme.territory));
  }
  std::sort(lotls.begin(), lotls.end(),
            [](const Classified& a, const Classified& b) { return a.sequence > b.sequence; });

  Candidate lotl;
  std::vector<Candidate> pivots;
  if (!lotls.empty()) {
    lotl = std::move(lotls.front().candidate);
    for (std::size_t i = 1; i < lotls.size(); ++i) {
      pivots.push_back(std::move(lotls[i].candidate));
    }
  } else if (prev && !caller_signers) {
    lotl.url = prev->lotl.url;  // no LOTL imported: the one in use is kept
  }
  snap.lotl_url = lotl.url;
  // Territories not imported keep their list in use (not with --tl-signers: the
  // snapshot then holds exactly the lists those signers vouch for).
  if (prev && !caller_signers) {
    for (const ListRecord& l : prev->lists) {
      if (imported_territories.count(l.territory) == 0) {
        Candidate c;
        c.url = l.url;
        c.territory = l.territory;
        tls.push_back(std::move(c));
      }
    }
  }
  detail::digest_candidate(lotl);
  for (auto* group : {&pivots, &tls}) {
    for (Candidate& c : *group) {
      detail::digest_candidate(c);
    }
  }
  const detail::DecideContext ctx{store, verifier, prev, *anchors, request.at, request.tl_signers};
  // With --tl-signers no LOTL is decided, and none kept from the previous snapshot.
  auto decided = caller_signers ? Result<detail::LotlDecision>(no_lotl())
                                : detail::decide_lotl(ctx, std::move(lotl), std::move(pivots));
  if (!decided) {
    return decided.error();
  }
  detail::LotlDecision& decision = *decided;
  auto decided_lists = detail::decide_lists(ctx, decision, std::move(tls));
  if (!decided_lists) {
    return decided_lists.error();
  }
  snap.lists = std::move(decided_lists->records);
  report.notes.insert(report.notes.end(), decided_lists->notes.begin(), decided_lists->notes.end());
  if (const tsl::TrustedList* model = decision.model()) {
    report.missing = verify::missing_territories(*model, detail::present_territories(snap.lists));
  }
  snap.lotl = std::move(decision.lotl);
  snap.pivots = std::move(decision.pivots);
  for (const ListRecord& l : snap.lists) {
    if (l.fetch.status == net::FetchStatus::kImported && attempt_failed(l.fetch)) {
      ++report.list_failures;
    }
  }
  report.lotl_verified = !decision.fresh_failed && snap.lotl.result == verify::ListStatus::kValid;
  auto committed = detail::commit_snapshot(store, std::move(snap));
  if (!committed) {
    return committed.error();
  }
  report.snapshot = std::move(*committed);
  return report;
}

Result<Snapshot> reevaluate(const Store& store, const Snapshot& snapshot, const Verifier& verifier,
                            tsl::TimePoint at) {
  auto anchors = load_snapshot_anchors(store, snapshot);
  if (!anchors) {
    return anchors.error();
  }
  Snapshot out = snapshot;
  std::vector<verify::ListSetInput> in;
  std::vector<ListRecord*> records;
  auto add = [&](ListRecord& r) -> Result<void> {
    if (r.in_use == InUse::kNone || !r.in_use_digest) {
      return {};
    }
    auto bytes = store.read_blob(*r.in_use_digest);
    if (!bytes) {
      return bytes.error();
    }
    in.push_back({r.url, std::move(*bytes)});
    records.push_back(&r);
    return {};
  };
  std::vector<ListRecord*> all{&out.lotl};
  for (ListRecord& p : out.pivots) {
    all.push_back(&p);
  }
  for (ListRecord& l : out.lists) {
    all.push_back(&l);
  }
  for (ListRecord* r : all) {
    if (auto ok = add(*r); !ok) {
      return ok.error();
    }
  }
  auto signers = load_snapshot_tl_signers(store, snapshot);
  if (!signers) {
    return signers.error();
  }
  verify::ListSetRequest req;
  req.lotl_anchors = std::move(*anchors);
  req.tl_signers = std::move(*signers);
  req.at = at;
  verify::ListSetResult result = verifier(std::move(in), req);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string territory = records[i]->territory;
    detail::record_verified(*records[i], result.lists.at(i), at, detail::list_size(result.lists.at(i), nullptr));
    records[i]->territory = territory;
  }
  return out;
}

}  // namespace eutl::cache
