// File access inside the store: crash-safe writes (temporary in the same directory,
// fsync, rename, fsync dir) and reads that never follow a symbolic link.
//
// Every path is given as the store root plus a relative path. The root itself may be
// a symbolic link (the user's choice of where the store lives); every component below
// it is opened with O_NOFOLLOW, so a symlink planted inside the store (a directory
// `blobs/ab` pointing elsewhere, a blob that is a link) is an error, never followed.
//
// A writer holds an exclusive flock() on its temporary from creation until the rename,
// so a temporary nobody has locked was left by a process that died: it is stale and
// may be removed at once (remove_if_stale), while a live writer is never disturbed.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "tsl/detail/posix_file.h"

namespace eutl::cache::detail {

// Temporaries start with this prefix so prune() and verify can find leftovers of a crash.
inline constexpr std::string_view kTempPrefix = ".tmp-";

using eutl::detail::Fd;

enum class CreateDirs : bool { kNo, kYes };

// The directory `rel` below `root` (empty `rel`: root itself), opened without following
// a symlink below the root; missing directories are made with kYes.
[[nodiscard]] Result<Fd> open_dir_beneath(const std::filesystem::path& root, const std::filesystem::path& rel,
                                          CreateDirs create);
// A regular file below `root`, opened read-only: kNotFound when absent, kIo when it is a
// symlink, a directory or any other non-regular file.
[[nodiscard]] Result<Fd> open_file_beneath(const std::filesystem::path& root, const std::filesystem::path& rel);
// The same, relative to an already opened directory (`what` names it in messages).
[[nodiscard]] Result<Fd> open_file_at(int dirfd, const std::string& name, const std::filesystem::path& what);
// `fd` when it is open on a regular file, else the error open_file_at gives.
[[nodiscard]] Result<Fd> regular_file(Fd fd, const std::filesystem::path& what);

[[nodiscard]] Result<tsl::Bytes> read_fd(int fd, const std::filesystem::path& what);
[[nodiscard]] Result<tsl::Bytes> read_file_beneath(const std::filesystem::path& root, const std::filesystem::path& rel);
// What a file written is to the store.
enum class FileRole {
  kRecord,        // readable by all (mode 0644) and on disk before it replaces the old one
  kPrivateCache,  // readable by its owner only (0600), not flushed: a crash may lose it,
                  // which costs the next run time only (the TLS sessions)
};
// Replaces `rel` (a regular file, a symlink or any non-directory) with `bytes`.
[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& root, const std::filesystem::path& rel,
                                                 tsl::ByteView bytes, FileRole role = FileRole::kRecord);
[[nodiscard]] Result<void> fsync_directory(const std::filesystem::path& root, const std::filesystem::path& rel);

// Whether a temporary in `dirfd` is still being written by a live process.
enum class TempState { kLive, kStale, kGone };
TempState probe_temporary(int dirfd, const std::string& name);
// Removes the temporary when stale (locks it first, so a live writer keeps its file);
// true when it was removed.
bool remove_if_stale(int dirfd, const std::string& name);

// lstat() relative to a directory; false when absent.
bool lstat_at(int dirfd, const std::string& name, struct stat& st);
// Calls `visit` with each entry name in an open directory ("." and ".." left out), in
// the order the directory gives them, without copying them: for a scan that looks at
// each name alone (a store holds a snapshot per refresh, thousands after a year).
void for_each_name(int dirfd, const std::function<void(std::string_view)>& visit);
// The entry names in an open directory ("." and ".." left out), sorted.
std::vector<std::string> list_names(int dirfd);

}  // namespace eutl::cache::detail
