// One spelling per concept (cli/common_options.h): every command that prints a result
// offers --json, -q and -v under those names; the old spellings still work, hidden
// from --help, with a note on stderr; -q silences diagnostics and -v says which store
// and snapshot an answer rests on.
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

TEST(CommonOptions, EveryCommandOffersJsonQuietAndVerbose) {
  const char* const commands[] = {"verify",       "status",      "fetch",        "import",          "diff",
                                  "store list",   "store verify", "store prune", "evidence verify", "anchors",
                                  "show",         "list",        "show-service", "export"};
  for (const char* c : commands) {
    auto help = run_command(cli() + " " + c + " --help");
    EXPECT_EQ(help.exit_code, 0) << c;
    EXPECT_THAT(help.out, HasSubstr("--json")) << c;
    EXPECT_THAT(help.out, HasSubstr("-q,--quiet")) << c;
    EXPECT_THAT(help.out, HasSubstr("-v,--verbose")) << c;
  }
}

TEST(CommonOptions, SharedOptionsHaveOneHelpText) {
  for (const char* c : {"status", "fetch", "import", "diff", "store list", "store verify", "store prune", "anchors",
                        "list", "export", "evidence verify"}) {
    auto help = run_command(cli() + " " + c + " --help");
    EXPECT_THAT(help.out, HasSubstr("(default $EUTL_STORE, else $XDG_CACHE_HOME/eutl)")) << c;
    EXPECT_THAT(help.out, HasSubstr("JSON on stdout (diagnostics stay on stderr)")) << c;
  }
  for (const char* c : {"verify", "status", "fetch", "import", "list", "export"}) {
    auto help = run_command(cli() + " " + c + " --help");
    EXPECT_THAT(help.out, HasSubstr("(ISO 8601 date-time or date, UTC)")) << c;
  }
  for (const char* c : {"list", "show-service", "export"}) {
    EXPECT_THAT(run_command(cli() + " " + c + " --help").out, HasSubstr("--snapshot")) << c;
  }
}

TEST(CommonOptions, AsiIsAHiddenOldSpellingOfFor) {
  const std::string base = cli() + " list --json" + fixture_list_args() + " --qualified-at 2025-03-01";
  auto old_out = run_command(base + " --asi wsa 2>/dev/null");
  auto new_out = run_command(base + " --for wsa 2>/dev/null");
  ASSERT_EQ(new_out.exit_code, 0);
  json rows = json::parse(new_out.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(old_out.out, new_out.out);
  auto note = run_command(base + " --asi wsa 2>&1 >/dev/null");
  EXPECT_THAT(note.out, HasSubstr("eutl: --asi is an old spelling of --for"));
  auto quiet_new = run_command(base + " --for wsa 2>&1 >/dev/null");
  EXPECT_THAT(quiet_new.out, Not(HasSubstr("old spelling")));
  auto help = run_command(cli() + " list --help");
  EXPECT_THAT(help.out, HasSubstr("--for"));
  EXPECT_THAT(help.out, Not(HasSubstr("--asi")));
}

using StoreVerbosity = FixtureStoreTest;

TEST_F(StoreVerbosity, VerboseNamesTheStoreAndSnapshot) {
  const std::string current = read_all(m_store / "current").substr(0, 20);
  for (const char* c : {"status --at 2025-03-01", "store list", "store verify", "anchors", "diff current current"}) {
    auto r = run_command(cli() + " " + c + store() + " -v 2>&1 >/dev/null");
    EXPECT_THAT(r.out, HasSubstr("eutl: store " + m_store.string() + ", current snapshot " + current)) << c;
    auto plain = run_command(cli() + " " + c + store() + " 2>&1 >/dev/null");
    EXPECT_THAT(plain.out, Not(HasSubstr("eutl: store "))) << c;
  }
}

TEST_F(StoreVerbosity, QuietSilencesDiagnostics) {
  auto loud = run_command(cli() + " store list" + store() + " 2>&1 >/dev/null");
  EXPECT_THAT(loud.out, HasSubstr("1 snapshot(s) in"));
  auto quiet = run_command(cli() + " store list" + store() + " -q 2>&1 >/dev/null");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
  // -q wins over -v.
  auto both = run_command(cli() + " status --at 2025-03-01" + store() + " -q -v 2>&1 >/dev/null");
  EXPECT_THAT(both.out, Not(HasSubstr("eutl: store ")));
}

TEST_F(StoreVerbosity, PruneHasJson) {
  auto r = run_command(cli() + " store prune --keep 1 --dry-run --json" + store());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "eutl-store-prune/1");
  EXPECT_EQ(j["dry_run"], true);
  EXPECT_EQ(j["snapshots_removed"], 0);
  EXPECT_EQ(j["store"], m_store.string());
}

}  // namespace
}  // namespace eutl::test
