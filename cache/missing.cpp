// Territories pointed to by the LOTL in use with no list in use.
#include "cache/decide.h"
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
  auto bytes = store.read_blob(*snapshot.lotl.in_use_digest);
  if (!bytes) {
    return bytes.error();
  }
  auto lotl = tsl::parse_trusted_list(*bytes, snapshot.lotl.url);
  if (!lotl) {
    return lotl.error();
  }
  return verify::missing_territories(*lotl, detail::present_territories(snapshot.lists));
}

}  // namespace eutl::cache
