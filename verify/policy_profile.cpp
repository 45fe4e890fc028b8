#include "eutl/verify/policy_profile.h"

#include <array>
#include <cctype>

namespace eutl::verify {
namespace {

// EN 319 411-1 V1.4.1 §5.3, EN 319 411-2 V2.5.1 §5.3, TS 101 456 V1.4.3 §5.2 and the
// CA/B Forum reserved arc 2.23.140.1 (BR §7.1.6.1; EVG §9.3; CSBR §7.1.6; SBR §7.1.6.1).
constexpr std::array kPolicies{
    PolicyInfo{"0.4.0.2042.1.1", PolicyProfile::kNcp, "NCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.2", PolicyProfile::kNcpPlus, "NCP+", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.3", PolicyProfile::kLcp, "LCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.4", PolicyProfile::kEvcp, "EVCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.6", PolicyProfile::kDvcp, "DVCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.7", PolicyProfile::kOvcp, "OVCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.2042.1.8", PolicyProfile::kIvcp, "IVCP", PolicyFamily::kEn319411Part1},
    PolicyInfo{"0.4.0.194112.1.0", PolicyProfile::kQcpN, "QCP-n", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.1", PolicyProfile::kQcpL, "QCP-l", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.2", PolicyProfile::kQcpNQscd, "QCP-n-qscd", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.3", PolicyProfile::kQcpLQscd, "QCP-l-qscd", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.4", PolicyProfile::kQevcpW, "QEVCP-w", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.5", PolicyProfile::kQncpW, "QNCP-w", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.194112.1.6", PolicyProfile::kQncpWGen, "QNCP-w-gen", PolicyFamily::kEn319411Part2},
    PolicyInfo{"0.4.0.1456.1.2", PolicyProfile::kQcp, "QCP", PolicyFamily::kTs101456},
    PolicyInfo{"0.4.0.1456.1.1", PolicyProfile::kQcpPlus, "QCP+", PolicyFamily::kTs101456},
    PolicyInfo{"2.23.140.1.1", PolicyProfile::kCabEv, "CABF-EV", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.2.1", PolicyProfile::kCabDv, "CABF-DV", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.2.2", PolicyProfile::kCabOv, "CABF-OV", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.2.3", PolicyProfile::kCabIv, "CABF-IV", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.3", PolicyProfile::kCabEvCodeSigning, "CABF-EV-CS", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.4.1", PolicyProfile::kCabCodeSigning, "CABF-CS", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.4.2", PolicyProfile::kCabTimeStamping, "CABF-CS-TS", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.1.5", PolicyProfile::kCabSmime, "CABF-SMIME", PolicyFamily::kCabForum},
    PolicyInfo{"2.23.140.31", PolicyProfile::kCabOnionEv, "CABF-ONION-EV", PolicyFamily::kCabForum},
};

const PolicyInfo* info_of(PolicyProfile p) {
  for (const auto& i : kPolicies) {
    if (i.profile == p) {
      return &i;
    }
  }
  return nullptr;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view to_string(PolicyFamily f) {
  switch (f) {
    case PolicyFamily::kEn319411Part1: return "EN 319 411-1";
    case PolicyFamily::kEn319411Part2: return "EN 319 411-2";
    case PolicyFamily::kTs101456: return "TS 101 456";
    case PolicyFamily::kCabForum: return "CA/B Forum";
  }
  return "?";
}

std::string_view to_string(PolicyProfile p) {
  const PolicyInfo* i = info_of(p);
  return i != nullptr ? i->name : "?";
}

PolicyFamily family_of(PolicyProfile p) {
  const PolicyInfo* i = info_of(p);
  return i != nullptr ? i->family : PolicyFamily::kCabForum;
}

std::string_view policy_oid(PolicyProfile p) {
  const PolicyInfo* i = info_of(p);
  return i != nullptr ? i->oid : "";
}

std::optional<PolicyProfile> classify_policy(std::string_view oid) {
  for (const auto& i : kPolicies) {
    if (i.oid == oid) {
      return i.profile;
    }
  }
  // CA/B Forum S/MIME: 2.23.140.1.5.<type>.<generation>.
  constexpr std::string_view kSmimePrefix = "2.23.140.1.5.";
  if (oid.substr(0, kSmimePrefix.size()) == kSmimePrefix) {
    return PolicyProfile::kCabSmime;
  }
  return std::nullopt;
}

std::optional<PolicyProfile> policy_profile_from_name(std::string_view name) {
  if (iequals(name, "QCP-w")) {
    return PolicyProfile::kQevcpW;  // EN 319 411-2 earlier name of QEVCP-w
  }
  for (const auto& i : kPolicies) {
    if (iequals(i.name, name)) {
      return i.profile;
    }
  }
  return std::nullopt;
}

std::vector<PolicyMatch> policy_profiles(const std::vector<std::string>& oids) {
  std::vector<PolicyMatch> out;
  for (const auto& o : oids) {
    if (auto p = classify_policy(o)) {
      out.push_back(PolicyMatch{o, *p});
    }
  }
  return out;
}

bool requires_qscd(PolicyProfile p) {
  return p == PolicyProfile::kQcpNQscd || p == PolicyProfile::kQcpLQscd || p == PolicyProfile::kQcpPlus;
}

bool is_web_profile(PolicyProfile p) {
  return p == PolicyProfile::kQevcpW || p == PolicyProfile::kQncpW || p == PolicyProfile::kQncpWGen;
}

}  // namespace eutl::verify
