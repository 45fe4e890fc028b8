// Freshness and consistency of one list at the validation time.
#include <string>

#include "eutl/verify/list_freshness.h"
#include "verify/detail/list_set_internal.h"
#include "verify/reasons.h"

namespace eutl::verify::trust {

void check_freshness(const tsl::TrustedList& list, ListKind kind, tsl::TimePoint at, std::vector<Reason>& reasons,
                     std::vector<Reason>& warnings) {
  const auto& s = list.scheme;
  // TS 119 612 V2.4.1 §5.3.1: TSLVersionIdentifier is 5 (V2.x) or 6 (V2.3.1 and later).
  if (s.version != 5 && s.version != 6) {
    reasons.push_back(reasons::make(reasons::kVersionUnsupported, "version " + std::to_string(s.version)));
  }
  if (kind == ListKind::kPivot) {
    // Pivots are history: their NextUpdate passed long ago by design.
    return;
  }
  // §5.3.14: a list is not in force before it was issued.
  if (s.issue_date > at) {
    reasons.push_back(reasons::make(reasons::kIssuedInFuture, "issued " + tsl::format_time(s.issue_date) +
                                                                  ", validation time " + tsl::format_time(at)));
  }
  // §5.3.15: after NextUpdate the list is expired; no NextUpdate means a closed list.
  if (!s.next_update) {
    warnings.push_back(reasons::make(reasons::kClosedList));
  } else if (past_next_update(s.next_update, at)) {
    reasons.push_back(reasons::make(reasons::kExpired, "NextUpdate " + tsl::format_time(*s.next_update)));
  }
}

ListStatus status_from(const std::vector<Reason>& reasons) {
  auto worst = reasons::Severity::kWarning;
  for (const auto& r : reasons) {
    worst = std::max(worst, reasons::severity_of(r.code));
  }
  switch (worst) {
    case reasons::Severity::kWarning:
      return ListStatus::kValid;
    case reasons::Severity::kExpired:
      return ListStatus::kExpired;
    case reasons::Severity::kIndeterminate:
      return ListStatus::kIndeterminate;
    case reasons::Severity::kInvalid:
      break;
  }
  return ListStatus::kInvalid;
}

void add_pointer_certificates(TrustedSet& set, const tsl::OtherTslPointer& pointer, const std::string& label) {
  for (const auto& id : pointer.identities) {
    for (const auto& c : id.certificates) {
      add_trusted(set, c.blob.der(), label);
    }
  }
}

TrustedSet anchor_set(const std::vector<tsl::Bytes>& anchors) {
  TrustedSet set;
  for (const auto& a : anchors) {
    add_trusted(set, a, "anchor " + tsl::to_hex(tsl::sha256(a)));
  }
  return set;
}

TrustedSet caller_signer_set(const std::vector<tsl::Bytes>& signers) {
  TrustedSet set;
  for (const auto& c : signers) {
    add_trusted(set, c, std::string(kCallerSignerLabel) + tsl::to_hex(tsl::sha256(c)));
  }
  return set;
}

SignatureCheck check_item_signature(const Item& item, const SignatureRequest& request) {
  return check_list_signature(item.prepared, request, item.doc ? &*item.doc : nullptr);
}

void apply_signature(Item& item, SignatureCheck check) {
  item.result.signature = std::move(check.info);
  for (auto& r : check.reasons) {
    item.result.reasons.push_back(std::move(r));
  }
}

}  // namespace eutl::verify::trust
