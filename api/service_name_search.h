// `eutl list --name TEXT`: the services whose provider or own name contains TEXT,
// in any language the list gives, ignoring case and diacritics (eutl/tsl/name_fold.h).
// Internal to the service listing (include/eutl/service_list.h).
// Names searched: TSPName and TSPTradeName (ETSI TS 119 612 V2.4.1 §5.4.1, §5.4.2)
// and ServiceName (§5.5.2), every language of each.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "eutl/trusted_lists.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/model.h"
#include "eutl/tsl/service_index.h"

namespace eutl::detail {

class NameSearch final {
 public:
  // `lists` must outlive the search (it points into their parsed lists).
  NameSearch(const eutl::TrustedLists& lists, std::string_view text);

  bool matches(const tsl::IndexedService& service) const;

 private:
  bool any_contains(const tsl::MultiLangString& names) const;

  std::string m_needle;  // folded
  std::map<tsl::Sha256, const tsl::TrustedList*> m_lists;  // by the digest of their bytes
};

}  // namespace eutl::detail
