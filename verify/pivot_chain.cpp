// Anchoring the LOTL in the Official Journal through pivot LOTLs.
//
// TS 119 615 V1.2.1 §4.1 and the LOTL's SchemeInformationURI (TS 119 612 §5.3.7):
// the OJ publishes the certificates allowed to sign the LOTL; when the signer changes,
// the Commission publishes a "pivot" LOTL, signed by a certificate still trusted,
// whose self-pointer (OtherTSLPointer of TSLType EUlistofthelists) announces the new
// signer set. The current LOTL lists every pivot since the OJ publication.
//
// Walk: anchors = the OJ certificates. The pivots the LOTL announces are walked
// oldest (lowest sequence number) first, whatever the anchors: a list of lists (pivot
// or LOTL) is trusted when its signer is an anchor OR is announced by a verified,
// older list of the chain. It is a union, so adding anchors never makes a list
// invalid (a pivot the anchors alone vouch for is still walked, and the lists after
// it may rely on what it announces). An announced pivot is any SchemeInformationURI
// ending in ".xml"; it is matched to the given lists of lists by the sequence number
// in its name (eu-lotl-pivot-300.xml, tl-pivot-191-mp.xml) or else by file name.
// Bounds: at most request.max_pivots pivots (8 by default; the real 2026 chain
// needs 5). The announcements are checked for loops whether or not the walk is
// needed: a cycle, or a list announcing a pivot not older than itself, is pivot-loop.
// Lists of lists the LOTL does not announce are checked the same way against the
// anchors and the chain lists older than them (and flagged pivot-not-on-chain).
//
// Deviations: pivots are verified as history, so their NextUpdate is not checked.
// A signer announced by any verified older pivot stays trusted for the lists after
// it, even when a later pivot no longer announces it (union, never intersection).
#include <algorithm>
#include <cctype>
#include <iterator>
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

SignatureCheck check_lol(const Item& item, const TrustedSet& trusted) {
  SignatureRequest req;
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

TrustedSet ChainTrust::trusted_for(std::uint64_t seq) const {
  TrustedSet out;
  // Newest announcement first, so `matched` names the nearest list that vouches.
  for (auto it = m_announced.rbegin(); it != m_announced.rend(); ++it) {
    if (it->first < seq) {
      for (const auto& t : it->second) {
        add_trusted(out, t.der, t.label);
      }
    }
  }
  for (const auto& t : m_anchors) {
    add_trusted(out, t.der, t.label);
  }
  return out;
}

void ChainTrust::add_verified(const tsl::TrustedList& list, const std::string& label) {
  m_announced.emplace_back(list.scheme.sequence_number, announcement(list, label));
}

void anchor_lotl(std::vector<Item>& items, std::size_t lotl, const ListSetRequest& request, ChainTrust& trust) {
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
  std::vector<Reason> chain;
  Announced walk = announced_pivots(items, lotl);
  const std::vector<std::string> missing = walk.missing;
  if (!loop.empty()) {
    walk.given.clear();
  }
  if (walk.given.size() > request.max_pivots) {
    chain.push_back(reasons::make(reasons::kPivotDepth, std::to_string(walk.given.size()) + " pivots, bound " +
                                                            std::to_string(request.max_pivots)));
    walk.given.clear();
  }
  for (std::size_t idx : walk.given) {
    Item& P = items[idx];
    P.on_chain = true;
    std::string name = "pivot " + std::to_string(seq_of(P));
    const TrustedSet trusted = trust.trusted_for(seq_of(P));
    SignatureCheck pc = check_lol(P, trusted);
    bool ok = pc.outcome == Outcome::kPass;
    std::string first = pc.reasons.empty() ? std::string("not verified") : pc.reasons.front().code;
    apply_signature(P, std::move(pc));
    if (ok) {
      trust.add_verified(*P.result.list, name);
    } else {
      chain.push_back(reasons::make(reasons::kPivotChainBroken, name + ": " + first));
    }
  }
  const TrustedSet trusted = trust.trusted_for(seq_of(L));
  SignatureCheck final_check = check_lol(L, trusted);
  bool untrusted = has_code(final_check.reasons, reasons::kSignerNotTrusted.code);
  apply_signature(L, std::move(final_check));
  std::vector<Reason> all;
  for (const auto& uri : missing) {
    all.push_back(reasons::make(reasons::kPivotMissing,
                                untrusted ? uri : uri + " (not needed: the signer is trusted without it)"));
  }
  all.insert(all.end(), std::make_move_iterator(chain.begin()), std::make_move_iterator(chain.end()));
  for (auto& r : all) {
    (untrusted ? L.result.reasons : L.result.warnings).push_back(std::move(r));
  }
}

void check_off_chain(Item& item, const ChainTrust& trust) {
  const TrustedSet trusted = trust.trusted_for(seq_of(item));
  apply_signature(item, check_lol(item, trusted));
  item.result.warnings.push_back(reasons::make(reasons::kPivotNotOnChain));
}

}  // namespace eutl::verify::trust
