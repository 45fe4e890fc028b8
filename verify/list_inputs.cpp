// Turning the FILE|DIR… arguments of verify, check, import and the library facade into
// the list files to read: one rule for every entry point.
#include <algorithm>
#include <memory>
#include <cctype>
#include <string>
#include <system_error>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"

namespace eutl::verify {
namespace {

bool has_xml_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".xml";
}

}  // namespace

Result<std::vector<std::filesystem::path>> expand_list_inputs(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& p : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && has_xml_extension(it->path())) {
          found.push_back(it->path());
        }
      }
      if (ec) {
        // An unreadable directory is the caller's to fix; anything else could not run.
        const bool input = ec == std::errc::permission_denied || ec == std::errc::not_a_directory ||
                           ec == std::errc::too_many_symbolic_link_levels;
        return Error(input ? Errc::kUsage : Errc::kIo, p.string() + ": " + ec.message());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);
    } else {
      return Error(Errc::kNotFound, p.string() + ": no such file or directory");
    }
  }
  if (files.empty()) {
    std::string named;
    for (const auto& p : inputs) {
      named += (named.empty() ? "" : ", ") + p.string();
    }
    return Error(Errc::kUsage, "no input lists in " + (named.empty() ? std::string("(none given)") : named) +
                                   " (a directory counts its *.xml files)");
  }
  return files;
}

Result<std::vector<ListSetInput>> read_list_inputs(const std::vector<std::filesystem::path>& files) {
  std::vector<ListSetInput> inputs;
  inputs.reserve(files.size());
  // Each opened file holds a descriptor until a worker reads it: past this many files
  // (far more than the EU set's ~45) they are read now instead, to stay well under the
  // usual limit of 1024 descriptors.
  constexpr std::size_t kMaxOpenedAtOnce = 256;
  for (const auto& f : files) {
    if (files.size() > kMaxOpenedAtOnce) {
      auto bytes = tsl::read_file(f, tsl::FileKind::kList);
      if (!bytes) {
        return std::move(bytes).error();
      }
      inputs.push_back(ListSetInput{f.string(), std::move(*bytes), nullptr});
      continue;
    }
    auto opened = tsl::OpenedFile::open(f, tsl::FileKind::kList);
    if (!opened) {
      return std::move(opened).error();
    }
    inputs.push_back(ListSetInput{f.string(), {}, std::make_shared<tsl::OpenedFile>(std::move(*opened))});
  }
  return inputs;
}

Result<tsl::ByteView> input_bytes(ListSetInput& in, tsl::FileBytes& storage) {
  if (!in.file) {
    return tsl::ByteView(in.bytes);
  }
  auto read = in.file->read_unfilled();
  in.file.reset();
  if (!read) {
    return std::move(read).error();
  }
  storage = std::move(*read);
  return storage.view();
}

}  // namespace eutl::verify
