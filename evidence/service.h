// Internal: the services an evidence record rests on, each with its full status
// history (the timeline of periods) and which period applied at which time.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "evidence/json.h"

namespace eutl::evidence::detail {

class ServiceTable final {
 public:
  ServiceTable(const tsl::ServiceIndex& index, const std::vector<verify::VerifiedList>& lists)
      : m_index(index), m_lists(lists) {}

  // One result (at issuance, at T, overall); registers its service period as applied at `label`.
  json result(const verify::QualificationAtTime& r, const std::string& label);
  // Every service referenced by a result, in first-use order.
  json to_json() const;

 private:
  json service_json(std::uint32_t id, const std::set<std::pair<std::string, std::string>>& applied) const;

  const tsl::ServiceIndex& m_index;
  const std::vector<verify::VerifiedList>& m_lists;
  std::vector<std::uint32_t> m_order;  // index ids, first use first
  // per service id: (period key, label) pairs; period key "current" or "history N"
  std::map<std::uint32_t, std::set<std::pair<std::string, std::string>>> m_applied;
  // per (service id, period key): the qualifiers the decision captured there
  std::map<std::pair<std::uint32_t, std::string>, std::vector<std::string>> m_captured;
};

// "current" or "history N": which ServiceInformation a period is.
std::string period_key(const std::optional<std::size_t>& history_index);

json criteria_json(const tsl::CriteriaList& c);

}  // namespace eutl::evidence::detail
