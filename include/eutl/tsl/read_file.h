// The one reader for every file a user names on the command line or through the
// library (certificates, chains, LOTL anchors, trusted lists, evidence records).
//
// A path is opened once (O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, plus O_NOFOLLOW
// when asked), checked with fstat and read with a bound:
// - only regular files are read: a directory, FIFO, socket or device is refused at
//   once, naming the file and what it is, without ever blocking on it;
// - empty files are refused for every kind (none of them can be empty);
// - the size limit of the kind is enforced from st_size and again while reading, as
//   files can grow under us.
// Errors: kNotFound (no such file), kUsage (not a regular file, empty, not allowed),
// kLimit (over the size limit) are input errors; kIo is a real I/O failure (EIO,
// out of descriptors…), i.e. "could not run".
#pragma once

#include <cstddef>
#include <filesystem>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"

namespace eutl::tsl {

// What a file is meant to hold; each kind has its own size limit.
enum class FileKind {
  kCertificate,  // a certificate or a chain, PEM or DER: 1 MiB
  kAnchors,      // the LOTL signing certificates (Official Journal), PEM: 1 MiB
  kEvidence,     // an evidence record (JSON, docs/evidence-schema.md): 16 MiB
  kList,         // a trusted list or LOTL (XML): 64 MiB, as tsl::ParseLimits::max_bytes
};

inline constexpr std::size_t kMaxCertificateFileBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxAnchorsFileBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxEvidenceFileBytes = std::size_t{16} << 20;
inline constexpr std::size_t kMaxListFileBytes = std::size_t{64} << 20;

std::size_t max_file_bytes(FileKind kind) noexcept;
// "certificate file", "anchors file", "evidence record", "list file".
const char* file_kind_name(FileKind kind) noexcept;

enum class FollowSymlinks : bool { kNo, kYes };

// Reads a whole regular file of the given kind (see above). Empty files are refused.
[[nodiscard]] Result<Bytes> read_file(const std::filesystem::path& path, FileKind kind,
                                      FollowSymlinks follow = FollowSymlinks::kYes);

// The same reader with an explicit limit, for callers outside the four kinds (tests,
// benchmarks, bundle side files). Empty regular files are returned as empty.
[[nodiscard]] Result<Bytes> read_file(const std::filesystem::path& path, std::size_t max_bytes = kMaxListFileBytes,
                                      FollowSymlinks follow = FollowSymlinks::kYes);

}  // namespace eutl::tsl
