// The one writer for every file a user names as an output (--evidence, --report, -o,
// evidence bundles): the counterpart of read_file.h.
//
// The path is opened once with O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC |
// O_NOCTTY. O_NONBLOCK makes a FIFO that nobody reads fail at once (ENXIO) instead of
// blocking the process forever; it is cleared after the open, so a pipe with a reader
// (`-o /dev/stdout | less`) is written normally. Regular files, character devices
// (/dev/null) and FIFOs with a reader are accepted; a directory or socket is refused.
// Errors: kUsage (not writable as asked: directory, FIFO without reader, socket, no
// such directory, permission) is an input error; kIo (a failed write, disk full) is
// "could not run".
#pragma once

#include <filesystem>
#include <string_view>

#include "eutl/result.h"

namespace eutl::tsl {

[[nodiscard]] Result<void> write_file(const std::filesystem::path& path, std::string_view data);

}  // namespace eutl::tsl
