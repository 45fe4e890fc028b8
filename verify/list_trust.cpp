// Who vouched for a list's signer (include/eutl/verify/list_set.h, ListTrust).
#include "eutl/verify/list_set.h"
#include "verify/detail/list_set_internal.h"

namespace eutl::verify {

std::string_view to_string(ListTrust t) {
  switch (t) {
    case ListTrust::kOfficialJournal:
      return "official-journal";
    case ListTrust::kLotl:
      return "lotl";
    case ListTrust::kCallerSigner:
      return "caller-signer";
    case ListTrust::kNone:
      break;
  }
  return "none";
}

ListTrust trust_of(const VerifiedList& v) {
  const std::string& matched = v.signature.matched;
  if (matched.empty()) {
    return ListTrust::kNone;
  }
  if (v.kind != ListKind::kTl) {
    return ListTrust::kOfficialJournal;
  }
  return matched.starts_with(trust::kCallerSignerLabel) ? ListTrust::kCallerSigner : ListTrust::kLotl;
}

}  // namespace eutl::verify
