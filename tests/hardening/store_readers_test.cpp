// Readers never fail because of a writer: `eutl check` against the store, from four
// threads, while another thread imports and prunes (--keep 1) in a loop. Every check
// must give the same answer as on a quiet store; none may see a blob or snapshot
// vanish (the snapshot it reads is pinned, see include/eutl/cache/store.h).
//
// The writer alternates between the fixture lists and copies with a newline appended
// after the root element (outside what the signature covers, so they verify alike):
// every list blob differs between the two, so each prune removes all blobs of the
// snapshot the readers were using a moment before.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/hardening/store_fixture_support.h"

namespace eutl::cache {
namespace {

using test::FixtureStore;

TEST(HardeningStoreReaders, ChecksDuringImportAndPruneNeverFail) {
  EUTL_REQUIRE_FIXTURES();
  FixtureStore s("readers");
  ASSERT_EQ(s.import(FixtureStore::base_set()).exit_code, 0);
  const auto quiet = s.check();
  ASSERT_EQ(quiet.exit_code, 0) << quiet.out;

  constexpr int kThreads = 4;
  constexpr int kChecksPerThread = 50;
  std::atomic<bool> readers_done{false};
  std::atomic<int> writer_rounds{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;

  std::vector<std::string> variant;
  for (const std::string& f : FixtureStore::base_set()) {
    const auto copy = s.dir() / ("variant-" + std::filesystem::path(f).filename().string());
    std::filesystem::copy_file(test::fixtures() / f, copy);
    std::ofstream(copy, std::ios::app) << "\n";
    variant.push_back(copy.string());  // absolute: fixtures() / absolute == absolute
  }
  std::thread writer([&] {
    for (int i = 0; !readers_done.load(); ++i) {
      auto imp = s.import(i % 2 == 0 ? variant : FixtureStore::base_set());
      auto pr = s.prune(1);
      if (imp.exit_code == 2 || pr.exit_code != 0) {
        std::lock_guard<std::mutex> g(failures_mutex);
        failures.push_back("writer: " + imp.out + pr.out);
      }
      writer_rounds.fetch_add(1);
    }
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < kThreads; ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; i < kChecksPerThread; ++i) {
        // Half through the model cache, half re-verifying the blobs of `current`.
        auto r = s.check((i + t) % 2 == 0 ? "" : "--snapshot current");
        if (r.exit_code != quiet.exit_code) {
          std::lock_guard<std::mutex> g(failures_mutex);
          failures.push_back("reader " + std::to_string(t) + "/" + std::to_string(i) + " exit " +
                             std::to_string(r.exit_code) + ": " + r.out);
        }
      }
    });
  }
  for (auto& r : readers) {
    r.join();
  }
  readers_done = true;
  writer.join();

  EXPECT_GE(writer_rounds.load(), 2) << "the writer ran while the readers did";
  EXPECT_TRUE(failures.empty()) << failures.size() << " failure(s), first: " << failures.front();
  auto v = s.store_verify();
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, ::testing::HasSubstr("store is clean"));
}

}  // namespace
}  // namespace eutl::cache
