// The decision trace: an append-only list of what each rule looked at and
// what it concluded. Entries keep the ETSI clause of the rule so a reader (or an
// auditor, via the evidence record) can follow the decision step by step.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eutl::verify {

// The outcome of one rule (verify/rules/): the one tri-state every rule returns and
// every trace entry records. kWarning is not a verdict: it records a consistency note
// (TS 119 615 "WARN" level) that did not change the result. The other three-way
// enums are answers to distinct questions and are mapped from this one in one place
// each (include/eutl/verify/qualification.h): Tri (a fact: true / false / unknown),
// QualStatus (the decision for an instant), Verdict (the answer to a claim);
// ListStatus (list_set.h) is a list's acceptability, a four-way scale of its own.
enum class Outcome : std::uint8_t { kPass, kFail, kIndeterminate, kWarning };
std::string_view to_string(Outcome o);  // "pass" / "fail" / "indeterminate" / "warning"

// A rule's stable identity: id, the clause it implements, one line.
// The base of the rule table entries (verify/rules/rules.h).
struct RuleInfo {
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

// Where a rule records what it did. Rules take a TraceSink& (never null): the decision
// passes its Trace, a caller that wants only the value passes a DiscardTrace.
class TraceSink {
 public:
  virtual void add(const RuleInfo& rule, Outcome outcome, std::string subject, std::string detail) = 0;

 protected:
  TraceSink() = default;
  TraceSink(const TraceSink&) = default;
  TraceSink& operator=(const TraceSink&) = default;
  ~TraceSink() = default;
};

// Drops every entry (a rule evaluated only for its value, e.g. to compare services).
class DiscardTrace final : public TraceSink {
 public:
  void add(const RuleInfo&, Outcome, std::string, std::string) override {}
};

class Trace final : public TraceSink {
 public:
  void add(const RuleInfo& rule, Outcome outcome, std::string subject, std::string detail) override;
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
