#include "tests/verify/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

TEST(RuleEntryUsable, UnknownCriticalExtensionFails) {
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  s.extensions.unknown.push_back({"{urn:x}Ext", true, 0});
  Trace trace;
  EXPECT_EQ(check_entry_usable(s, "svc", trace), Outcome::kFail);
  EXPECT_TRUE(trace.has("ENTRY-USABLE", Outcome::kFail));
}

TEST(RuleEntryUsable, UnknownNonCriticalExtensionPasses) {
  tsl::ServiceState s = test::state("CA/QC", "granted", test::date(2017, 1, 1));
  s.extensions.unknown.push_back({"{urn:x}Ext", false, 0});
  Trace trace;
  EXPECT_EQ(check_entry_usable(s, "svc", trace), Outcome::kPass);
}

}  // namespace
}  // namespace eutl::verify::detail
