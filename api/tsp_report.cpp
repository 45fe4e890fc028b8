// build_tsp_report: the TSP's services and status history across the store's
// snapshots (include/eutl/tsp_report.h). Each snapshot's lists go through the one
// pipeline (TrustedLists::load at the snapshot's validation time); only lists that
// come out valid attest a status period.
#include "eutl/tsp_report.h"

#include <algorithm>
#include <map>

#include "eutl/cache/store.h"
#include "eutl/service_query.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/name_fold.h"
#include "eutl/verify/certificate_headline.h"

namespace eutl {
namespace {

namespace fs = std::filesystem;

struct Who final {
  std::string territory;
  std::string tsp_name;
};

// The TSP the query names, in the newest snapshot's valid lists.
Result<Who> resolve(const tsl::ServiceIndex& index, const std::string& query) {
  if (auto id = parse_service_id(query)) {
    auto pos = find_service(index, *id);
    if (!pos) {
      return Error{Errc::kNotFound, "no service " + to_string(*id) + " in the valid lists of the newest snapshot"};
    }
    const auto& p = index.service(*pos).provenance;
    return Who{p.territory, p.tsp_name};
  }
  const std::string wanted = tsl::fold_for_search(query);
  if (wanted.empty()) {
    return Error{Errc::kUsage, "give a TSP name (or part of it) or a service ID such as BE/2/1"};
  }
  std::vector<Who> found;
  for (const auto& s : index.services()) {
    const std::string name = tsl::fold_for_search(s.provenance.tsp_name);
    if (name.find(wanted) == std::string::npos) {
      continue;
    }
    if (name == wanted) {  // an exact name wins over names that contain it
      return Who{s.provenance.territory, s.provenance.tsp_name};
    }
    const bool known = std::any_of(found.begin(), found.end(), [&](const Who& w) {
      return w.territory == s.provenance.territory && w.tsp_name == s.provenance.tsp_name;
    });
    if (!known) {
      found.push_back({s.provenance.territory, s.provenance.tsp_name});
    }
  }
  if (found.empty()) {
    return Error{Errc::kNotFound, "no trust service provider named like '" + query +
                                      "' in the valid lists of the newest snapshot (see 'eutl list')"};
  }
  if (found.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < found.size() && i < 8; ++i) {
      names += "\n  " + found[i].territory + "  " + found[i].tsp_name;
    }
    return Error{Errc::kUsage, "'" + query + "' matches " + std::to_string(found.size()) +
                                   " trust service providers; give more of the name or a service ID:" + names};
  }
  return found.front();
}

// What one snapshot says about one service.
struct SeenService final {
  std::string key;  // service name + first SDI certificate: the same service across versions
  TspService service;
  std::vector<TspStatusChange> periods;  // newest first, unfiltered
};

std::string service_key(const tsl::IndexedService& s) {
  return s.provenance.service_name + '\n' +
         (s.certificates.empty() ? std::string() : tsl::to_hex(s.certificates.front()->sha256()));
}

std::vector<std::string> asi_uris(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& a : ext.additional_information) {
    out.push_back(a.uri);
  }
  return out;
}

std::vector<std::string> qualifier_uris(const tsl::ServiceExtensions& ext) {
  std::vector<std::string> out;
  for (const auto& q : ext.qualifications) {
    out.insert(out.end(), q.qualifier_uris.begin(), q.qualifier_uris.end());
  }
  return out;
}

SeenService seen_service(const tsl::IndexedService& s) {
  SeenService seen;
  seen.key = service_key(s);
  seen.service.id = to_string(service_id(s.provenance));
  seen.service.name = s.provenance.service_name;
  seen.service.type_uri = s.service->current.type_uri;
  seen.service.status_uri = s.service->current.status_uri;
  for (const tsl::CertificateBlob* blob : s.certificates) {
    TspCertificate c;
    c.sha256 = blob->sha256();
    if (auto p = verify::readable_headline(blob->der())) {
      c.subject = p->subject;
      c.not_before = p->not_before;
      c.not_after = p->not_after;
    }
    seen.service.certificates.push_back(std::move(c));
  }
  for (const tsl::ServicePeriod& p : s.periods) {
    TspStatusChange c;
    c.start = p.start;
    c.end = p.end;
    c.current = !p.history_index.has_value();
    c.status_uri = p.state->status_uri;
    c.type_uri = p.state->type_uri;
    c.additional_information = asi_uris(p.state->extensions);
    c.qualifiers = qualifier_uris(p.state->extensions);
    seen.periods.push_back(std::move(c));
  }
  return seen;
}

// One version of the list and what it says, or nothing when the snapshot lacks the list.
struct SeenVersion final {
  TspListVersion version;
  std::vector<SeenService> services;  // empty when the list is not valid
};

std::optional<SeenVersion> seen_version(const TrustedLists& lists, const cache::Snapshot& snap, const Who& who) {
  std::optional<SeenVersion> out;
  for (const verify::VerifiedList& v : lists.lists()) {
    if (v.kind != verify::ListKind::kTl || !v.list || v.list->scheme.territory != who.territory) {
      continue;
    }
    out.emplace();
    out->version = {snap.id, snap.validation_time, v.source, v.list->scheme.sequence_number,
                    v.list->scheme.issue_date, v.list->scheme.next_update, v.digest, v.status};
  }
  if (!out) {
    return out;
  }
  for (const tsl::IndexedService& s : lists.index().services()) {
    if (s.provenance.territory == who.territory && s.provenance.tsp_name == who.tsp_name) {
      out->services.push_back(seen_service(s));
    }
  }
  return out;
}

bool same_period(const TspStatusChange& a, const TspStatusChange& b) {
  return a.start == b.start && a.status_uri == b.status_uri;
}

bool in_range(const TspStatusChange& c, const TspQuery& q) {
  return (!q.to || c.start <= *q.to) && (!q.from || !c.end || *c.end >= *q.from);
}

Result<TrustedLists> load_snapshot(const fs::path& store, const cache::Snapshot& snap) {
  ListSource source;
  source.store = store;
  source.snapshot = snap.id;
  return TrustedLists::load(source, snap.validation_time);
}

}  // namespace

Result<TspReport> build_tsp_report(const fs::path& store_dir, const TspQuery& query) {
  if (query.from && query.to && *query.from > *query.to) {
    return Error{Errc::kUsage, "--from is after --to"};
  }
  std::error_code ec;
  if (!fs::is_directory(store_dir / "snapshots", ec)) {
    return Error{Errc::kNotFound, store_dir.string() + ": no store here ('eutl fetch' or 'eutl import' makes one)"};
  }
  auto store = cache::Store::open(store_dir);
  if (!store) {
    return std::move(store).error();
  }
  const std::vector<std::string> ids = store->snapshot_ids();
  if (ids.empty()) {
    return Error{Errc::kNotFound, store_dir.string() + ": the store has no snapshot yet"};
  }
  std::vector<SeenVersion> versions;  // oldest first, one per distinct list digest
  std::optional<Who> who;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {  // newest first: it names the TSP
    auto snap = store->read_snapshot(*it);
    if (!snap) {
      return std::move(snap).error();
    }
    auto lists = load_snapshot(store_dir, *snap);
    if (!lists) {
      return std::move(lists).error();
    }
    if (!who) {
      auto resolved = resolve(lists->index(), query.tsp);
      if (!resolved) {
        return std::move(resolved).error();
      }
      who = std::move(*resolved);
    }
    if (auto seen = seen_version(*lists, *snap, *who)) {
      if (!versions.empty() && versions.back().version.digest == seen->version.digest) {
        versions.back() = std::move(*seen);  // the same list bytes: keep the older snapshot
      } else {
        versions.push_back(std::move(*seen));
      }
    }
  }
  std::reverse(versions.begin(), versions.end());

  TspReport report;
  report.tsp_name = who->tsp_name;
  report.territory = who->territory;
  report.from = query.from;
  report.to = query.to;
  report.store = store_dir;
  for (const SeenVersion& v : versions) {
    report.versions.push_back(v.version);
  }
  // Services in the order of the newest version that holds them, newest version first.
  std::map<std::string, bool> done;
  for (std::size_t vi = versions.size(); vi-- > 0;) {
    for (const SeenService& s : versions[vi].services) {
      if (done[s.key]) {
        continue;
      }
      done[s.key] = true;
      TspService out = s.service;
      out.in_newest_version = vi + 1 == versions.size();
      for (const TspStatusChange& p : s.periods) {
        if (!in_range(p, query)) {
          continue;
        }
        TspStatusChange c = p;
        bool older_valid = false;
        for (std::size_t k = 0; k <= vi; ++k) {
          auto holder = std::find_if(versions[k].services.begin(), versions[k].services.end(),
                                     [&](const SeenService& o) { return o.key == s.key; });
          const bool holds = holder != versions[k].services.end() &&
                             std::any_of(holder->periods.begin(), holder->periods.end(),
                                         [&](const TspStatusChange& o) { return same_period(o, p); });
          if (holds) {
            c.first_seen = k;
            c.published_in_first_seen = older_valid;
            break;
          }
          older_valid = older_valid || versions[k].version.status == verify::ListStatus::kValid;
        }
        out.history.push_back(std::move(c));
      }
      report.services.push_back(std::move(out));
    }
  }
  return report;
}

}  // namespace eutl
