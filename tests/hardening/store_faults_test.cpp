// Store faults (issue 8 §4): a full file system and a read-only store are reported
// clearly, and the snapshot in use, with every list it references, survives intact.
//
// The store lives on a small tmpfs mounted for the test (needs root, as in CI; the
// tests skip elsewhere). Root ignores permission bits, so "read-only" is a read-only
// remount, not chmod.
#include <gtest/gtest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eutl/cache/store.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

// A tmpfs of `size` bytes, unmounted (and its directory removed) on destruction.
class TmpfsMount final {
 public:
  explicit TmpfsMount(const std::string& size) {
    std::string templ = (fs::temp_directory_path() / "eutl-store-fault-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) {
      m_error = std::strerror(errno);
      return;
    }
    m_dir = templ;
    std::string opts = "size=" + size;
    if (::mount("tmpfs", m_dir.c_str(), "tmpfs", 0, opts.c_str()) != 0) {
      m_error = std::string("mount tmpfs: ") + std::strerror(errno);
      return;
    }
    m_mounted = true;
  }
  ~TmpfsMount() {
    if (m_mounted) {
      ::umount2(m_dir.c_str(), MNT_DETACH);
    }
    std::error_code ec;
    if (!m_dir.empty()) fs::remove_all(m_dir, ec);
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool ok() const { return m_mounted; }
  const std::string& error() const { return m_error; }
  const fs::path& dir() const { return m_dir; }

  bool remount_read_only() {
    return ::mount("tmpfs", m_dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

  // Writes zeros until the file system refuses: the next write anywhere fails.
  void fill() {
    std::ofstream out(m_dir / "filler", std::ios::binary);
    std::vector<char> block(4096, 0);
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
      out.flush();
    }
  }

 private:
  fs::path m_dir;
  bool m_mounted = false;
  std::string m_error;
};

#define EUTL_REQUIRE_TMPFS(m)                                                              \
  do {                                                                                     \
    if (::geteuid() != 0 || !(m).ok()) {                                                   \
      GTEST_SKIP() << "needs root to mount a tmpfs: " << (m).error();                       \
    }                                                                                      \
  } while (0)

test::CommandResult import(const fs::path& store, const std::vector<fs::path>& inputs) {
  std::string cmd = "'" + test::cli() + "' import --lotl-signers '" +
                    (test::fixtures() / "pki/oj-anchors.pem").string() +
                    "' --at 2025-03-01T00:00:00Z --store '" + store.string() + "'";
  for (const auto& in : inputs) cmd += " '" + in.string() + "'";
  return test::run_command(cmd + " 2>&1");
}

std::vector<fs::path> good_set() { return {test::fixtures() / "lists"}; }
std::vector<fs::path> other_set() {
  // Needs a blob the store does not have yet (an expired AA list).
  const auto f = test::fixtures();
  return {f / "lists/pivot-101.xml", f / "lists/lotl.xml", f / "bad/tl-AA-expired.xml"};
}

// The current snapshot's id, and that every list blob it references reads back with
// a matching digest (Store::read_blob re-checks it).
std::string current_id_with_blobs_intact(const fs::path& dir) {
  auto store = Store::open(dir);
  EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
  if (!store) return {};
  auto cur = store->current();
  EXPECT_TRUE(cur.has_value() && cur->has_value());
  if (!cur || !cur->has_value()) return {};
  const Snapshot& snap = **cur;
  std::size_t checked = 0;
  for (const auto* group : {&snap.pivots, &snap.lists}) {
    for (const auto& rec : *group) {
      if (!rec.in_use_digest) continue;
      auto blob = store->read_blob(*rec.in_use_digest);
      EXPECT_TRUE(blob.has_value()) << tsl::to_hex(*rec.in_use_digest) << ": " << (blob ? "" : blob.error().message);
      ++checked;
    }
  }
  EXPECT_GE(checked, 3u) << "the good set has AA, BB and CC in use";
  return snap.id;
}

std::size_t temporaries_under(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().filename().string().rfind(".tmp", 0) == 0) ++n;
  }
  return n;
}

TEST(HardeningStoreFaults, DiskFullIsReportedAndTheCurrentSnapshotSurvives) {
  TmpfsMount m("1m");
  EUTL_REQUIRE_TMPFS(m);
  const fs::path store = m.dir() / "store";
  auto first = import(store, good_set());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const std::string before = current_id_with_blobs_intact(store);
  ASSERT_FALSE(before.empty());

  m.fill();
  auto full = import(store, other_set());
  EXPECT_NE(full.exit_code, 0) << full.out;
  EXPECT_NE(full.out.find("No space left on device"), std::string::npos) << full.out;
  EXPECT_EQ(current_id_with_blobs_intact(store), before);
  EXPECT_EQ(temporaries_under(store), 0u) << "a failed write leaves no temporary behind";

  // Room again: the same import now completes and moves `current`. It exits 1, not 0:
  // the expired AA list is reported as failed and the good AA list stays in use.
  fs::remove(m.dir() / "filler");
  auto again = import(store, other_set());
  EXPECT_EQ(again.exit_code, 1) << again.out;
  const std::string after = current_id_with_blobs_intact(store);
  EXPECT_FALSE(after.empty());
  EXPECT_NE(after, before);
}

TEST(HardeningStoreFaults, ReadOnlyStoreIsReportedAndNothingIsLost) {
  TmpfsMount m("1m");
  EUTL_REQUIRE_TMPFS(m);
  const fs::path store = m.dir() / "store";
  auto first = import(store, good_set());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const std::string before = current_id_with_blobs_intact(store);
  ASSERT_FALSE(before.empty());

  ASSERT_TRUE(m.remount_read_only()) << std::strerror(errno);
  auto ro = import(store, other_set());
  EXPECT_NE(ro.exit_code, 0) << ro.out;
  EXPECT_NE(ro.out.find("Read-only file system"), std::string::npos) << ro.out;
  EXPECT_EQ(current_id_with_blobs_intact(store), before);
}

TEST(HardeningStoreFaults, ReadOnlyEmptyStoreCannotBeCreated) {
  TmpfsMount m("64k");
  EUTL_REQUIRE_TMPFS(m);
  ASSERT_TRUE(m.remount_read_only()) << std::strerror(errno);
  auto ro = import(m.dir() / "store", good_set());
  EXPECT_NE(ro.exit_code, 0) << ro.out;
  EXPECT_NE(ro.out.find("Read-only file system"), std::string::npos) << ro.out;
}

}  // namespace
}  // namespace eutl::cache
