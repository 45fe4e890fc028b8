// `eutl fetch` end to end against the loopback HTTPS server serving the generated
// fixture lists: faults reported per territory, output without a terminal free of
// control characters, the live progress line on a terminal, and SIGKILL at random
// points during a fetch never leaving an inconsistent store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "eutl/cache/store.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

extern char** environ;

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using test::Fault;
using test::HttpsServer;

using test::shell_quote;

std::vector<std::string> fetch_args(const HttpsServer& server, const fs::path& store) {
  return {test::cli(),
          "fetch",
          "--store",
          store.string(),
          "--lotl-url",
          test::kFixtureLotlUrl,
          "--lotl-signers",
          (test::fixtures() / "pki/oj-anchors.pem").string(),
          "--cacert",
          server.ca_file().string(),
          "--connect-to",
          server.connect_to(),
          "--at",
          test::kFixtureAt,
          "--timeout",
          "2",
          "--retries",
          "0"};
}

class FetchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
    ASSERT_EQ(test::serve_fixture_lists(m_server, test::fixtures()), 5);
    m_store = test::fresh_store_dir(std::string("fetch-cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(m_store); }

  HttpsServer m_server;
  fs::path m_store;
};

TEST_F(FetchCli, ReportsTheFaultPerTerritoryAndKeepsTheGoodList) {
  auto first = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " --json 2>/dev/null");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  m_server.set_fault(test::fixture_list_path("BB"), Fault::kNotFound);
  auto r = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " --json 2>/dev/null");
  EXPECT_EQ(r.exit_code, 1);  // some list failed, the LOTL is fine
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["report"]["list_failures"], 1);
  EXPECT_EQ(j["report"]["list_bytes_downloaded"], 0);  // AA and CC: 304
  ASSERT_EQ(j["lists"].size(), 3u);
  for (const auto& l : j["lists"]) {
    const std::string t = l["territory"];
    EXPECT_EQ(l["result"], "valid") << t;
    EXPECT_EQ(l["in_use"], t == "BB" ? "kept" : "fetched") << t;
    EXPECT_EQ(l["fetch"]["status"], t == "BB" ? "http-error" : "not-modified") << t;
    if (t == "BB") {
      EXPECT_EQ(l["fetch"]["http_status"], 404);
      EXPECT_NE(std::find(l["warnings"].begin(), l["warnings"].end(), "not-refreshed"), l["warnings"].end());
    }
  }
  // The table names the failure too.
  auto table = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " 2>/dev/null");
  EXPECT_EQ(table.exit_code, 1);
  EXPECT_NE(table.out.find("http-error"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("HTTP 404"), std::string::npos) << table.out;
}

// A server's ETag with bytes 0x80-0xFF (RFC 9110 §8.8.3 obs-text) is not kept: the
// snapshot is written (its JSON could not carry the bytes as they came) and the next
// request for that list is unconditional.
TEST_F(FetchCli, AnEtagTheSnapshotCannotCarryIsDroppedAndTheFetchCompletes) {
  m_server.set_etag(test::fixture_list_path("AA"), "\"\xff\xfe\"");
  auto first = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " --json 2>&1");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  auto store = cache::Store::open(m_store);
  ASSERT_TRUE(store);
  auto current = store->current();
  ASSERT_TRUE(current && *current);
  const cache::ListRecord* aa = (*current)->find_list("AA");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->fetch.etag, "");
  EXPECT_EQ(aa->in_use_etag, "");
  EXPECT_FALSE((*current)->find_list("BB")->fetch.etag.empty());  // a plain one is kept
  m_server.reset_counters();
  auto second = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " --json 2>/dev/null");
  ASSERT_EQ(second.exit_code, 0) << second.out;
  const auto j = nlohmann::json::parse(second.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << second.out;
  for (const auto& l : j["lists"]) {
    EXPECT_EQ(l["fetch"]["status"], l["territory"] == "AA" ? "ok" : "not-modified") << l.dump();
  }
}

// Without a terminal (a pipe, CI logs) there is no progress line and no escape code.
TEST_F(FetchCli, OutputWithoutATerminalHasNoControlCharacters) {
  auto r = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("AA"), std::string::npos);  // the final table
  for (char c : r.out) {
    const auto u = static_cast<unsigned char>(c);
    ASSERT_TRUE(u == '\n' || u >= 0x20) << "control character " << static_cast<int>(u) << " in:\n" << r.out;
  }
}

// On a terminal (script(1) gives the command a pty) the live line shows lists
// done/total, bytes and failures, then the final table follows.
TEST_F(FetchCli, ShowsProgressOnATerminal) {
  if (test::run_command("command -v script >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "script(1) is not installed";
  }
  m_server.set_fault(test::fixture_list_path("CC"), Fault::kServerError);
  auto r = test::run_command("script -qec " + shell_quote(test::shell_line(fetch_args(m_server, m_store))) + " /dev/null");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("\r\033[Klists 3/3, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("http-error"), std::string::npos) << r.out;  // the final table
}

// Every file the current snapshot names exists and hashes to its name; every stored
// blob and snapshot is complete (interrupted writes stay as .tmp-* and are never
// read as data); `eutl status --json` reports that same snapshot.
void expect_consistent(const fs::path& dir) {
  auto store = cache::Store::open(dir);
  ASSERT_TRUE(store);
  auto cur = store->current();
  ASSERT_TRUE(cur) << cur.error().message;
  ASSERT_TRUE(cur->has_value()) << "no current snapshot";
  const cache::Snapshot& s = **cur;
  std::vector<tsl::Sha256> digests = s.lotl_anchor_digests;
  // Bytes in use are stored; refused bytes are recorded by digest only (never stored).
  auto add = [&digests](const cache::ListRecord& l) {
    if (l.in_use_digest) {
      digests.push_back(*l.in_use_digest);
    }
  };
  add(s.lotl);
  for (const auto& p : s.pivots) {
    add(p);
  }
  for (const auto& l : s.lists) {
    add(l);
    EXPECT_EQ(l.in_use == cache::InUse::kNone, !l.in_use_digest) << s.id << " " << l.territory;
  }
  for (const tsl::Sha256& d : digests) {
    ASSERT_TRUE(store->read_blob(d)) << s.id << ": blob " << tsl::to_hex(d);
  }
  for (const std::string& id : store->snapshot_ids()) {
    ASSERT_TRUE(store->read_snapshot(id)) << "snapshot " << id;
  }
  for (const auto& e : fs::recursive_directory_iterator(dir / "blobs")) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && !name.starts_with(".tmp-")) {
      const auto digest = tsl::sha256_from_hex(name);
      ASSERT_TRUE(digest && store->read_blob(*digest)) << "stored file " << e.path();
    }
  }
  auto st = test::run_command(test::cli() + " status --json --at " + test::kFixtureAt + " --store " +
                              shell_quote(dir.string()) + " 2>/dev/null");
  ASSERT_NE(st.exit_code, 2) << st.out;
  const auto j = nlohmann::json::parse(st.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << st.out;
  EXPECT_EQ(j["snapshot"], s.id);
  EXPECT_EQ(j["lotl"]["result"], "valid");
  EXPECT_EQ(j["lists"].size(), 3u);
}

pid_t spawn_quiet(const std::vector<std::string>& args) {
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

// Every run gets new bytes for each list (a comment after the root element: outside
// the signed content, URI="" excludes comments), so each fetch downloads and verifies
// every list, writes a new snapshot and moves `current`: the kills land in all of those
// steps. (After the first run the new bytes reuse the sequence number of the list in
// use, so they are refused and not stored: TS 119 612 §5.3.2.)
void vary_lists(HttpsServer& server, int run) {
  for (const char* t : test::kFixtureTerritories) {
    const std::string body = test::read_text(test::fixtures() / "lists" / ("tl-" + std::string(t) + ".xml"));
    server.set_route(test::fixture_list_path(t), {body + "<!-- run " + std::to_string(run) + " -->\n", Fault::kNone});
  }
}

TEST_F(FetchCli, SigkillAtRandomPointsDuringAFetchLeavesAConsistentStore) {
  // One complete run first, timed, so the kills land inside a run.
  vary_lists(m_server, 0);
  const auto start = std::chrono::steady_clock::now();
  pid_t first = spawn_quiet(fetch_args(m_server, m_store));
  int status = 0;
  ::waitpid(first, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  expect_consistent(m_store);

  // Kills at random points of a run, until 30 have landed inside one. A run that ends
  // before its kill (the machine got faster than the first run) shortens the span the
  // next points are drawn from, so the count is reached however loaded the machine is.
  std::mt19937 rng(20250301);
  long span = std::max<long>(full.count(), 1);
  int killed = 0;
  int runs = 0;
  for (int i = 1; killed < 30 && i <= 300; ++i, ++runs) {
    vary_lists(m_server, i);
    pid_t pid = spawn_quiet(fetch_args(m_server, m_store));
    const long delay = std::uniform_int_distribution<long>(0, span)(rng);
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
      ++killed;
    } else {
      span = std::max<long>(delay * 3 / 4, 1);  // it had finished before the kill
    }
    expect_consistent(m_store);
    if (HasFatalFailure()) {
      ADD_FAILURE() << "after kill " << i;
      break;
    }
  }
  RecordProperty("killed", killed);
  RecordProperty("runs", runs);
  EXPECT_EQ(killed, 30) << "in " << runs << " runs";
  // And the store still works: a normal fetch after all that succeeds (the bytes in use
  // since the first run are served again).
  vary_lists(m_server, 0);
  auto r = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " --json 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["lotl"]["result"], "valid") << r.out;
  EXPECT_EQ(j["report"]["list_failures"], 0) << r.out;
}

// The text output says why each list was kept (issue: reasons only in --json before);
// a LOTL that was not refreshed is also reported on stderr.
TEST_F(FetchCli, TextSaysWhyEachListWasKeptAndLotlFailureGoesToStderr) {
  ASSERT_EQ(test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " >/dev/null 2>&1").exit_code, 0);
  m_server.set_route("/tl-AA.xml", {test::read_text(test::fixtures() / "bad/tl-AA-tampered.xml"), Fault::kNone});
  m_server.set_fault("/tl-BB.xml", Fault::kNotFound);
  auto r = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("why not refreshed:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AA    kept seq 7: invalid bytes refused: sig-digest-mismatch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("BB    kept seq 3: http-error: HTTP 404"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("CC    "), std::string::npos) << r.out;  // refreshed (304): nothing to explain

  m_server.set_route("/lotl.xml", {test::read_text(test::fixtures() / "bad/lotl-seq103.xml"), Fault::kNone});
  ASSERT_NE(test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " >/dev/null 2>&1").exit_code, 3);
  m_server.set_route("/lotl.xml", {test::read_text(test::fixtures() / "lists/lotl.xml"), Fault::kNone});
  auto err = test::run_command(test::shell_line(fetch_args(m_server, m_store)) + " 2>&1 >/dev/null");
  EXPECT_EQ(err.exit_code, 3);
  EXPECT_NE(err.out.find("the LOTL was not refreshed: kept seq 103: rollback refused: TSLSequenceNumber 102 "
                         "obtained, 103 in use"),
            std::string::npos)
      << err.out;
}

TEST_F(FetchCli, HttpLotlUrlNeedsAllowHttp) {
  auto args = fetch_args(m_server, m_store);
  args[5] = "http://127.0.0.1:9/lotl.xml";  // --lotl-url (port 9: discard, closed)
  auto refused = test::run_command(test::shell_line(args) + " 2>&1");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find("--allow-http"), std::string::npos) << refused.out;
  args.push_back("--allow-http");
  args.push_back("--deadline");
  args.push_back("5");
  auto allowed = test::run_command(test::shell_line(args) + " 2>&1");
  EXPECT_EQ(allowed.exit_code, 4) << allowed.out;  // accepted, but nothing answers there: could not run
  EXPECT_NE(allowed.out.find("eutl: could not run: the LOTL could not be downloaded from 127.0.0.1:9"),
            std::string::npos)
      << allowed.out;
  EXPECT_EQ(allowed.out.find("--allow-http"), std::string::npos) << allowed.out;
}

TEST_F(FetchCli, HelpDocumentsDeadlineAndAllowHttp) {
  auto r = test::run_command(test::cli() + " fetch --help 2>&1");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* s : {"--deadline", "--allow-http", "rollback", "§5.3.2", "missing"}) {
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  }
}

}  // namespace
}  // namespace eutl::cli
