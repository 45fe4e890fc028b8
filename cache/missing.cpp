// Territories pointed to by the LOTL in use with no list in use.
#include "cache/decide.h"
#include "cache/model_cache_file.h"
#include "eutl/cache/issuer_scope.h"
#include "eutl/tsl/parser.h"

namespace eutl::cache {

namespace detail {

std::vector<std::string> present_territories(const std::vector<ListRecord>& lists) {
  std::vector<std::string> out;
  for (const ListRecord& l : lists) {
    if (l.in_use != InUse::kNone && l.in_use_digest) {
      out.push_back(l.territory);
    }
  }
  return out;
}

}  // namespace detail

Result<std::vector<verify::MissingTerritory>> missing_territories(const Store& store, const Snapshot& snapshot) {
  if (snapshot.lotl.in_use == InUse::kNone || !snapshot.lotl.in_use_digest) {
    return std::vector<verify::MissingTerritory>{};  // no LOTL: nothing is pointed to
  }
  const std::vector<std::string> present = detail::present_territories(snapshot.lists);
  // The LOTL's head in the snapshot's model cache, when the file matches the snapshot:
  // its pointers as parsed from the same bytes, without parsing the XML again (`eutl
  // serve` answers GET /v1/status from here at every request).
  const IssuerScope heads_only = IssuerScope::of({});
  if (auto cached = detail::read_model_cache(store, snapshot, &heads_only, nullptr, detail::OtherPointers::kDropped)) {
    for (const verify::VerifiedList& v : cached->lists) {
      if (v.kind == verify::ListKind::kLotl && v.list && v.digest == *snapshot.lotl.in_use_digest) {
        return verify::missing_territories(*v.list, present);
      }
    }
  }
  auto bytes = store.read_blob(*snapshot.lotl.in_use_digest);
  if (!bytes) {
    return bytes.error();
  }
  auto lotl = tsl::parse_trusted_list(*bytes, snapshot.lotl.url);
  if (!lotl) {
    return lotl.error();
  }
  return verify::missing_territories(*lotl, present);
}

}  // namespace eutl::cache
