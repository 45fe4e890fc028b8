// `eutl COMMAND` registers COMMAND alone (cli/command_table.h): every command that
// `eutl help` lists still parses, shows its own help, and gives the same help text as
// `eutl help COMMAND` (which registers every command).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

// The names under "Subcommands:" in `eutl help`.
std::vector<std::string> listed_commands() {
  const CommandResult r = run_command(cli() + " help 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::string> out;
  std::istringstream lines(r.out);
  std::string line;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.empty()) {
      break;
    } else if (in_list) {
      std::istringstream words(line);
      std::string name;
      words >> name;
      out.push_back(name);
    }
  }
  return out;
}

TEST(CommandTable, EveryCommandParsesAloneWithItsOwnHelp) {
  const std::vector<std::string> commands = listed_commands();
  ASSERT_GE(commands.size(), 18u);
  for (const std::string& name : commands) {
    SCOPED_TRACE(name);
    const CommandResult alone = run_command(cli() + " " + name + " --help 2>&1");
    EXPECT_EQ(alone.exit_code, 0) << alone.out;
    EXPECT_NE(alone.out.find("Usage: eutl " + name + " "), std::string::npos) << alone.out;
    if (name != "help") {
      const CommandResult all = run_command(cli() + " help " + name + " 2>&1");
      EXPECT_EQ(all.out, alone.out) << "'eutl help " << name << "' registers every command";
    }
  }
}

TEST(CommandTable, AMistypedCommandIsStillSuggested) {
  const CommandResult r = run_command(cli() + " chek x.pem 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("did you mean 'check'?"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eutl::test
