// Internal: finding the exact bytes an evidence record names, by SHA-256.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "eutl/evidence/evidence.h"

namespace eutl::evidence::detail {

struct FoundBytes final {
  std::optional<tsl::Bytes> bytes;    // set only when the SHA-256 matched
  std::string origin;                 // "bundle", "store" or "source file"
  std::vector<std::string> problems;  // the candidate that existed with other bytes
  std::string searched;               // where it looked, when nothing existed
};

// With a bundle: only its lists/<hex>.xml. Otherwise the store blob, then `source` as
// a file path (a record made from files, or a list imported from one; never a URL).
// The first existing file decides; its bytes count only when the SHA-256 matches.
FoundBytes find_list_bytes(const EvidenceSources& sources, const std::string& hex, const std::string& source);

std::optional<tsl::Bytes> read_file_bytes(const std::filesystem::path& file);
[[nodiscard]] Result<void> write_file_bytes(const std::filesystem::path& file, tsl::ByteView bytes);

std::filesystem::path bundle_list_path(const std::filesystem::path& bundle, const std::string& hex);

}  // namespace eutl::evidence::detail
