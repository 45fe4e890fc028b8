#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

tsl::CriteriaList with_assert(tsl::CriteriaAssert a) {
  tsl::CriteriaList c;
  c.assert_kind = a;
  return c;
}

TEST(RuleCriteriaList, PolicySetMatchesWhenEveryOidIsPresent) {
  auto cert = test::ee({.policies = "1.2.3,1.2.4"});
  tsl::CriteriaList c = with_assert(tsl::CriteriaAssert::kAll);
  c.policy_sets.push_back({"1.2.3", "1.2.4"});
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kPass);
  c.policy_sets[0].push_back("1.2.5");
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kFail);
}

TEST(RuleCriteriaList, AtLeastOneAndNone) {
  auto cert = test::ee({.policies = "1.2.3"});
  tsl::CriteriaList c = with_assert(tsl::CriteriaAssert::kAtLeastOne);
  c.policy_sets = {{"9.9"}, {"1.2.3"}};
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kPass);
  c.assert_kind = tsl::CriteriaAssert::kNone;
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kFail);
  c.policy_sets = {{"9.9"}};
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kPass);
}

TEST(RuleCriteriaList, KeyUsageBitsMustHaveTheListedValue) {
  auto cert = test::ee({.key_usage = "digitalSignature"});
  tsl::CriteriaList c;
  c.key_usages.push_back({{"digitalSignature", true}, {"nonRepudiation", false}});
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kPass);
  c.key_usages[0][1].value = true;
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kFail);
}

TEST(RuleCriteriaList, NestedEkuAndSubjectDnAttributes) {
  auto cert = test::ee({.ekus = "1.3.6.1.5.5.7.3.4"});
  tsl::CriteriaList inner = with_assert(tsl::CriteriaAssert::kAtLeastOne);
  inner.extended_key_usages = {{"1.3.6.1.5.5.7.3.1"}, {"1.3.6.1.5.5.7.3.4"}};
  tsl::CriteriaList outer;
  outer.nested.push_back(inner);
  outer.subject_dn_attributes.push_back({"2.5.4.3", "2.5.4.6"});
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), outer).outcome, Outcome::kPass);
  outer.subject_dn_attributes.push_back({"2.5.4.97"});  // organizationIdentifier absent
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), outer).outcome, Outcome::kFail);
}

TEST(RuleCriteriaList, UnknownCriterionNeverMatches) {
  auto cert = test::ee({});
  tsl::CriteriaList c;
  c.unknown_criteria.push_back("{urn:x}Other");
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace(), cert), c).outcome, Outcome::kFail);
  EXPECT_NE(match_criteria(test::RuleCtx(test::no_trace(), cert), c).why.find("unknown criterion"), std::string::npos);
}

TEST(RuleCriteriaList, EmptyAllListMatches) {
  EXPECT_EQ(match_criteria(test::RuleCtx(test::no_trace()), tsl::CriteriaList{}).outcome, Outcome::kPass);
}

}  // namespace
}  // namespace eutl::verify::detail
