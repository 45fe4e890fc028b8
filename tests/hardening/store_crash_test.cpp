// Crash safety: `eutl import` and the model-cache write of `eutl check` killed with
// SIGKILL at 30 points spread over their run leave a store that `eutl store verify`
// reports clean: at most reclaimable leftovers (temporaries no process holds, blobs no
// snapshot uses yet), never a problem, and the current snapshot still answers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/hardening/store_fixture_support.h"

extern char** environ;

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;
using test::FixtureStore;
using Clock = std::chrono::steady_clock;

// Runs `command` through /bin/sh (output discarded) and returns its pid.
pid_t spawn(const std::string& command) {
  const std::string line = "exec " + command + " >/dev/null 2>&1";
  const char* argv[] = {"/bin/sh", "-c", line.c_str(), nullptr};
  pid_t pid = -1;
  if (::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    return -1;
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// How long one undisturbed run of `command` takes (the span the kills are spread over).
Clock::duration duration_of(const std::string& command) {
  const auto start = Clock::now();
  wait_for(spawn(command));
  return Clock::now() - start;
}

// Kills `command` after `delay` (or finds it already finished).
void run_and_kill(const std::string& command, Clock::duration delay) {
  pid_t pid = spawn(command);
  ASSERT_GT(pid, 0);
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  wait_for(pid);
}

void expect_clean(const FixtureStore& s, const std::string& when) {
  auto v = s.store_verify();
  EXPECT_EQ(v.exit_code, 0) << when << ":\n" << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("store is clean")) << when;
}

constexpr int kKills = 30;

TEST(HardeningStoreCrash, ImportKilledAtAnyPointLeavesAVerifiableStore) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("crash-import");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const std::string cmd = s.import_command(FixtureStore::larger_set());
  const auto span = duration_of(cmd);
  for (int i = 0; i < kKills; ++i) {
    run_and_kill(s.import_command(i % 2 == 0 ? FixtureStore::larger_set() : FixtureStore::base_set()),
                 span * i / kKills);
    expect_clean(s, "after a kill at " + std::to_string(i) + "/" + std::to_string(kKills) + " of an import");
  }
  auto c = s.check("--snapshot current");
  EXPECT_EQ(c.exit_code, 0) << c.out;
  EXPECT_THAT(c.out, ::testing::HasSubstr("CLAIM qes: confirmed"));
  auto repaired = s.store_verify("--repair");
  EXPECT_EQ(repaired.exit_code, 0) << repaired.out;
  EXPECT_THAT(repaired.out, ::testing::HasSubstr("store is clean"));
  auto again = s.store_verify();
  EXPECT_EQ(again.out.find("stale-temporary"), std::string::npos) << again.out;
}

TEST(HardeningStoreCrash, ModelCacheWriteKilledAtAnyPointLeavesAVerifiableStore) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("crash-model");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const fs::path models = s.store() / "models";
  auto drop_models = [&] {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(models, ec)) {
      if (e.path().extension() == ".bin") {
        fs::remove(e.path(), ec);
      }
    }
  };
  // A cold check: verifies the blobs and writes models/<id>.bin.
  const std::string cmd = s.check_command();
  const auto span = duration_of(cmd);
  ASSERT_TRUE(fs::exists(models));
  for (int i = 0; i < kKills; ++i) {
    drop_models();
    run_and_kill(cmd, span * i / kKills);
    expect_clean(s, "after a kill at " + std::to_string(i) + "/" + std::to_string(kKills) + " of a check");
  }
  auto c = s.check();
  EXPECT_EQ(c.exit_code, 0) << c.out;
  EXPECT_THAT(c.out, ::testing::HasSubstr("CLAIM qes: confirmed"));
  expect_clean(s, "after the last check");
}

}  // namespace
}  // namespace eutl::cache
