// eutl help [COMMAND], "did you mean" for a mistyped command, and a bare `eutl`: each
// names what to do next; an unknown command is a usage error (exit 2) even with --help.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HelpCli, HelpAloneIsTheMainHelp) {
  auto r = test::run_command(test::cli() + " help 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Usage: eutl"));
  EXPECT_THAT(r.out, HasSubstr("check"));
  EXPECT_THAT(r.out, HasSubstr("Exit codes: 0 yes/valid"));
}

TEST(HelpCli, HelpOfACommandIsItsOwnHelp) {
  auto help = test::run_command(test::cli() + " help check 2>&1");
  auto flag = test::run_command(test::cli() + " check --help 2>&1");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  EXPECT_THAT(help.out, HasSubstr("Usage: eutl check"));
  EXPECT_THAT(help.out, HasSubstr("--for"));
  EXPECT_EQ(help.out, flag.out);
}

TEST(HelpCli, HelpOfASubcommand) {
  auto r = test::run_command(test::cli() + " help store prune 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Usage: eutl store prune"));
  EXPECT_THAT(r.out, HasSubstr("--keep"));
}

TEST(HelpCli, HelpOfAnUnknownCommandSuggestsTheNearest) {
  auto r = test::run_command(test::cli() + " help stauts 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("unknown command 'stauts'; did you mean 'status'?"));
  auto sub = test::run_command(test::cli() + " help store prnue 2>&1");
  EXPECT_EQ(sub.exit_code, 2) << sub.out;
  EXPECT_THAT(sub.out, HasSubstr("unknown command 'store prnue'; did you mean 'store prune'?"));
  EXPECT_THAT(sub.out, HasSubstr("('eutl help store' lists the commands)"));
}

TEST(HelpCli, AMistypedCommandIsAUsageErrorWithASuggestion) {
  auto r = test::run_command(test::cli() + " chek cert.pem 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("eutl: unknown command 'chek'; did you mean 'check'?"));
  auto far = test::run_command(test::cli() + " zzzzzz 2>&1");
  EXPECT_EQ(far.exit_code, 2) << far.out;
  EXPECT_THAT(far.out, HasSubstr("unknown command 'zzzzzz' ('eutl help' lists the commands)"));
  EXPECT_THAT(far.out, Not(HasSubstr("did you mean")));
}

TEST(HelpCli, AnUnknownCommandWithHelpIsStillAnError) {
  auto r = test::run_command(test::cli() + " nosuch --help 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("unknown command 'nosuch'"));
  EXPECT_THAT(r.out, Not(HasSubstr("Usage: eutl")));
}

TEST(HelpCli, NoCommandShowsTheHelpAndAsksForOne) {
  auto r = test::run_command(test::cli() + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Usage: eutl"));
  EXPECT_THAT(r.out, HasSubstr("eutl: a command is required ('eutl help COMMAND' shows one command's options)"));
}

}  // namespace
}  // namespace eutl::cli
