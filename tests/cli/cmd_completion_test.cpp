// eutl completion bash|zsh: the generated bash function, loaded into a real bash,
// completes command names, a command's options and a nested subcommand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CompletionCli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_script = std::filesystem::temp_directory_path() / ("eutl-completion-" + std::to_string(::getpid()) + ".bash");
    auto r = test::run_command(test::cli() + " completion bash > '" + m_script.string() + "'");
    ASSERT_EQ(r.exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove(m_script); }

  // What bash offers for the words typed (the last one being completed).
  std::string complete(const std::string& words) {
    std::ofstream(m_script.string() + ".run")
        << "source '" << m_script.string() << "'\n"
        << "COMP_WORDS=(eutl " << words << ")\n"
        << "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        << "[[ \"" << words << "\" == *' ' ]] && COMP_WORDS+=('') && COMP_CWORD=${#COMP_WORDS[@]}-1\n"
        << "_eutl\n"
        << "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    auto r = test::run_command("bash '" + m_script.string() + ".run' 2>&1");
    std::filesystem::remove(m_script.string() + ".run");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  }

  std::filesystem::path m_script;
};

TEST_F(CompletionCli, CompletesCommandNames) {
  const std::string out = complete("ch");
  EXPECT_THAT(out, HasSubstr("check\n"));
  EXPECT_THAT(out, HasSubstr("check-site\n"));
  EXPECT_THAT(out, Not(HasSubstr("fetch")));
}

TEST_F(CompletionCli, CompletesTheOptionsOfACommand) {
  const std::string out = complete("check --fo");
  EXPECT_EQ(out, "--for\n");
  EXPECT_THAT(complete("fetch --"), HasSubstr("--lotl-signers\n"));
}

TEST_F(CompletionCli, CompletesNestedSubcommandsAndTheirOptions) {
  EXPECT_THAT(complete("store p"), HasSubstr("prune\n"));
  EXPECT_THAT(complete("store prune --k"), HasSubstr("--keep\n"));
  EXPECT_THAT(complete("evidence v"), HasSubstr("verify\n"));
}

TEST(CompletionCliZsh, ZshUsesTheBashFunctionThroughBashcompinit) {
  auto r = test::run_command(test::cli() + " completion zsh 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("#compdef eutl\n"));
  EXPECT_THAT(r.out, HasSubstr("autoload -U +X bashcompinit && bashcompinit\n"));
  EXPECT_THAT(r.out, HasSubstr("complete -o filenames -F _eutl eutl\n"));
}

TEST(CompletionCliShell, AnotherShellIsAUsageError) {
  auto r = test::run_command(test::cli() + " completion fish 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("fish not in {bash,zsh}"));
}

}  // namespace
}  // namespace eutl::cli
