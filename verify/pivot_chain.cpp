// Anchoring the LOTL in the Official Journal through pivot LOTLs.
//
// TS 119 615 V1.2.1 §4.1 and the LOTL's SchemeInformationURI (TS 119 612 §5.3.7):
// the OJ publishes the certificates allowed to sign the LOTL; when the signer changes,
// the Commission publishes a "pivot" LOTL, signed by a certificate still trusted,
// whose self-pointer (OtherTSLPointer of TSLType EUlistofthelists) announces the new
// signer set. The current LOTL lists every pivot since the OJ publication.
//
// Walk: anchors = the OJ certificates. If the LOTL's signer is an anchor, done.
// Otherwise take the pivots the LOTL announces, oldest (lowest sequence number)
// first. Each pivot must be signed by the set in force (what the previous pivot
// announced, plus the anchors) and then hands over its own announcement. An announced
// pivot is any SchemeInformationURI ending in ".xml"; it is matched to the given lists
// of lists by the sequence number in its name (eu-lotl-pivot-300.xml,
// tl-pivot-191-mp.xml) or else by file name, and walked in sequence-number order.
// Bounds: at most request.max_pivots pivots (8 by default; the real 2023 chain needs
// 2). The announcements are checked for loops whether or not the walk is needed: a
// cycle, or a list announcing a pivot not older than itself, is pivot-loop.
//
// Deviations: pivots are verified as history, so their NextUpdate is not checked.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "verify/detail/list_set_internal.h"
#include "verify/reasons.h"

namespace eutl::verify::trust {
namespace {

std::string_view base_name(std::string_view path) {
  auto cut = path.find_first_of("?#");
  if (cut != std::string_view::npos) {
    path = path.substr(0, cut);
  }
  auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_pivot_uri(std::string_view uri) {
  std::string_view name = base_name(uri);
  if (name.size() < 5) {
    return false;
  }
  std::string ext(name.substr(name.size() - 4));
  for (auto& c : ext) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ext == ".xml";
}

std::uint64_t seq_of(const Item& item) { return item.result.list->scheme.sequence_number; }

struct Announced final {
  std::vector<std::size_t> given;    // indices into items, oldest first
  std::vector<std::string> missing;  // URIs not among the inputs
};

// The pivots `items[self]` announces, matched to the lists of lists among the inputs.
Announced announced_pivots(const std::vector<Item>& items, std::size_t self) {
  Announced out;
  const auto& list = *items[self].result.list;
  for (const auto& v : list.scheme.information_uris.values) {
    if (!is_pivot_uri(v.value)) {
      continue;
    }
    auto seq = pivot_sequence(v.value);
    std::string_view name = base_name(v.value);
    if ((seq && *seq == list.scheme.sequence_number) || name == base_name(items[self].result.source)) {
      continue;  // real pivots list themselves first
    }
    std::optional<std::size_t> found;
    for (std::size_t j = 0; j < items.size() && !found; ++j) {
      if (j == self || !items[j].result.list || items[j].result.kind == ListKind::kTl) {
        continue;
      }
      if (seq ? seq_of(items[j]) == *seq : base_name(items[j].result.source) == name) {
        found = j;
      }
    }
    if (!found) {
      out.missing.push_back(v.value);
    } else if (std::find(out.given.begin(), out.given.end(), *found) == out.given.end()) {
      out.given.push_back(*found);
    }
  }
  std::sort(out.given.begin(), out.given.end(),
            [&](std::size_t a, std::size_t b) { return seq_of(items[a]) < seq_of(items[b]); });
  return out;
}

// Depth-first over "announces" edges from `node`: a cycle or an announcement of a
// list not older than its announcer is a loop. Returns the description, empty if none.
std::string find_loop(const std::vector<Item>& items, std::size_t node, std::vector<std::size_t>& path,
                      std::size_t bound) {
  if (path.size() > bound + 1) {
    return "";
  }
  path.push_back(node);
  for (std::size_t next : announced_pivots(items, node).given) {
    if (std::find(path.begin(), path.end(), next) != path.end() || seq_of(items[next]) >= seq_of(items[node])) {
      return "list " + std::to_string(seq_of(items[node])) + " announces pivot " + std::to_string(seq_of(items[next]));
    }
    std::string loop = find_loop(items, next, path, bound);
    if (!loop.empty()) {
      return loop;
    }
  }
  path.pop_back();
  return "";
}

// The set a list of lists announces for its own signature: its EUlistofthelists pointers.
TrustedSet announcement(const tsl::TrustedList& list, const std::string& label) {
  TrustedSet set;
  for (const auto& p : list.scheme.pointers) {
    if (tsl::is_list_of_lists(p.tsl_type)) {
      add_pointer_certificates(set, p, label);
    }
  }
  return set;
}

TrustedSet merged(const TrustedSet& a, const TrustedSet& b) {
  TrustedSet out = a;
  for (const auto& t : b) {
    add_trusted(out, t.der, t.label);
  }
  return out;
}

SignatureCheck check_lol(Item& item, const TrustedSet& trusted,
                         DiagnoseUntrusted diagnose = DiagnoseUntrusted::kYes) {
  SignatureRequest req;
  req.diagnose = diagnose;
  req.trusted = &trusted;
  req.require_v2 = item.result.list->scheme.version >= 6 ? RequireSigningCertV2::kYes : RequireSigningCertV2::kNo;
  req.untrusted_reason = &reasons::kSignerNotTrusted;
  return check_item_signature(item, req);
}

bool has_code(const std::vector<Reason>& reasons, std::string_view code) {
  return std::any_of(reasons.begin(), reasons.end(), [&](const Reason& r) { return r.code == code; });
}

}  // namespace

std::optional<std::uint64_t> pivot_sequence(std::string_view uri) {
  auto cut = uri.find_first_of("?#");
  if (cut != std::string_view::npos) {
    uri = uri.substr(0, cut);
  }
  auto slash = uri.rfind('/');
  std::string_view name = slash == std::string_view::npos ? uri : uri.substr(slash + 1);
  auto pos = name.find("pivot-");
  if (pos == std::string_view::npos || name.size() < 4 || name.substr(name.size() - 4) != ".xml") {
    return std::nullopt;
  }
  std::string_view rest = name.substr(pos + 6);
  std::uint64_t seq = 0;
  std::size_t i = 0;
  for (; i < rest.size() && i < 12 && std::isdigit(static_cast<unsigned char>(rest[i])); ++i) {
    seq = seq * 10 + static_cast<std::uint64_t>(rest[i] - '0');
  }
  if (i == 0 || (rest.substr(i) != ".xml" && rest.substr(i) != "-mp.xml")) {
    return std::nullopt;
  }
  return seq;
}

void anchor_lotl(std::vector<Item>& items, std::size_t lotl, const ListSetRequest& request) {
  const TrustedSet anchors = anchor_set(request.lotl_anchors);
  Item& L = items[lotl];
  std::vector<std::size_t> path;
  std::string loop = find_loop(items, lotl, path, request.max_pivots);
  if (!loop.empty()) {
    L.result.reasons.push_back(reasons::make(reasons::kPivotLoop, loop));
    for (std::size_t i : path) {
      if (i != lotl) {
        items[i].on_chain = true;
        items[i].result.reasons.push_back(reasons::make(reasons::kPivotLoop, loop));
      }
    }
  }
  SignatureCheck direct = check_lol(L, anchors, DiagnoseUntrusted::kNo);
  if (!has_code(direct.reasons, reasons::kSignerNotTrusted.code)) {
    apply_signature(L, std::move(direct));
    // Anchored directly: announced pivots are not needed, but say which were absent.
    for (const auto& uri : announced_pivots(items, lotl).missing) {
      L.result.warnings.push_back(reasons::make(reasons::kPivotMissing, uri + " (not needed: signer is an anchor)"));
    }
    return;
  }
  std::vector<Reason> chain;
  Announced walk = announced_pivots(items, lotl);
  for (const auto& uri : walk.missing) {
    chain.push_back(reasons::make(reasons::kPivotMissing, uri));
  }
  if (!loop.empty()) {
    walk.given.clear();
  }
  if (walk.given.size() > request.max_pivots) {
    chain.push_back(reasons::make(reasons::kPivotDepth, std::to_string(walk.given.size()) + " pivots, bound " +
                                                            std::to_string(request.max_pivots)));
    walk.given.clear();
  }
  TrustedSet in_force = anchors;
  for (std::size_t idx : walk.given) {
    Item& P = items[idx];
    P.on_chain = true;
    std::string name = "pivot " + std::to_string(seq_of(P));
    SignatureCheck pc = check_lol(P, merged(in_force, anchors));
    bool ok = pc.outcome == Outcome::kPass;
    std::string first = pc.reasons.empty() ? std::string("not verified") : pc.reasons.front().code;
    apply_signature(P, std::move(pc));
    if (ok) {
      in_force = announcement(*P.result.list, name);
    } else {
      chain.push_back(reasons::make(reasons::kPivotChainBroken, name + ": " + first));
    }
  }
  SignatureCheck final_check = check_lol(L, merged(in_force, anchors));
  bool untrusted = has_code(final_check.reasons, reasons::kSignerNotTrusted.code);
  apply_signature(L, std::move(final_check));
  for (auto& r : chain) {
    (untrusted ? L.result.reasons : L.result.warnings).push_back(std::move(r));
  }
}

}  // namespace eutl::verify::trust
