// The store subcommands end to end: import of the real 2023 set, status at a past
// time, the writer lock.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "eutl/cache/store.h"
#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

using test::shell_quote;

// The 2023 set as MANIFEST.md describes it: LOTL 332, pivots 282 and 300, tl/2023.
std::string import_2023_args() {
  const fs::path r = test::realdata();
  return "--lotl-signers " + shell_quote(r / "oj/oj-C276-2019-lotl-signers.pem") + " " +
         shell_quote(r / "lotl/eu-lotl-seq332-2023-09-27.xml") + " " + shell_quote(r / "lotl/pivots/eu-lotl-pivot-282.xml") + " " +
         shell_quote(r / "lotl/pivots/eu-lotl-pivot-300.xml") + " " + shell_quote(r / "tl/2023");
}

// Territory → sequence number, read from MANIFEST.md's table rows ("TL IE seq=29").
std::map<std::string, std::uint64_t> manifest_2023_sequences() {
  std::ifstream in(test::realdata() / "MANIFEST.md");
  std::map<std::string, std::uint64_t> out;
  const std::regex row(R"(^\| `tl/2023/[A-Z]{2}-seq[0-9]+\.xml` \| TL ([A-Z]{2}) seq=([0-9]+) )");
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      out[m[1]] = std::stoull(m[2]);
    }
  }
  return out;
}

TEST(StoreCli, Import2023ThenStatusAtOctober2023) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = test::fresh_store_dir("cli-import2023");
  auto imp = test::run_command(test::cli() + " import --store " + shell_quote(store) + " " + import_2023_args() + " 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  auto st = test::run_command(test::cli() + " status --store " + shell_quote(store) + " --at 2023-10-28T00:00:00Z --json");
  EXPECT_EQ(st.exit_code, 1);  // FR is expired, everything else valid
  const nlohmann::json j = nlohmann::json::parse(st.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << st.out;
  EXPECT_FALSE(j["snapshot"].get<std::string>().empty());
  EXPECT_FALSE(j["created"].get<std::string>().empty());
  EXPECT_EQ(j["lotl"]["sequence_number"], 332);
  EXPECT_EQ(j["lotl"]["result"], "valid");

  const auto expected = manifest_2023_sequences();
  ASSERT_EQ(expected.size(), 30u);
  ASSERT_EQ(j["lists"].size(), 30u);
  for (const auto& l : j["lists"]) {
    const std::string territory = l["territory"];
    ASSERT_EQ(expected.count(territory), 1u) << territory;
    EXPECT_EQ(l["sequence_number"], expected.at(territory)) << territory;
    EXPECT_EQ(l["result"], territory == "FR" ? "expired" : "valid") << territory;
    EXPECT_EQ(l["in_use_digest"].get<std::string>().size(), 64u) << territory;
    EXPECT_GT(l["service_count"].get<int>(), 0) << territory;
  }
  fs::remove_all(store);
}

TEST(StoreCli, SecondWriterIsRefused) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = test::fresh_store_dir("cli-lock");
  auto s = cache::Store::open(store);
  ASSERT_TRUE(s);
  auto lock = s->lock_for_writing();
  ASSERT_TRUE(lock);
  auto r = test::run_command(test::cli() + " import --store " + shell_quote(store) + " " + import_2023_args() + " 2>&1");
  EXPECT_EQ(r.exit_code, 4);  // could not run (README "Exit codes")
  EXPECT_NE(r.out.find("another eutl process"), std::string::npos) << r.out;
  fs::remove_all(store);
}

// SIGKILL during a fetch: tests/cli/cmd_fetch_test.cpp.

}  // namespace
}  // namespace eutl::cli
