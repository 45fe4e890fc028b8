#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleEntryUsable, UnknownCriticalExtensionFails) {
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  s.extensions.unknown.push_back({"{urn:x}Ext", true, 0});
  Trace trace;
  EXPECT_EQ(check_entry_usable(test::RuleCtx(trace, test::plain_ee(), "svc"), s).outcome, Outcome::kFail);
  EXPECT_TRUE(trace.has("ENTRY-USABLE", Outcome::kFail));
}

TEST(RuleEntryUsable, UnknownNonCriticalExtensionPasses) {
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  s.extensions.unknown.push_back({"{urn:x}Ext", false, 0});
  Trace trace;
  EXPECT_EQ(check_entry_usable(test::RuleCtx(trace, test::plain_ee(), "svc"), s).outcome, Outcome::kPass);
}

TEST(RuleEntryUsable, EntryUsableAgreesWithTheRule) {
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  EXPECT_TRUE(entry_usable(s));
  s.extensions.unknown.push_back({"{urn:x}Ext", false, 0});
  EXPECT_TRUE(entry_usable(s));
  s.extensions.unknown.push_back({"{urn:x}Other", true, 0});
  EXPECT_FALSE(entry_usable(s));
}

}  // namespace
}  // namespace eutl::verify::detail
