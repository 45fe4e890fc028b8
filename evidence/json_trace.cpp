// The JSON shape of a rule trace and of list reasons (evidence/json_shapes.h), for
// `eutl check --json`, `eutl check-site --json` and the evidence record alike.
#include "evidence/detail/json_shapes.h"

namespace eutl::evidence::detail {

using nlohmann::json;

json trace_json(const verify::Trace& trace) {
  json out = json::array();
  for (const auto& e : trace.entries()) {
    out.push_back({{"rule", e.rule_id},
                   {"clause", e.clause},
                   {"outcome", verify::to_string(e.outcome)},
                   {"subject", e.subject},
                   {"detail", e.detail}});
  }
  return out;
}

json reasons_json(const std::vector<verify::Reason>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) {
    out.push_back({{"code", r.code}, {"message", r.message}});
  }
  return out;
}

}  // namespace eutl::evidence::detail
