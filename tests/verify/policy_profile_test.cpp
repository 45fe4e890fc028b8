#include "eutl/verify/policy_profile.h"

#include <gtest/gtest.h>

namespace eutl::verify {
namespace {

// OIDs from EN 319 411-1 §5.3, EN 319 411-2 §5.3, TS 101 456 and CA/B Forum BR §7.1.6.1 (docs §3.2).
struct Row {
  const char* oid;
  const char* name;
  PolicyFamily family;
};
constexpr Row kRows[] = {
    {"0.4.0.2042.1.1", "NCP", PolicyFamily::kEn319411Part1},   {"0.4.0.2042.1.2", "NCP+", PolicyFamily::kEn319411Part1},
    {"0.4.0.2042.1.3", "LCP", PolicyFamily::kEn319411Part1},   {"0.4.0.2042.1.4", "EVCP", PolicyFamily::kEn319411Part1},
    {"0.4.0.2042.1.6", "DVCP", PolicyFamily::kEn319411Part1},  {"0.4.0.2042.1.7", "OVCP", PolicyFamily::kEn319411Part1},
    {"0.4.0.2042.1.8", "IVCP", PolicyFamily::kEn319411Part1},  {"0.4.0.194112.1.0", "QCP-n", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.1", "QCP-l", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.2", "QCP-n-qscd", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.3", "QCP-l-qscd", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.4", "QEVCP-w", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.5", "QNCP-w", PolicyFamily::kEn319411Part2},
    {"0.4.0.194112.1.6", "QNCP-w-gen", PolicyFamily::kEn319411Part2},
    {"0.4.0.1456.1.2", "QCP", PolicyFamily::kTs101456},        {"0.4.0.1456.1.1", "QCP+", PolicyFamily::kTs101456},
    {"2.23.140.1.1", "CABF-EV", PolicyFamily::kCabForum},      {"2.23.140.1.2.2", "CABF-OV", PolicyFamily::kCabForum},
};

TEST(PolicyProfile, ClassifiesEveryListedOid) {
  for (const Row& r : kRows) {
    auto p = classify_policy(r.oid);
    ASSERT_TRUE(p.has_value()) << r.oid;
    EXPECT_EQ(to_string(*p), r.name) << r.oid;
    EXPECT_EQ(family_of(*p), r.family) << r.oid;
    EXPECT_EQ(policy_oid(*p), r.oid);
  }
}

TEST(PolicyProfile, UnknownOidIsNotAProfile) {
  EXPECT_FALSE(classify_policy("1.2.3.4").has_value());
  EXPECT_FALSE(classify_policy("0.4.0.2042.1.5").has_value());  // not assigned
}

TEST(PolicyProfile, SmimeGenerationsAreCabForum) {
  EXPECT_EQ(classify_policy("2.23.140.1.5.4.2"), PolicyProfile::kCabSmime);
}

TEST(PolicyProfile, NamesParseCaseInsensitivelyAndQcpWIsQevcpW) {
  EXPECT_EQ(policy_profile_from_name("qncp-w-gen"), PolicyProfile::kQncpWGen);
  EXPECT_EQ(policy_profile_from_name("QCP-w"), PolicyProfile::kQevcpW);
  EXPECT_FALSE(policy_profile_from_name("QCP-x").has_value());
}

TEST(PolicyProfile, ProfilesKeepCertificateOrder) {
  auto m = policy_profiles({"1.2.3", "0.4.0.2042.1.7", "0.4.0.194112.1.5"});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].profile, PolicyProfile::kOvcp);
  EXPECT_EQ(m[1].profile, PolicyProfile::kQncpW);
  EXPECT_TRUE(requires_qscd(PolicyProfile::kQcpLQscd));
  EXPECT_FALSE(requires_qscd(PolicyProfile::kQcpL));
}

}  // namespace
}  // namespace eutl::verify
