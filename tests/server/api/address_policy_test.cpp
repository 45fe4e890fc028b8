// The address classes of POST /v1/check-site, table-driven: every refused range at its
// edges and inside, their IPv4-mapped IPv6 forms, and public neighbours just outside.
#include "server/api/address_policy.h"

#include <gtest/gtest.h>

namespace eutl::server {
namespace {

struct Case {
  const char* literal;
  AddressClass want;
};

constexpr Case kCases[] = {
    // IPv4 refused ranges.
    {"0.0.0.0", AddressClass::kUnspecified},
    {"0.255.255.255", AddressClass::kUnspecified},
    {"127.0.0.1", AddressClass::kLoopback},
    {"127.255.255.254", AddressClass::kLoopback},
    {"10.0.0.1", AddressClass::kPrivate},
    {"10.255.255.255", AddressClass::kPrivate},
    {"172.16.0.1", AddressClass::kPrivate},
    {"172.31.255.255", AddressClass::kPrivate},
    {"192.168.0.1", AddressClass::kPrivate},
    {"192.168.255.255", AddressClass::kPrivate},
    {"169.254.0.1", AddressClass::kLinkLocal},
    {"169.254.169.254", AddressClass::kLinkLocal},  // cloud metadata services
    {"100.64.0.1", AddressClass::kShared},
    {"100.127.255.255", AddressClass::kShared},
    {"224.0.0.1", AddressClass::kMulticast},
    {"239.255.255.255", AddressClass::kMulticast},
    {"240.0.0.1", AddressClass::kReserved},
    {"255.255.255.255", AddressClass::kReserved},
    // IPv4 public neighbours.
    {"1.1.1.1", AddressClass::kPublic},
    {"9.255.255.255", AddressClass::kPublic},
    {"11.0.0.1", AddressClass::kPublic},
    {"126.255.255.255", AddressClass::kPublic},
    {"128.0.0.1", AddressClass::kPublic},
    {"172.15.255.255", AddressClass::kPublic},
    {"172.32.0.1", AddressClass::kPublic},
    {"192.167.255.255", AddressClass::kPublic},
    {"192.169.0.1", AddressClass::kPublic},
    {"169.253.255.255", AddressClass::kPublic},
    {"169.255.0.1", AddressClass::kPublic},
    {"100.63.255.255", AddressClass::kPublic},
    {"100.128.0.1", AddressClass::kPublic},
    {"223.255.255.255", AddressClass::kPublic},
    {"193.0.0.1", AddressClass::kPublic},
    // IPv6.
    {"::", AddressClass::kUnspecified},
    {"::1", AddressClass::kLoopback},
    {"fc00::1", AddressClass::kPrivate},
    {"fdff:ffff::1", AddressClass::kPrivate},
    {"fec0::1", AddressClass::kPrivate},
    {"fe80::1", AddressClass::kLinkLocal},
    {"febf::1", AddressClass::kLinkLocal},
    {"ff02::1", AddressClass::kMulticast},
    {"2001:db8::1", AddressClass::kPublic},
    {"2a00:1450:4001::1", AddressClass::kPublic},
    {"fbff::1", AddressClass::kPublic},
    {"::2", AddressClass::kPublic},
    // IPv4-mapped IPv6 is classed as its IPv4 address.
    {"::ffff:127.0.0.1", AddressClass::kLoopback},
    {"::ffff:10.1.2.3", AddressClass::kPrivate},
    {"::ffff:192.168.1.1", AddressClass::kPrivate},
    {"::ffff:169.254.169.254", AddressClass::kLinkLocal},
    {"::ffff:100.64.0.1", AddressClass::kShared},
    {"::ffff:0.0.0.0", AddressClass::kUnspecified},
    {"::ffff:7f00:1", AddressClass::kLoopback},
    {"::ffff:8.8.8.8", AddressClass::kPublic},
    // Not address literals.
    {"", AddressClass::kInvalid},
    {"localhost", AddressClass::kInvalid},
    {"127.1", AddressClass::kInvalid},
    {"[::1]", AddressClass::kInvalid},
    {"1.2.3.4.5", AddressClass::kInvalid},
    {"fe80::1%eth0", AddressClass::kInvalid},
};

TEST(AddressPolicy, ClassifiesEveryRangeAndItsNeighbours) {
  for (const Case& c : kCases) {
    EXPECT_EQ(classify_address(c.literal), c.want) << c.literal << " is " << to_string(classify_address(c.literal))
                                                   << ", not " << to_string(c.want);
  }
}

TEST(AddressPolicy, ResolvesLiteralsToThemselvesAndLocalhostToLoopback) {
  auto literal = resolve_host("192.0.2.7");
  ASSERT_TRUE(literal) << literal.error().message;
  EXPECT_EQ(*literal, std::vector<std::string>{"192.0.2.7"});
  auto local = resolve_host("localhost");
  ASSERT_TRUE(local) << local.error().message;
  ASSERT_FALSE(local->empty());
  for (const std::string& a : *local) {
    EXPECT_EQ(classify_address(a), AddressClass::kLoopback) << a;
  }
  auto none = resolve_host("no-such-host.invalid");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("no-such-host.invalid"), std::string::npos) << none.error().message;
}

}  // namespace
}  // namespace eutl::server
