#include "evidence/sources.h"

#include <iterator>

#include "eutl/tsl/read_file.h"
#include "eutl/tsl/write_file.h"

namespace eutl::evidence::detail {
namespace {

namespace fs = std::filesystem;

bool is_hex_digest(const std::string& hex) {
  if (hex.size() != 64) {
    return false;
  }
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// Tries one candidate file; true when it holds exactly the bytes named by `hex`.
bool try_file(const fs::path& file, const std::string& hex, const char* origin, FoundBytes& found) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return false;
  }
  auto bytes = read_file_bytes(file);
  if (!bytes) {
    found.problems.push_back(std::string(origin) + " " + file.string() + " cannot be read");
    return false;
  }
  const std::string got = tsl::to_hex(tsl::sha256(*bytes));
  if (got != hex) {
    found.problems.push_back(std::string(origin) + " " + file.string() + " has SHA-256 " + got +
                             " (its bytes changed)");
    return false;
  }
  found.bytes = std::move(*bytes);
  found.origin = origin;
  return true;
}

}  // namespace

std::optional<tsl::Bytes> read_file_bytes(const std::filesystem::path& file) {
  // The one bounded reader (regular files only; a bundle holds lists, hence their limit).
  auto bytes = tsl::read_file(file, tsl::kMaxListFileBytes);
  if (!bytes) {
    return std::nullopt;
  }
  return std::move(*bytes);
}

Result<void> write_file_bytes(const std::filesystem::path& file, tsl::ByteView bytes) {
  return tsl::write_file(file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::filesystem::path bundle_list_path(const std::filesystem::path& bundle, const std::string& hex) {
  return bundle / "lists" / (hex + ".xml");
}

FoundBytes find_list_bytes(const EvidenceSources& sources, const std::string& hex, const std::string& source) {
  FoundBytes found;
  if (!is_hex_digest(hex)) {
    found.problems.push_back("the recorded SHA-256 \"" + hex + "\" is not 64 lower-case hex digits");
    return found;
  }
  // The first place that has a file decides: a changed file is never papered over
  // by an intact copy elsewhere. A bundle is self-contained: nothing else is read.
  std::vector<std::pair<fs::path, const char*>> candidates;
  if (sources.bundle) {
    candidates.emplace_back(bundle_list_path(*sources.bundle, hex), "bundle file");
  } else {
    if (sources.store) {
      // The store's layout (store.h): blobs/<first two hex digits>/<hex>. Read directly
      // so that verification never creates or modifies anything in the store.
      candidates.emplace_back(*sources.store / "blobs" / hex.substr(0, 2) / hex, "store blob");
    }
    if (!source.empty() && source.find("://") == std::string::npos) {
      candidates.emplace_back(fs::path(source), "source file");
    }
  }
  for (const auto& [path, origin] : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      try_file(path, hex, origin, found);
      return found;
    }
  }
  found.searched = candidates.empty() ? "no bundle or store was given" : "";
  for (const auto& [path, origin] : candidates) {
    found.searched += (found.searched.empty() ? "" : ", ") + std::string(origin) + " " + path.string();
  }
  return found;
}

}  // namespace eutl::evidence::detail
