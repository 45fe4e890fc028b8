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
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

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

// A whole file's bytes in a buffer that read(2) fills directly. A Bytes buffer is
// zero-filled when it is sized (std::vector value-initialises), a pass over the
// memory that the read then overwrites; this one is not.
class FileBytes final {
 public:
  FileBytes() = default;
  explicit FileBytes(std::size_t size)
      : m_data(std::make_unique_for_overwrite<std::uint8_t[]>(size)), m_size(size), m_capacity(size) {}

  ByteView view() const noexcept { return {m_data.get(), m_size}; }
  std::uint8_t* data() noexcept { return m_data.get(); }
  std::size_t size() const noexcept { return m_size; }
  bool empty() const noexcept { return m_size == 0; }
  // Shrinks to n bytes (n <= size()), keeping the buffer.
  void shrink(std::size_t n) noexcept { m_size = n < m_size ? n : m_size; }
  // Appends n bytes (for a file that grew since fstat; the buffer at least doubles
  // when it must grow, so appending chunk by chunk stays linear).
  void append(const std::uint8_t* from, std::size_t n);

 private:
  std::unique_ptr<std::uint8_t[]> m_data;
  std::size_t m_size = 0;
  std::size_t m_capacity = 0;
};

// A file opened and checked now as read_file does (regular, within the kind's limit,
// not empty), read later, once, possibly on another thread: a list set is opened up
// front, so a bad path fails before any work, and each list is read by the worker
// that parses it, so only the documents in flight are in memory.
class OpenedFile final {
 public:
  [[nodiscard]] static Result<OpenedFile> open(const std::filesystem::path& path, FileKind kind,
                                               FollowSymlinks follow = FollowSymlinks::kYes);
  OpenedFile(OpenedFile&& o) noexcept;
  OpenedFile& operator=(OpenedFile&&) = delete;
  OpenedFile(const OpenedFile&) = delete;
  OpenedFile& operator=(const OpenedFile&) = delete;
  ~OpenedFile();

  // The size fstat reported at open (for ordering work by size).
  std::size_t size_hint() const noexcept { return m_size; }
  // The whole file, with read_file's checks (it may have grown past the limit since),
  // in a FileBytes buffer (no zero-filling before the read); the descriptor is closed.
  // A second call fails with kInternal.
  [[nodiscard]] Result<FileBytes> read_unfilled();

 private:
  OpenedFile() = default;
  std::filesystem::path m_path;
  FileKind m_kind = FileKind::kList;
  int m_fd = -1;
  std::size_t m_size = 0;
  std::optional<FileBytes> m_read;  // a file that reported size 0, read at open
};

}  // namespace eutl::tsl
