// Retention of the evidence records (server/api/evidence_retention.h).
#include "server/api/evidence_retention.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <system_error>

#include "tsl/detail/c_handle.h"

namespace eutl::server {
namespace {

bool lower_hex(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string errno_text(int err) { return std::error_code(err, std::generic_category()).message(); }

using DirPtr = detail::CHandle<DIR, ::closedir>;

}  // namespace

EvidenceFileKind evidence_file_kind(std::string_view name) noexcept {
  constexpr std::string_view kJson = ".json";
  if (name.size() == 64 + kJson.size() && name.ends_with(kJson) && lower_hex(name.substr(0, 64))) {
    return EvidenceFileKind::kRecord;
  }
  // store_evidence: ".tmp-" ID "-" decimal random bits.
  constexpr std::string_view kTmp = ".tmp-";
  if (name.starts_with(kTmp) && name.size() > kTmp.size() + 65 && lower_hex(name.substr(kTmp.size(), 64)) &&
      name[kTmp.size() + 64] == '-') {
    const std::string_view digits = name.substr(kTmp.size() + 65);
    if (digits.size() <= 20 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return EvidenceFileKind::kTemporary;
    }
  }
  return EvidenceFileKind::kOther;
}

PrunePlan plan_prune(std::vector<EvidenceFile> files, const RetentionPolicy& policy, tsl::TimePoint now) {
  PrunePlan plan;
  std::vector<EvidenceFile> records;
  for (EvidenceFile& f : files) {
    if (f.kind == EvidenceFileKind::kTemporary && now - f.modified > kTemporaryGrace) {
      plan.remove.push_back(std::move(f.name));
    } else if (f.kind == EvidenceFileKind::kRecord) {
      if (policy.keep.count() > 0 && now - f.modified > policy.keep) {
        plan.remove.push_back(std::move(f.name));
      } else {
        records.push_back(std::move(f));
      }
    }
  }
  if (policy.max_records > 0 && records.size() > policy.max_records) {
    // Oldest first; the same mtime in name order.
    std::sort(records.begin(), records.end(), [](const EvidenceFile& a, const EvidenceFile& b) {
      return a.modified != b.modified ? a.modified < b.modified : a.name < b.name;
    });
    const std::size_t excess = records.size() - policy.max_records;
    for (std::size_t i = 0; i < excess; ++i) {
      plan.remove.push_back(std::move(records[i].name));
    }
    plan.records_kept = policy.max_records;
  } else {
    plan.records_kept = records.size();
  }
  return plan;
}

PruneResult prune_evidence(const std::filesystem::path& dir, const RetentionPolicy& policy, tsl::TimePoint now) {
  PruneResult result;
  // O_NOFOLLOW is not used on the directory itself: an operator may point
  // --evidence-dir at a link to another disk. Its entries are read with lstat semantics.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) {
    if (errno != ENOENT) {
      result.failures.push_back("evidence directory " + dir.string() + ": " + errno_text(errno));
    }
    return result;
  }
  DirPtr stream(::fdopendir(dir_fd));  // owns dir_fd from here
  if (!stream) {
    result.failures.push_back("evidence directory " + dir.string() + ": " + errno_text(errno));
    ::close(dir_fd);
    return result;
  }
  std::vector<EvidenceFile> files;
  errno = 0;
  while (const dirent* entry = ::readdir(stream.get())) {
    const std::string_view name = entry->d_name;
    const EvidenceFileKind kind = evidence_file_kind(name);
    if (kind == EvidenceFileKind::kOther) {
      continue;
    }
    struct stat st {};
    if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
      continue;  // gone meanwhile, or a link, directory or device named like a record: left alone
    }
    const auto modified = std::chrono::system_clock::time_point{std::chrono::duration_cast<std::chrono::system_clock::duration>(
        std::chrono::seconds{st.st_mtim.tv_sec} + std::chrono::nanoseconds{st.st_mtim.tv_nsec})};
    files.push_back({std::string(name), modified, kind});
  }
  if (errno != 0) {
    result.failures.push_back("evidence directory " + dir.string() + ": " + errno_text(errno));
  }
  const std::size_t record_count = static_cast<std::size_t>(
      std::count_if(files.begin(), files.end(), [](const EvidenceFile& f) { return f.kind == EvidenceFileKind::kRecord; }));
  PrunePlan plan = plan_prune(std::move(files), policy, now);
  std::size_t records_left = record_count;
  for (const std::string& name : plan.remove) {
    // unlinkat removes a name, never what a link points to.
    if (::unlinkat(dir_fd, name.c_str(), 0) != 0 && errno != ENOENT) {
      result.failures.push_back("cannot remove " + (dir / name).string() + ": " + errno_text(errno));
      continue;
    }
    ++result.removed;
    if (evidence_file_kind(name) == EvidenceFileKind::kRecord) {
      --records_left;
    }
  }
  result.records = records_left;
  return result;
}

}  // namespace eutl::server
