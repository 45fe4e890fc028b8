// Differences between two snapshots (see snapshot_diff.h). Services are matched by
// (territory, service type, SHA-256 of the first certificate of their identity), so a
// renamed service is one service, and a re-keyed one shows as removed and added.
#include "eutl/cache/snapshot_diff.h"

#include <algorithm>
#include <map>

#include "eutl/tsl/parser.h"

namespace eutl::cache {
namespace {

struct ServiceFacts final {
  std::string tsp, service, type_uri, status;
  std::optional<tsl::TimePoint> since;
};
using ServiceMap = std::map<std::string, ServiceFacts>;

std::string key_of(const tsl::TrustService& s) {
  const auto& certs = s.current.identity.certificates;
  const std::string id = certs.empty() ? "name:" + std::string(s.current.name.preferred())
                                       : tsl::to_hex(tsl::sha256(certs.front().blob.der()));
  return s.current.type_uri + "|" + id;
}

Result<ServiceMap> services_of(const Store& store, const ListRecord& r) {
  ServiceMap out;
  if (!r.in_use_digest) {
    return out;
  }
  auto bytes = store.read_blob(*r.in_use_digest);
  if (!bytes) {
    return std::move(bytes).error();
  }
  auto list = tsl::parse_trusted_list(*bytes, r.url);
  if (!list) {
    return std::move(list).error();
  }
  for (const auto& tsp : list->providers) {
    for (const auto& s : tsp.services) {
      out[key_of(s)] = {std::string(tsp.name.preferred()), std::string(s.current.name.preferred()),
                        s.current.type_uri, s.current.status_uri, s.current.status_start};
    }
  }
  return out;
}

void compare_services(const std::string& territory, const ServiceMap& a, const ServiceMap& b, SnapshotDiff& d) {
  for (const auto& [key, fa] : a) {
    auto it = b.find(key);
    if (it == b.end()) {
      d.services.push_back({ChangeKind::kRemoved, territory, fa.tsp, fa.service, fa.type_uri, fa.status, "",
                            fa.since, std::nullopt});
    } else if (it->second.status != fa.status || it->second.since != fa.since) {
      const ServiceFacts& fb = it->second;
      d.services.push_back({ChangeKind::kChanged, territory, fb.tsp, fb.service, fb.type_uri, fa.status, fb.status,
                            fa.since, fb.since});
    }
  }
  for (const auto& [key, fb] : b) {
    if (!a.contains(key)) {
      d.services.push_back({ChangeKind::kAdded, territory, fb.tsp, fb.service, fb.type_uri, "", fb.status,
                            std::nullopt, fb.since});
    }
  }
}

ListChange change_of(ChangeKind kind, const std::string& role, const ListRecord* a, const ListRecord* b) {
  ListChange c;
  c.kind = kind;
  c.role = role;
  const ListRecord& any = a != nullptr ? *a : *b;
  c.territory = any.territory;
  c.url = b != nullptr ? b->url : a->url;
  if (a != nullptr) {
    c.old_sequence = a->sequence_number;
    c.old_digest = a->in_use_digest;
    c.old_result = a->result;
    c.old_issue_date = a->issue_date;
  }
  if (b != nullptr) {
    c.new_sequence = b->sequence_number;
    c.new_digest = b->in_use_digest;
    c.new_result = b->result;
    c.new_issue_date = b->issue_date;
  }
  return c;
}

bool differs(const ListRecord& a, const ListRecord& b) {
  return a.in_use_digest != b.in_use_digest || a.result != b.result || a.sequence_number != b.sequence_number;
}

}  // namespace

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::kAdded: return "added";
    case ChangeKind::kRemoved: return "removed";
    case ChangeKind::kChanged: break;
  }
  return "changed";
}

Result<SnapshotDiff> diff_snapshots(const Store& store, const Snapshot& from, const Snapshot& to) {
  SnapshotDiff d;
  d.from_id = from.id;
  d.to_id = to.id;
  if (differs(from.lotl, to.lotl)) {
    d.lists.push_back(change_of(ChangeKind::kChanged, "lotl", &from.lotl, &to.lotl));
  }
  std::map<std::optional<tsl::Sha256>, const ListRecord*> pa, pb;  // ordered as the hex spelling
  for (const auto& p : from.pivots) {
    pa[p.in_use_digest] = &p;
  }
  for (const auto& p : to.pivots) {
    pb[p.in_use_digest] = &p;
  }
  for (const auto& [digest, p] : pa) {
    if (!pb.contains(digest)) {
      d.lists.push_back(change_of(ChangeKind::kRemoved, "pivot", p, nullptr));
    }
  }
  for (const auto& [digest, p] : pb) {
    if (!pa.contains(digest)) {
      d.lists.push_back(change_of(ChangeKind::kAdded, "pivot", nullptr, p));
    }
  }
  std::map<std::string, std::pair<const ListRecord*, const ListRecord*>> territories;
  for (const auto& l : from.lists) {
    territories[l.territory].first = &l;
  }
  for (const auto& l : to.lists) {
    territories[l.territory].second = &l;
  }
  for (const auto& [territory, pair] : territories) {
    const auto [a, b] = pair;
    if (a != nullptr && b != nullptr && !differs(*a, *b)) {
      continue;
    }
    const ChangeKind kind = a == nullptr ? ChangeKind::kAdded : b == nullptr ? ChangeKind::kRemoved : ChangeKind::kChanged;
    d.lists.push_back(change_of(kind, "tl", a, b));
    if (a != nullptr && b != nullptr && a->in_use_digest == b->in_use_digest) {
      continue;  // same bytes: no service can have changed
    }
    ServiceMap sa, sb;
    if (a != nullptr) {
      auto r = services_of(store, *a);
      if (!r) {
        d.notes.push_back(territory + " (" + d.from_id + "): " + r.error().message);
        continue;
      }
      sa = std::move(*r);
    }
    if (b != nullptr) {
      auto r = services_of(store, *b);
      if (!r) {
        d.notes.push_back(territory + " (" + d.to_id + "): " + r.error().message);
        continue;
      }
      sb = std::move(*r);
    }
    compare_services(territory, sa, sb, d);
  }
  std::stable_sort(d.services.begin(), d.services.end(), [](const ServiceChange& x, const ServiceChange& y) {
    return std::tie(x.territory, x.tsp, x.service) < std::tie(y.territory, y.tsp, y.service);
  });
  return d;
}

}  // namespace eutl::cache
