#include "cli/check_batch_input.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "eutl/trusted_lists.h"
#include "eutl/tsl/read_file.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

BatchEntry error_entry(const std::string& file, std::size_t index, Error error) {
  BatchEntry e;
  e.file = file;
  e.index = index;
  e.error = std::move(error);
  return e;
}

// Standard input, bounded as a certificate file is (tsl::FileKind::kCertificate).
Result<tsl::Bytes> read_stdin() {
  const std::size_t limit = tsl::max_file_bytes(tsl::FileKind::kCertificate);
  tsl::Bytes out;
  std::uint8_t buf[65536];
  while (true) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return Error(Errc::kIo, std::string("-: cannot read standard input: ") + std::strerror(errno));
    }
    if (n == 0) {
      break;
    }
    out.insert(out.end(), buf, buf + n);
    if (out.size() > limit) {
      return Error(Errc::kLimit, "-: standard input is over the " + std::to_string(limit >> 20) +
                                     " MiB limit of a certificate file");
    }
  }
  if (out.empty()) {
    return Error(Errc::kMalformed, "-: standard input is empty");
  }
  return out;
}

// The entries of one file's certificates (DER): one per certificate, each at its
// position, or one with its chain under --fullchain. A certificate that does not parse
// is an error entry at its position; under --fullchain it spoils the whole file.
void add_certificates(const std::string& file, const std::vector<tsl::Bytes>& ders, eutl::BundleRule rule,
                      std::vector<BatchEntry>& out) {
  std::vector<verify::CertificateProfile> parsed;
  for (std::size_t i = 0; i < ders.size(); ++i) {
    auto p = verify::read_certificate_profile(ders[i]);
    if (!p) {
      std::string where = ders.size() == 1 ? file : file + ": certificate " + std::to_string(i + 1);
      Error e(p.error().code, where + ": " + p.error().message);
      if (rule == eutl::BundleRule::kFullchain) {
        out.push_back(error_entry(file, 1, std::move(e)));
        return;
      }
      out.push_back(error_entry(file, i + 1, std::move(e)));
      continue;
    }
    if (rule == eutl::BundleRule::kFullchain) {
      parsed.push_back(std::move(*p));
      continue;
    }
    BatchEntry e;
    e.file = file;
    e.index = i + 1;
    e.subject = eutl::CheckSubject{file, i + 1, std::move(*p), {}};
    out.push_back(std::move(e));
  }
  for (auto& s : eutl::subjects_of(file, std::move(parsed), rule)) {
    BatchEntry e;
    e.file = file;
    e.index = s.index;
    e.subject = std::move(s);
    out.push_back(std::move(e));
  }
}

void add_file(const std::string& file, eutl::BundleRule rule, std::vector<BatchEntry>& out) {
  auto ders = verify::read_certificate_file(file);
  if (!ders) {
    out.push_back(error_entry(file, 1, std::move(ders).error()));
    return;
  }
  add_certificates(file, *ders, rule, out);
}

// A directory's certificate files, not recursively, in name order.
void add_directory(const std::string& dir, eutl::BundleRule rule, std::vector<BatchEntry>& out) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_certificate_file_name(name) && it->is_regular_file(ec)) {
      names.push_back(name);
    }
  }
  if (ec) {
    out.push_back(error_entry(dir, 1, Error(Errc::kIo, dir + ": cannot read the directory: " + ec.message())));
    return;
  }
  if (names.empty()) {
    out.push_back(error_entry(dir, 1, Error(Errc::kNotFound,
                                            dir + ": no certificate file (*.pem, *.crt, *.cer, *.der) in the directory")));
    return;
  }
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    add_file((fs::path(dir) / name).string(), rule, out);
  }
}

}  // namespace

// --chain: CA certificates added to every subject's chain.
Result<std::vector<verify::CertificateProfile>> read_chain_option(const std::string& file) {
  std::vector<verify::CertificateProfile> chain;
  if (file.empty()) {
    return chain;
  }
  auto ders = verify::read_certificate_file(file);
  if (!ders) {
    return Error(ders.error().code, "--chain: " + ders.error().message);
  }
  for (const auto& d : *ders) {
    auto p = verify::read_certificate_profile(d);
    if (!p) {
      return Error(Errc::kUsage, "--chain: " + p.error().message);
    }
    chain.push_back(std::move(*p));
  }
  return chain;
}

bool is_certificate_file_name(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pem" || ext == ".crt" || ext == ".cer" || ext == ".der";
}

BatchInput expand_check_inputs(const std::vector<std::string>& arguments, eutl::BundleRule rule) {
  BatchInput in;
  bool stdin_read = false;
  for (const auto& arg : arguments) {
    if (arg == "-") {
      if (stdin_read) {
        in.entries.push_back(error_entry(arg, 1, Error(Errc::kUsage, "-: standard input can be read only once")));
        continue;
      }
      stdin_read = true;
      auto bytes = read_stdin();
      auto ders = bytes ? verify::read_certificate_bytes(*bytes, "-") : Result<std::vector<tsl::Bytes>>(bytes.error());
      if (!ders) {
        in.entries.push_back(error_entry(arg, 1, std::move(ders).error()));
        continue;
      }
      add_certificates(arg, *ders, rule, in.entries);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      in.had_directory = true;
      add_directory(arg, rule, in.entries);
      continue;
    }
    add_file(arg, rule, in.entries);
  }
  return in;
}

}  // namespace eutl::cli
