// The rule table (verify/rules/rules.h) drives the rule tests: every rule the engine
// composes is implemented in its own verify/rules/<file>.cpp and tested by its own
// tests/verify/rules/<file>_test.cpp, and every verify/rules/*.cpp is a rule of the
// table. A rule file added without a test, or without a table entry, fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "tests/test_paths.h"
#include "verify/rules/rules.h"

namespace eutl::verify::detail {
namespace {

namespace fs = std::filesystem;

fs::path rules_dir() { return test::source_dir() / "verify" / "rules"; }
fs::path rule_tests_dir() { return test::source_dir() / "tests" / "verify" / "rules"; }

TEST(RuleTable, EveryRuleHasItsOwnFileAndTestFile) {
  for (const RuleEntry& rule : kRuleTable) {
    SCOPED_TRACE(std::string(rule.id));
    std::string file(rule.file);
    EXPECT_TRUE(fs::is_regular_file(rules_dir() / (file + ".cpp"))) << "no verify/rules/" << file << ".cpp";
    EXPECT_TRUE(fs::is_regular_file(rule_tests_dir() / (file + "_test.cpp")))
        << "no tests/verify/rules/" << file << "_test.cpp";
  }
}

TEST(RuleTable, EveryRuleFileIsInTheTable) {
  std::set<std::string> listed;
  for (const RuleEntry& rule : kRuleTable) {
    listed.insert(std::string(rule.file));
  }
  std::size_t seen = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(rules_dir())) {
    if (e.path().extension() != ".cpp") {
      continue;
    }
    ++seen;
    EXPECT_TRUE(listed.count(e.path().stem().string()) == 1)
        << "verify/rules/" << e.path().filename().string() << " is not in kRuleTable";
  }
  EXPECT_EQ(seen, kRuleTable.size());
}

TEST(RuleTable, IdsAndFilesAreUnique) {
  std::set<std::string_view> ids;
  std::set<std::string_view> files;
  for (const RuleEntry& rule : kRuleTable) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_TRUE(files.insert(rule.file).second) << rule.file;
    EXPECT_FALSE(rule.clause.empty()) << rule.id;
  }
}

}  // namespace
}  // namespace eutl::verify::detail
