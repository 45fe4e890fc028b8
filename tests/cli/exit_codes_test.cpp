// Exit code 4, "could not run" (README "Exit codes"): a store busy with another
// writer, a network that cannot be reached, an error the Errc says is operational.
// 2 stays "usage or input error"; 0, 1 and 3 keep their meaning.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/exit_codes.h"
#include "eutl/cache/store.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

using test::shell_quote;

class ExitCodes : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
    m_store = fs::temp_directory_path() / ("eutl-exit-codes-" + std::to_string(::getpid()));
    fs::remove_all(m_store);
  }
  void TearDown() override { fs::remove_all(m_store); }

  std::string anchors() const { return shell_quote(test::fixtures() / "pki/oj-anchors.pem"); }
  fs::path m_store;
};

TEST(ExitCodeFor, FollowsTheErrc) {
  struct Row {
    Errc code;
    int exit;
  };
  constexpr Row kRows[] = {
      {Errc::kIo, 4},       {Errc::kCrypto, 4},   {Errc::kInternal, 4}, {Errc::kMalformed, 2},
      {Errc::kUnsupported, 2}, {Errc::kLimit, 2}, {Errc::kNotFound, 2}, {Errc::kUsage, 2},
  };
  for (const auto& row : kRows) {
    EXPECT_EQ(exit_code_for(Error(row.code, "x")), row.exit) << errc_name(row.code);
  }
}

TEST_F(ExitCodes, BusyStoreCouldNotRun) {
  auto store = cache::Store::open(m_store);
  ASSERT_TRUE(store) << store.error().message;
  auto lock = store->lock_for_writing();
  ASSERT_TRUE(lock) << lock.error().message;
  const std::string lists = shell_quote(test::fixtures() / "lists");
  for (const std::string& cmd :
       {" import --store " + shell_quote(m_store) + " --lotl-signers " + anchors() + " " + lists,
        " fetch --store " + shell_quote(m_store) + " --lotl-signers " + anchors() + " --lotl-url https://127.0.0.1:1/lotl.xml",
        " store prune --keep 1 --store " + shell_quote(m_store)}) {
    auto r = test::run_command(test::cli() + cmd + " 2>&1");
    EXPECT_EQ(r.exit_code, 4) << cmd << "\n" << r.out;
    EXPECT_NE(r.out.find("is being written by another eutl process"), std::string::npos) << r.out;
  }
}

TEST_F(ExitCodes, UnreachableLotlCouldNotRun) {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  auto r = test::run_command(test::cli() + " fetch --store " + shell_quote(m_store) + " --lotl-signers " + anchors() +
                             " --lotl-url https://127.0.0.1:1/lotl.xml --retries 0 --timeout 5 2>&1");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("the LOTL could not be downloaded"), std::string::npos) << r.out;
}

TEST_F(ExitCodes, InputErrorsStayTwo) {
  const std::string missing = (m_store / "missing.xml").string();
  auto r = test::run_command(test::cli() + " show " + shell_quote(missing) + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, ::testing::HasSubstr("eutl: " + missing + ": cannot open the list file"));
  r = test::run_command(test::cli() + " import --store " + shell_quote(m_store) + " --lotl-signers " + anchors() + " " +
                        shell_quote(missing) + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, ::testing::HasSubstr("eutl: " + missing + ": no such file or directory"));
}

}  // namespace
}  // namespace eutl::cli
