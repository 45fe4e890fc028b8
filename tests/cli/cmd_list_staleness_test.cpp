// A stale store does not look like "no services" (include/eutl/list_warnings.h): `eutl list`
// starts its output with a "warning:" line naming the lists past their NextUpdate
// (ETSI TS 119 612 §5.3.15), the JSON rows carry `list_warnings`, and when no list is
// usable at all the answer is indeterminate (exit 3), in text, JSON and CSV alike.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/product_cli_support.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class ListStaleness : public FixtureStoreTest {
 protected:
  CommandResult list(const std::string& args) const { return run_command(cli() + " list" + store() + " " + args); }
};

TEST_F(ListStaleness, FreshListsHaveNoWarning) {
  auto r = list("--at 2025-03-01 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, StartsWith("ID"));
  EXPECT_THAT(r.out, Not(HasSubstr("warning:")));
  json rows = json::parse(list("--at 2025-03-01 --json 2>/dev/null").out);
  ASSERT_FALSE(rows.empty());
  EXPECT_FALSE(rows[0].contains("list_warnings"));
}

TEST_F(ListStaleness, AStaleStoreSaysSoAndIsIndeterminate) {
  // The fixture lists' NextUpdate is 2025-07-01; past the LOTL's, the national lists
  // that rest on it cannot be used either.
  auto r = list("--at 2026-01-01 2>/dev/null");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.out, StartsWith("warning: 1 of 4 lists are past their NextUpdate at 2026-01-01T00:00:00Z "
                                "(ETSI TS 119 612 §5.3.15) and are not used: EU (LOTL)"));
  EXPECT_THAT(r.out, HasSubstr("warning: 3 of 4 lists are not valid at 2026-01-01T00:00:00Z and are not used: "
                               "AA, BB, CC (first reason: the LOTL this list depends on is not valid"));
  EXPECT_THAT(r.out, HasSubstr("warning: no trusted list is usable at 2026-01-01T00:00:00Z"));
  EXPECT_THAT(r.out, Not(HasSubstr("ID ")));  // no empty table

  auto j = list("--at 2026-01-01 --json 2>&1");
  EXPECT_EQ(j.exit_code, 3);
  EXPECT_THAT(j.out, HasSubstr("[]"));
  EXPECT_THAT(j.out, HasSubstr("eutl: no trusted list is usable at 2026-01-01T00:00:00Z"));

  auto csv = list("--at 2026-01-01 --csv -q 2>&1 >/dev/null");
  EXPECT_EQ(csv.exit_code, 3);
  EXPECT_THAT(csv.out, HasSubstr("no trusted list is usable"));  // an error: shown even with -q
}

TEST_F(ListStaleness, SomeListsPastNextUpdateAreNamedAboveTheRest) {
  const fs::path f = fixtures();
  const std::string lists = " --lists '" + (f / "lists/lotl.xml").string() + "' '" +
                            (f / "lists/pivot-101.xml").string() + "' '" + (f / "bad/tl-AA-expired.xml").string() +
                            "' '" + (f / "lists/tl-BB.xml").string() + "' '" + (f / "lists/tl-CC.xml").string() +
                            "' --lotl-signers '" + (f / "pki/oj-anchors.pem").string() + "' --at 2025-03-01";
  auto text = run_command(cli() + " list" + lists + " 2>/dev/null");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, StartsWith("warning: 1 of 4 lists are past their NextUpdate at 2025-03-01T00:00:00Z "
                                   "(ETSI TS 119 612 §5.3.15) and are not used: AA; "));
  EXPECT_THAT(text.out, HasSubstr("BB/"));
  auto j = run_command(cli() + " list --json" + lists + " 2>/dev/null");
  json rows = json::parse(j.out);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    EXPECT_NE(row["territory"], "AA");
    ASSERT_TRUE(row.contains("list_warnings"));
    ASSERT_EQ(row["list_warnings"].size(), 1u);
    EXPECT_EQ(row["list_warnings"][0]["code"], "lists-past-next-update");
    EXPECT_THAT(row["list_warnings"][0]["message"].get<std::string>(), HasSubstr("not used: AA"));
  }
}

}  // namespace
}  // namespace eutl::test
