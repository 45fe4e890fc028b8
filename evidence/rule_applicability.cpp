// Which trace entries decide nothing for the claim (see rule_applicability.h).
#include "evidence/rule_applicability.h"
#include "evidence/detail/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace eutl::evidence::detail {
namespace {

// The claim as asked ("qwac", "qcp-n-qscd", ...), lower case; empty without one.
std::string claim_of(const json& rec) {
  if (!rec.is_object()) {
    return "";
  }
  const json results = rec.value("results", json::object());
  const json claim = results.is_object() ? results.value("claim", json()) : json();
  return claim.is_object() && claim.value("claim", json()).is_string() ? ascii_lower(claim["claim"].get<std::string>())
                                                                         : std::string();
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// QES, a qualified seal, the "-qscd" policies and TS 101 456 QCP+ (SSCD) need a QSCD;
// nothing else does.
bool needs_qscd(const std::string& claim) {
  return claim == "qes" || claim == "qseal" || claim == "qcp+" || ends_with(claim, "-qscd");
}

// Website authentication: the qwac claim and the EN 319 411-2 web policies (QCP-w is
// the earlier name of QEVCP-w).
bool asks_for_qwac(const std::string& claim) {
  return claim == "qwac" || claim == "qevcp-w" || claim == "qcp-w" || claim == "qncp-w" || claim == "qncp-w-gen";
}

struct Applicability final {
  std::string_view rule;
  bool (*applies)(const std::string& claim);
  std::string_view why;
};

constexpr std::array kTable{
    Applicability{"QSCD", needs_qscd,
                  "the claim needs no QSCD, so its absence is a fact, not a failure (EN 319 412-5 V2.4.1 §4.2.2; "
                  "TS 119 615 §4.5(c))"},
    Applicability{"CRITERIA-LIST", [](const std::string&) { return false; },
                  "the criteria of this Qualification element do not select the certificate, so its qualifiers do "
                  "not apply to it (TS 119 612 V2.4.1 §5.5.9.2.1)"},
    Applicability{"QWAC", asks_for_qwac,
                  "only a website-authentication claim asks for a QWAC (TS 119 411-5 V1.1.1 §4)"},
};

}  // namespace

std::optional<std::string> not_applicable_because(const json& rec, const json& entry) {
  if (!entry.is_object() || entry.value("outcome", std::string()) != "fail") {
    return std::nullopt;
  }
  const std::string rule = entry.value("rule", std::string());
  const std::string claim = claim_of(rec);
  for (const Applicability& a : kTable) {
    if (a.rule == rule && !a.applies(claim)) {
      return std::string(a.why);
    }
  }
  return std::nullopt;
}

}  // namespace eutl::evidence::detail
