// An evidence bundle: the record plus the exact bytes it names, so an auditor without
// our store can run `eutl evidence verify DIR`. Plain files, named by digest.
#include <fstream>

#include "eutl/evidence/evidence.h"
#include "evidence/sources.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReadme =
    "eutl evidence bundle (schema eutl-evidence/3, see docs/evidence-schema.md)\n\n"
    "record.json           the evidence record\n"
    "lists/<sha256>.xml    the exact bytes of every trusted list the record names\n"
    "anchors/<sha256>.der  the LOTL signing certificates (Official Journal) used\n"
    "certificate.der       the certificate decided on; chain/<n>.der its CA certificates\n\n"
    "Re-verify offline:    eutl evidence verify DIR\n"
    "Check a list by hand: sha256sum lists/*.xml (each name is its SHA-256)\n";

Result<void> write_der_member(const fs::path& file, const RecordDer& d) {
  auto der = tsl::base64_decode(d.der_base64);
  if (!der) {
    return Error(Errc::kMalformed, file.filename().string() + ": " + der.error().message);
  }
  return detail::write_file_bytes(file, *der);
}

}  // namespace

// A record that happens to be called record.json is not a bundle: a bundle also has
// the lists/ directory that write_evidence_bundle always creates.
bool is_evidence_bundle(const std::filesystem::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::is_regular_file(dir / kBundleRecordName, ec) &&
         fs::is_directory(dir / "lists", ec);
}

Result<BundleReport> write_evidence_bundle(std::string_view record_json, const EvidenceSources& sources,
                                           const std::filesystem::path& dir) {
  const RecordRead read = from_json(record_json);
  if (!read.record || !is_known_schema(read.record->schema)) {
    return Error(Errc::kMalformed, "not an eutl-evidence/3, /2 or /1 record");
  }
  if (!read.duplicate.empty()) {
    return Error(Errc::kMalformed, "the record repeats the key \"" + read.duplicate +
                                       "\" in one object: it was edited (eutl evidence verify says more)");
  }
  const EvidenceRecord& rec = *read.record;
  std::error_code ec;
  fs::create_directories(dir / "lists", ec);
  fs::create_directories(dir / "anchors", ec);
  fs::create_directories(dir / "chain", ec);
  if (ec) {
    return Error(Errc::kIo, dir.string() + ": " + ec.message());
  }
  BundleReport report;
  for (const auto& l : rec.lists) {
    detail::FoundBytes found = detail::find_list_bytes(sources, l.sha256_hex, l.source);
    if (!found.bytes) {
      std::string why;
      for (const auto& p : found.problems) {
        why += "; " + p;
      }
      return Error(Errc::kNotFound, "list " + l.source + ": no bytes with SHA-256 " + l.sha256_hex + " (" +
                                        (why.empty() ? "looked at " + found.searched : why.substr(2)) + ")");
    }
    if (auto w = detail::write_file_bytes(detail::bundle_list_path(dir, l.sha256_hex), *found.bytes); !w) {
      return std::move(w).error();
    }
    ++report.lists;
    report.bytes += found.bytes->size();
  }
  for (const auto& a : rec.lotl_anchors) {
    const std::string name = a.sha256 ? tsl::to_hex(*a.sha256) : std::string();
    if (auto w = write_der_member(dir / "anchors" / (name + ".der"), a); !w) {
      return std::move(w).error();
    }
  }
  if (auto w = write_der_member(dir / "certificate.der", rec.certificate); !w) {
    return std::move(w).error();
  }
  for (std::size_t i = 0; i < rec.chain.size(); ++i) {
    if (auto w = write_der_member(dir / "chain" / (std::to_string(i) + ".der"), rec.chain[i]); !w) {
      return std::move(w).error();
    }
  }
  // The record exactly as given (not re-serialised), so its integrity digest still holds.
  if (auto w = detail::write_file_bytes(dir / kBundleRecordName, tsl::as_bytes(record_json)); !w) {
    return std::move(w).error();
  }
  if (auto w = detail::write_file_bytes(dir / "README.txt", tsl::as_bytes(kReadme)); !w) {
    return std::move(w).error();
  }
  return report;
}

}  // namespace eutl::evidence
