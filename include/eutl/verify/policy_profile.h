// Certificate policy OIDs mapped to the profiles they name: EN 319 411-1 (Part 1,
// non-qualified), EN 319 411-2 (Part 2, qualified), the legacy TS 101 456 QCP/QCP+
// and the CA/Browser Forum reserved policies.
//
// A policy is what the CA *says*. A Part 1 profile never makes a certificate
// qualified, and a Part 2 OID alone does not either: only the trusted list does
// (TS 119 615; see qualification.h). This file only names what the OIDs are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eutl::verify {

enum class PolicyFamily { kEn319411Part1, kEn319411Part2, kTs101456, kCabForum };
std::string_view to_string(PolicyFamily f);  // "EN 319 411-1" / "EN 319 411-2" / "TS 101 456" / "CA/B Forum"

enum class PolicyProfile {
  // EN 319 411-1 V1.4.1 §5.3 (arc 0.4.0.2042.1)
  kNcp, kNcpPlus, kLcp, kEvcp, kDvcp, kOvcp, kIvcp,
  // EN 319 411-2 V2.5.1 §5.3 (arc 0.4.0.194112.1)
  kQcpN, kQcpL, kQcpNQscd, kQcpLQscd, kQevcpW, kQncpW, kQncpWGen,
  // TS 101 456 (legacy, pre-eIDAS)
  kQcp, kQcpPlus,
  // CA/Browser Forum BR §7.1.6.1, EVG, CSBR, SBR
  kCabEv, kCabDv, kCabOv, kCabIv, kCabEvCodeSigning, kCabCodeSigning, kCabTimeStamping, kCabSmime, kCabOnionEv,
};

struct PolicyInfo final {
  std::string_view oid;  // dotted; for S/MIME the prefix 2.23.140.1.5
  PolicyProfile profile;
  std::string_view name;  // "QCP-n-qscd", "OVCP", "CABF-EV"…
  PolicyFamily family;
};

std::string_view to_string(PolicyProfile p);
PolicyFamily family_of(PolicyProfile p);
// The profile an OID names; nullopt for an OID outside these standards.
std::optional<PolicyProfile> classify_policy(std::string_view oid);
// Case-insensitive profile name ("QCP-n", "qncp-w-gen", "QCP-w" = QEVCP-w).
std::optional<PolicyProfile> policy_profile_from_name(std::string_view name);
// The dotted OID of a profile (S/MIME: the generic prefix).
std::string_view policy_oid(PolicyProfile p);

struct PolicyMatch final {
  std::string oid;
  PolicyProfile profile;
};
// Every recognised profile among `oids`, in certificate order.
std::vector<PolicyMatch> policy_profiles(const std::vector<std::string>& oids);

// EN 319 411-2 profiles whose certificates are meant to be QCs with a QSCD, and the
// type each one is for. Used for claims and the crosswalk, never to grant status.
bool requires_qscd(PolicyProfile p);
bool is_web_profile(PolicyProfile p);

}  // namespace eutl::verify
