// LIST-COVERS (TS 119 612 V2.4.1 §5.3.15): a result for an instant rests only on lists
// whose NextUpdate is not before it; a closed list (no NextUpdate) keeps covering.
#include <optional>

#include "tests/verify/rules/rule_test_support.h"

namespace eutl::verify::detail {
namespace {

using test::date;

struct CoversCase final {
  const char* name;
  std::optional<tsl::TimePoint> next_update;
  tsl::TimePoint instant;
  bool kept;
};

const CoversCase kCoversCases[] = {
    {"ClosedListCoversThePast", std::nullopt, date(2019, 6, 1), true},
    {"ClosedListCoversLaterInstants", std::nullopt, date(2035, 6, 1), true},
    {"BeforeNextUpdate", date(2024, 1, 1), date(2023, 6, 1), true},
    {"AtNextUpdate", date(2024, 1, 1), date(2024, 1, 1), true},
    {"AfterNextUpdate", date(2024, 1, 1), date(2024, 1, 2), false},
    {"LongAfterNextUpdate", date(2024, 1, 1), date(2030, 1, 1), false},
};

class RuleListCovers : public ::testing::TestWithParam<CoversCase> {};

TEST_P(RuleListCovers, KeepsOnlyCandidatesWhoseListCoversTheInstant) {
  const CoversCase& tc = GetParam();
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "granted", date(2017, 1, 1)))},
                    tc.next_update);
  Trace trace;
  auto covers = filter_list_covers(test::RuleCtx(trace), bed.candidates, tc.instant);
  const auto& kept = covers.value;
  const std::string& uncovered = covers.why;
  EXPECT_EQ(kept.size(), tc.kept ? bed.candidates.size() : 0u);
  if (tc.kept) {
    EXPECT_TRUE(uncovered.empty()) << uncovered;
    EXPECT_TRUE(trace.has("LIST-COVERS", Outcome::kPass));
  } else {
    EXPECT_NE(uncovered.find("AA sequence 7"), std::string::npos) << uncovered;
    EXPECT_NE(uncovered.find("NextUpdate is " + tsl::format_time(*tc.next_update)), std::string::npos) << uncovered;
    EXPECT_TRUE(trace.has("LIST-COVERS", Outcome::kIndeterminate));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, RuleListCovers, ::testing::ValuesIn(kCoversCases),
                         [](const ::testing::TestParamInfo<CoversCase>& info) { return std::string(info.param.name); });

TEST(RuleListCoversOnce, NamesEachUncoveredListOnce) {
  // Two periods (current and history) of one list: one trace entry, not two.
  test::RuleBed bed({test::service(test::rule_ca(), test::state("CA/QC", "withdrawn", date(2022, 1, 1)),
                                   {test::state("CA/QC", "granted", date(2017, 1, 1))})},
                    date(2023, 1, 1));
  ASSERT_EQ(bed.candidates.size(), 2u);
  Trace trace;
  EXPECT_TRUE(filter_list_covers(test::RuleCtx(trace), bed.candidates, date(2024, 1, 1)).value.empty());
  EXPECT_EQ(trace.entries().size(), 1u);
}

}  // namespace
}  // namespace eutl::verify::detail
