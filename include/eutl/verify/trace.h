// The decision trace: an append-only list of what each rule looked at and
// what it concluded. Entries keep the ETSI clause of the rule so a reader (or an
// auditor, via the evidence record) can follow the decision step by step.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eutl::verify {

// Tri-state check outcome. kWarning is not a verdict: it records a
// consistency note (TS 119 615 "WARN" level) that did not change the result.
enum class Outcome : std::uint8_t { kPass, kFail, kIndeterminate, kWarning };
std::string_view to_string(Outcome o);  // "pass" / "fail" / "indeterminate" / "warning"

// A rule's stable identity: id, the clause it implements, one line.
struct RuleInfo final {
  std::string_view id;
  std::string_view clause;
  std::string_view summary;
};

struct TraceEntry final {
  std::string rule_id;
  std::string clause;
  Outcome outcome = Outcome::kPass;
  std::string subject;  // what the rule looked at: "certificate", "AT/3/1 current", "at issuance"…
  std::string detail;   // the inputs and the conclusion, in plain words
};

class Trace final {
 public:
  void add(const RuleInfo& rule, Outcome outcome, std::string subject, std::string detail);
  // Appends every entry of `other` (used to merge a per-time trace into the whole).
  void append(const Trace& other);

  const std::vector<TraceEntry>& entries() const noexcept { return m_entries; }
  bool empty() const noexcept { return m_entries.empty(); }
  // The first kFail entry, else the first kIndeterminate one (xmlsec's MarkAsFailed):
  // the headline reason. nullptr when everything passed.
  const TraceEntry* headline() const noexcept;
  // True when some entry has this rule id (and, when given, this outcome).
  bool has(std::string_view rule_id) const noexcept;
  bool has(std::string_view rule_id, Outcome outcome) const noexcept;

 private:
  std::vector<TraceEntry> m_entries;
};

}  // namespace eutl::verify
