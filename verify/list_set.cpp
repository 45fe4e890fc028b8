// verify_list_set: parse every input once (in parallel), recognise the LOTL and its
// pivots by content, anchor the LOTL, then verify every national list against the
// LOTL's pointer for its territory and TSLType (in parallel).
#include "eutl/verify/list_set.h"

#include <strings.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "eutl/tsl/parser.h"
#include "tsl/detail/parallel_for.h"
#include "verify/detail/list_set_internal.h"
#include "verify/detail/worker_memory.h"
#include "verify/reasons.h"

namespace eutl::verify {
namespace {

using trust::Item;

using tsl::detail::parallel_for;

std::size_t input_size(const ListSetInput& in) { return in.file ? in.file->size_hint() : in.bytes.size(); }

// Input indices, largest first (stable: equal sizes keep their order).
std::vector<std::size_t> largest_first(const std::vector<ListSetInput>& inputs) {
  std::vector<std::size_t> sizes(inputs.size());
  std::vector<std::size_t> order(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    sizes[i] = input_size(inputs[i]);
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

void parse_one(ListSetInput& in, Item& item, ServiceModels services) {
  item.result.source = in.source;
  tsl::FileBytes read;
  const auto bytes = input_bytes(in, read);
  if (!bytes) {
    item.result.reasons.push_back(reasons::make(reasons::kUnreadable, bytes.error().message));
    return;
  }
  item.result.digest = tsl::sha256(*bytes);
  auto doc = tsl::XmlDocument::parse(*bytes, in.source);
  read = tsl::FileBytes();  // the tree holds what it needs
  in.bytes = tsl::Bytes();  // freed, not just cleared
  if (!doc) {
    item.result.reasons.push_back(reasons::make(
        doc.error().code == Errc::kLimit ? reasons::kMarkupLimit : reasons::kNotWellFormed, doc.error().message));
    return;
  }
  auto list = tsl::read_trusted_list(*doc);
  if (!list) {
    item.result.reasons.push_back(reasons::make(reasons::kNotATsl, list.error().message));
    return;
  }
  for (const auto& w : list->warnings) {
    std::string where = w.line > 0 ? " (line " + std::to_string(w.line) + ")" : std::string();
    item.result.warnings.push_back(Reason{w.code, w.message + where});
  }
  item.result.kind = list->is_lotl() ? ListKind::kPivot : ListKind::kTl;
  if (services == ServiceModels::kDropped) {
    std::vector<tsl::TrustServiceProvider>().swap(list->providers);
  }
  item.result.list = std::move(*list);
  item.prepared = trust::prepare_signature(*doc);
  if (item.prepared.needs_document) {
    item.doc = std::move(*doc);
  }
}

bool same_territory(const std::string& a, const std::string& b) {
  return a.size() == b.size() && ::strcasecmp(a.c_str(), b.c_str()) == 0;
}

// TS 119 612 V2.4.1 §5.3.16.1: a pointer to a national list carries the list's
// TSLType and MIME type; the XML form is the one verified here.
bool is_xml_pointer(const tsl::OtherTslPointer& p) {
  return p.mime_type.empty() || p.mime_type.find("xml") != std::string::npos;
}

bool same_type(const tsl::OtherTslPointer& p, const tsl::TrustedList& tl) {
  if (p.tsl_type != tsl::TslType::kUnknown && tl.scheme.tsl_type != tsl::TslType::kUnknown) {
    return p.tsl_type == tl.scheme.tsl_type;
  }
  return p.tsl_type_uri == tl.scheme.tsl_type_uri;
}

// Where else the KeyInfo certificates appear, for a useful sentence.
std::string listed_elsewhere(const tsl::TrustedList& lotl, const std::vector<tsl::Bytes>& keyinfo) {
  for (const auto& p : lotl.scheme.pointers) {
    for (const auto& id : p.identities) {
      for (const auto& c : id.certificates) {
        for (const auto& k : keyinfo) {
          if (c.blob.der() == k) {
            return "the signer is in the pointer for " + p.territory;
          }
        }
      }
    }
  }
  return "";
}

// A national list against the caller's own signers (ListSetRequest::tl_signers).
void verify_tl_with_signers(Item& item, const trust::TrustedSet& signers) {
  trust::SignatureRequest req;
  req.trusted = &signers;
  req.require_v2 = item.result.list->scheme.version >= 6 ? trust::RequireSigningCertV2::kYes
                                                           : trust::RequireSigningCertV2::kNo;
  req.untrusted_reason = &reasons::kSignerNotGiven;
  trust::apply_signature(item, trust::check_item_signature(item, req));
}

void verify_tl(Item& item, const VerifiedList* lotl) {
  const tsl::TrustedList& tl = *item.result.list;
  auto& reasons = item.result.reasons;
  if (lotl == nullptr || !lotl->list) {
    reasons.push_back(reasons::make(reasons::kNoLotl));
    return;
  }
  const tsl::TrustedList& l = *lotl->list;
  std::string label = "pointer " + tl.scheme.territory + " in LOTL " + std::to_string(l.scheme.sequence_number);
  trust::TrustedSet trusted;
  bool territory_found = false;
  for (const auto& p : l.scheme.pointers) {
    if (!same_territory(p.territory, tl.scheme.territory) || tsl::is_list_of_lists(p.tsl_type)) {
      continue;
    }
    territory_found = true;
    if (same_type(p, tl) && is_xml_pointer(p)) {
      trust::add_pointer_certificates(trusted, p, label);
    }
  }
  if (!territory_found) {
    reasons.push_back(reasons::make(reasons::kNoPointer, "territory " + tl.scheme.territory));
  } else if (trusted.empty()) {
    reasons.push_back(reasons::make(reasons::kTslTypeMismatch, tl.scheme.tsl_type_uri));
  }
  trust::SignatureRequest req;
  req.trusted = &trusted;
  req.require_v2 = tl.scheme.version >= 6 ? trust::RequireSigningCertV2::kYes : trust::RequireSigningCertV2::kNo;
  req.untrusted_reason = &reasons::kSignerNotInPointer;
  trust::SignatureCheck check = trust::check_item_signature(item, req);
  if (check.outcome == Outcome::kFail && check.info.matched.empty()) {
    std::string where = listed_elsewhere(l, check.keyinfo_certificates);
    for (auto& r : check.reasons) {
      if (r.code == reasons::kSignerNotInPointer.code && !where.empty()) {
        r.message += ": " + where;
      }
    }
  }
  trust::apply_signature(item, std::move(check));
  if (lotl->status != ListStatus::kValid) {
    reasons.push_back(reasons::make(reasons::kLotlNotValid, "LOTL " + std::to_string(l.scheme.sequence_number) +
                                                                " is " + std::string(to_string(lotl->status))));
  }
}

}  // namespace

ListSetResult verify_list_set(std::vector<ListSetInput> inputs, const ListSetRequest& request) {
  std::vector<Item> items(inputs.size());
  const std::vector<std::size_t> order = largest_first(inputs);
  std::function<void(std::size_t)> populate;
  if (request.worker_memory == WorkerMemory::kPopulate) {
    const std::size_t per_byte = trust::heap_bytes_per_xml_byte(request.services);
    populate = [&inputs, per_byte](std::size_t i) { trust::populate_heap(per_byte * input_size(inputs[i])); };
  }
  parallel_for(
      order, request.threads, [&](std::size_t i) { parse_one(inputs[i], items[i], request.services); }, populate);

  // The newest list of lists is the LOTL; older ones are pivot candidates. With a
  // LOTL verified before, lists of lists are not looked at (see ListSetRequest).
  std::optional<std::size_t> lotl;
  for (std::size_t i = 0; i < items.size() && !request.verified_lotl; ++i) {
    if (items[i].result.list && items[i].result.kind == ListKind::kPivot &&
        (!lotl || items[i].result.list->scheme.sequence_number >
                      items[*lotl].result.list->scheme.sequence_number)) {
      lotl = i;
    }
  }
  if (lotl) {
    Item& L = items[*lotl];
    L.result.kind = ListKind::kLotl;
    const std::vector<tsl::Bytes>& anchors =
        request.lotl_anchors_later.valid() ? request.lotl_anchors_later.get() : request.lotl_anchors;
    trust::ChainTrust chain(trust::anchor_set(anchors));
    trust::anchor_lotl(items, *lotl, request, chain);
    trust::check_freshness(*L.result.list, ListKind::kLotl, request.at, L.result.reasons, L.result.warnings);
    L.result.status = trust::status_from(L.result.reasons);
    // Lists of lists that the chain did not walk: verified against the anchors and
    // the verified chain lists older than them.
    for (std::size_t i = 0; i < items.size(); ++i) {
      Item& P = items[i];
      if (i == *lotl || P.result.kind != ListKind::kPivot) {
        continue;
      }
      if (!P.on_chain) {
        trust::check_off_chain(P, chain);
      }
      trust::check_freshness(*P.result.list, ListKind::kPivot, request.at, P.result.reasons, P.result.warnings);
      P.result.status = trust::status_from(P.result.reasons);
    }
  }
  const VerifiedList* lotl_list = request.verified_lotl ? request.verified_lotl.get()
                                  : lotl                ? &items[*lotl].result
                                                        : nullptr;
  const trust::TrustedSet caller_signers = trust::caller_signer_set(request.tl_signers);
  parallel_for(order, request.threads, [&](std::size_t i) {
    Item& item = items[i];
    if (item.result.list && item.result.kind == ListKind::kTl) {
      if (request.tl_signers.empty()) {
        verify_tl(item, lotl_list);
      } else {
        verify_tl_with_signers(item, caller_signers);
      }
      trust::check_freshness(*item.result.list, ListKind::kTl, request.at, item.result.reasons,
                              item.result.warnings);
    }
    if (item.result.list && item.result.kind == ListKind::kPivot && request.verified_lotl) {
      item.result.reasons.push_back(reasons::make(reasons::kNoLotl, "lists of lists are verified with the LOTL"));
    }
    if (item.result.kind == ListKind::kTl || request.verified_lotl) {
      item.result.status = trust::status_from(item.result.reasons);
    }
    item.doc.reset();
  });

  ListSetResult out;
  out.lotl = lotl;
  out.lists.reserve(items.size());
  for (auto& item : items) {
    out.lists.push_back(std::move(item.result));
  }
  return out;
}

}  // namespace eutl::verify
