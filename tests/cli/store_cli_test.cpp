// The store subcommands end to end: import of the real 2023 set, status at a past
// time, the writer lock, and SIGKILL at random points never corrupting the store.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <thread>

#include "eutl/cache/store.h"
#include "tests/test_paths.h"

extern char** environ;

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

fs::path temp_store(const char* name) {
  fs::path dir = fs::temp_directory_path() / ("eutl-cli-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}

// The 2023 set as MANIFEST.md describes it: LOTL 332, pivots 282 and 300, tl/2023.
std::string import_2023_args() {
  const fs::path r = test::realdata();
  return "--lotl-signers " + q(r / "oj/oj-C276-2019-lotl-signers.pem") + " " +
         q(r / "lotl/eu-lotl-seq332-2023-09-27.xml") + " " + q(r / "lotl/pivots/eu-lotl-pivot-282.xml") + " " +
         q(r / "lotl/pivots/eu-lotl-pivot-300.xml") + " " + q(r / "tl/2023");
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
  const fs::path store = temp_store("import2023");
  auto imp = test::run_command(test::cli() + " import --store " + q(store) + " " + import_2023_args() +
                               " >/dev/null 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  auto st = test::run_command(test::cli() + " status --store " + q(store) + " --at 2023-10-28T00:00:00Z --json");
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
  const fs::path store = temp_store("lock");
  auto s = cache::Store::open(store);
  ASSERT_TRUE(s);
  auto lock = s->lock_for_writing();
  ASSERT_TRUE(lock);
  auto r = test::run_command(test::cli() + " import --store " + q(store) + " " + import_2023_args() + " 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("another eutl process"), std::string::npos) << r.out;
  fs::remove_all(store);
}

// Every list in use names a blob that exists and hashes to its name.
void expect_consistent(const fs::path& dir) {
  auto store = cache::Store::open(dir);
  ASSERT_TRUE(store);
  auto cur = store->current();
  ASSERT_TRUE(cur) << cur.error().message;
  ASSERT_TRUE(cur->has_value());
  const cache::Snapshot& s = **cur;
  ASSERT_TRUE(store->read_blob(s.lotl.in_use_digest)) << s.id;
  for (const auto& l : s.lists) {
    if (l.in_use != cache::InUse::kNone) {
      ASSERT_TRUE(store->read_blob(l.in_use_digest)) << s.id << " " << l.territory;
    }
  }
  auto st = test::run_command(test::cli() + " status --json --store " + q(dir));
  EXPECT_NE(st.exit_code, 2) << st.out;
  EXPECT_FALSE(nlohmann::json::parse(st.out, nullptr, false).is_discarded());
}

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

TEST(StoreCli, SigkillAtRandomPointsLeavesAConsistentStore) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = temp_store("sigkill");
  const fs::path r = test::realdata();
  // Small imports that change the state each time (IE, then CY, alternately).
  auto args = [&](int i) {
    return std::vector<std::string>{test::cli(),
                                    "import",
                                    "--store",
                                    store.string(),
                                    "--at",
                                    "2023-10-28T00:00:00Z",
                                    "--lotl-signers",
                                    (r / "oj/oj-C276-2019-lotl-signers.pem").string(),
                                    (r / "lotl/eu-lotl-seq332-2023-09-27.xml").string(),
                                    (r / "lotl/pivots/eu-lotl-pivot-282.xml").string(),
                                    (r / "lotl/pivots/eu-lotl-pivot-300.xml").string(),
                                    (r / (i % 2 == 0 ? "tl/2023/IE-seq29.xml" : "tl/2023/CY-seq45.xml")).string()};
  };
  // One complete run first, timed, so kills land inside a run.
  const auto start = std::chrono::steady_clock::now();
  pid_t first = spawn(args(0));
  int status = 0;
  ::waitpid(first, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  expect_consistent(store);

  std::mt19937 rng(20231028);
  std::uniform_int_distribution<long> when(0, full.count());
  int killed = 0;
  for (int i = 1; i <= 50; ++i) {
    pid_t pid = spawn(args(i));
    std::this_thread::sleep_for(std::chrono::microseconds(when(rng)));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    killed += WIFSIGNALED(status) ? 1 : 0;  // the others had finished before the kill
    expect_consistent(store);
    if (HasFatalFailure()) {
      break;
    }
  }
  EXPECT_GT(killed, 10);
  fs::remove_all(store);
}

}  // namespace
}  // namespace eutl::cli
