// eutl::answer_of and eutl::exit_code: one answer per decision, and the exit-status
// convention `eutl check` follows (include/eutl/outcome.h).
#include "eutl/outcome.h"

#include <gtest/gtest.h>

namespace eutl {
namespace {

verify::QualificationResult overall(verify::QualStatus status) {
  verify::QualificationResult r;
  r.overall.status = status;
  return r;
}

TEST(Outcome, WithoutAClaimTheOverallStatusAnswers) {
  EXPECT_EQ(answer_of(overall(verify::QualStatus::kQualified)), Answer::kYes);
  EXPECT_EQ(answer_of(overall(verify::QualStatus::kNotQualified)), Answer::kNo);
  EXPECT_EQ(answer_of(overall(verify::QualStatus::kIndeterminate)), Answer::kIndeterminate);
}

TEST(Outcome, AClaimsVerdictWinsOverTheOverallStatus) {
  struct Row {
    verify::Verdict verdict;
    Answer answer;
  };
  for (const Row row : {Row{verify::Verdict::kConfirmed, Answer::kYes}, Row{verify::Verdict::kRefuted, Answer::kNo},
                        Row{verify::Verdict::kIndeterminate, Answer::kIndeterminate}}) {
    auto r = overall(verify::QualStatus::kQualified);
    r.claim.emplace();
    r.claim->verdict = row.verdict;
    EXPECT_EQ(answer_of(r), row.answer);
  }
}

TEST(Outcome, ExitCodesFollowTheCommandLine) {
  EXPECT_EQ(exit_code(Answer::kYes), 0);
  EXPECT_EQ(exit_code(Answer::kNo), 1);
  EXPECT_EQ(exit_code(Answer::kIndeterminate), 3);
  EXPECT_EQ(exit_code(Error(Errc::kUsage, "")), 2);
  EXPECT_EQ(exit_code(Error(Errc::kNotFound, "")), 2);
  EXPECT_EQ(exit_code(Error(Errc::kIo, "")), 4);
  EXPECT_EQ(exit_code(Error(Errc::kInternal, "")), 4);
}

}  // namespace
}  // namespace eutl
