#include "eutl/verify/trace.h"

namespace eutl::verify {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kIndeterminate: return "indeterminate";
    case Outcome::kWarning: return "warning";
  }
  return "indeterminate";
}

void Trace::add(const RuleInfo& rule, Outcome outcome, std::string subject, std::string detail) {
  m_entries.push_back(TraceEntry{std::string(rule.id), std::string(rule.clause), outcome, std::move(subject),
                                 std::move(detail)});
}

void Trace::append(const Trace& other) {
  m_entries.insert(m_entries.end(), other.m_entries.begin(), other.m_entries.end());
}

const TraceEntry* Trace::headline() const noexcept {
  for (const auto& e : m_entries) {
    if (e.outcome == Outcome::kFail) {
      return &e;
    }
  }
  for (const auto& e : m_entries) {
    if (e.outcome == Outcome::kIndeterminate) {
      return &e;
    }
  }
  return nullptr;
}

bool Trace::has(std::string_view rule_id) const noexcept {
  for (const auto& e : m_entries) {
    if (e.rule_id == rule_id) {
      return true;
    }
  }
  return false;
}

bool Trace::has(std::string_view rule_id, Outcome outcome) const noexcept {
  for (const auto& e : m_entries) {
    if (e.rule_id == rule_id && e.outcome == outcome) {
      return true;
    }
  }
  return false;
}

}  // namespace eutl::verify
