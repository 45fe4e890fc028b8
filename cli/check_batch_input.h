// The CERT arguments of `eutl check`, expanded into the certificates to decide:
// files (PEM, one or more certificates, or DER), directories (their *.pem, *.crt,
// *.cer and *.der files, not recursively, in name order) and "-" (standard input,
// PEM or DER). A bundle gives one subject per certificate, or one subject with its
// chain under --fullchain (eutl::BundleRule). A file that cannot be read, or a
// certificate that cannot be parsed, is an entry with an error: the batch goes on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eutl/check_batch.h"
#include "eutl/result.h"

namespace eutl::cli {

// One row of a batch: a subject to decide, or why there is none.
struct BatchEntry final {
  std::string file;       // as given on the command line, or DIR/NAME for a directory's file
  std::size_t index = 1;  // position of the certificate in its file, from 1
  std::optional<eutl::CheckSubject> subject;
  std::optional<Error> error;  // set exactly when `subject` is not
};

struct BatchInput final {
  std::vector<BatchEntry> entries;
  bool had_directory = false;  // a directory argument: batch output even for one file
};

// Reads every argument in order. Standard input is read at most once ("-" given twice
// is a usage error entry the second time).
[[nodiscard]] BatchInput expand_check_inputs(const std::vector<std::string>& arguments, eutl::BundleRule rule);

// --chain FILE: CA certificates added to every subject's chain; none when empty.
[[nodiscard]] Result<std::vector<verify::CertificateProfile>> read_chain_option(const std::string& file);

// True for the file names a directory argument contributes.
bool is_certificate_file_name(const std::string& name);

}  // namespace eutl::cli
