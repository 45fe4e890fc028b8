// Crash-safe file writes: temporary in the same directory, fsync, rename, fsync dir.
#pragma once

#include <filesystem>
#include <string_view>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cache::detail {

// Temporaries start with this prefix so prune() can find leftovers of a crash.
inline constexpr std::string_view kTempPrefix = ".tmp-";

[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& path, tsl::ByteView bytes);
[[nodiscard]] Result<tsl::Bytes> read_whole_file(const std::filesystem::path& path);
[[nodiscard]] Result<void> fsync_directory(const std::filesystem::path& dir);

}  // namespace eutl::cache::detail
