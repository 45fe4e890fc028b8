// The evidence records of `eutl serve` (server/api/evidence_store.h).
#include "server/api/evidence_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <system_error>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/read_file.h"

namespace eutl::server {
namespace {

std::filesystem::path record_path(const ServerConfig& config, std::string_view id) {
  return evidence_dir(config) / (std::string(id) + ".json");
}

// A name no other writer uses at the same moment: the ID and 64 random bits.
std::string temporary_name(std::string_view id) {
  std::random_device random;
  const std::uint64_t bits = (std::uint64_t{random()} << 32) ^ random();
  return ".tmp-" + std::string(id) + "-" + std::to_string(bits);
}

Result<void> write_new(const std::filesystem::path& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Error(Errc::kIo, "evidence directory: cannot create " + path.string() + ": " +
                                std::error_code(errno, std::generic_category()).message());
  }
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      return Error(Errc::kIo, "evidence directory: cannot write " + path.string() + ": " +
                                  std::error_code(err, std::generic_category()).message());
    }
    done += static_cast<std::size_t>(n);
  }
  // No fsync: the rename makes the record appear whole or not at all, which is what a
  // reader needs; a record lost to a power cut is re-made by asking again.
  if (::close(fd) != 0) {
    return Error(Errc::kIo, "evidence directory: cannot write " + path.string());
  }
  return {};
}

// Why a record handed out once may be gone: the retention in force (docs/serve.md).
std::string retention_note(const ServerConfig& config) {
  const auto keep = config.evidence_keep;
  const auto days = std::chrono::duration_cast<std::chrono::days>(keep);
  const std::string age = keep.count() == 0 ? std::string()
                          : days.count() > 0 && keep == days ? std::to_string(days.count()) + " days"
                                                             : std::to_string(keep.count()) + " seconds";
  const std::string count = config.evidence_max_records == 0
                                ? std::string()
                                : "the newest " + std::to_string(config.evidence_max_records) + " records";
  std::string kept;
  if (!age.empty() && !count.empty()) {
    kept = "records are kept for " + age + ", and only " + count;
  } else if (!age.empty()) {
    kept = "records are kept for " + age;
  } else if (!count.empty()) {
    kept = "only " + count + " are kept";
  } else {
    return {};
  }
  return " (" + kept + "; a client keeps the records it needs: they re-verify offline)";
}

}  // namespace

bool is_evidence_id(std::string_view id) noexcept {
  if (id.size() != 64) {
    return false;
  }
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

std::filesystem::path evidence_dir(const ServerConfig& config) {
  return config.evidence_dir.empty() ? config.store / "evidence" : config.evidence_dir;
}

Result<std::string> store_evidence(const ServerConfig& config, std::string_view record) {
  const std::string id = tsl::to_hex(tsl::sha256(tsl::as_bytes(record)));
  const std::filesystem::path dir = evidence_dir(config);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Error(Errc::kIo, "evidence directory " + dir.string() + ": " + ec.message());
  }
  const std::filesystem::path path = record_path(config, id);
  if (std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec))) {
    // The same bytes are there already (the name is their digest). Handed out again, the
    // record's age starts again, so retention does not remove it a moment after.
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
    return id;
  }
  const std::filesystem::path temporary = dir / temporary_name(id);
  if (auto written = write_new(temporary, record); !written) {
    std::filesystem::remove(temporary, ec);
    return std::move(written).error();
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return Error(Errc::kIo, "evidence directory " + dir.string() + ": cannot store the record: " + ec.message());
  }
  if (config.on_evidence_stored) {
    config.on_evidence_stored();
  }
  return id;
}

Result<std::string> read_evidence(const ServerConfig& config, std::string_view id) {
  if (!is_evidence_id(id)) {
    return Error(Errc::kUsage, "an evidence ID is the record's SHA-256: 64 lower-case hexadecimal characters");
  }
  auto bytes = tsl::read_file(record_path(config, id), tsl::FileKind::kEvidence, tsl::FollowSymlinks::kNo);
  if (!bytes) {
    if (bytes.error().code == Errc::kNotFound) {
      return Error(Errc::kNotFound, "no evidence record " + std::string(id) + retention_note(config));
    }
    return Error(bytes.error().code == Errc::kIo ? Errc::kIo : Errc::kNotFound,
                 "evidence record " + std::string(id) + " cannot be read");
  }
  return std::string(bytes->begin(), bytes->end());
}

}  // namespace eutl::server
