#include "cli/check_batch.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "cli/check_batch_output.h"
#include "cli/check_evidence.h"
#include "cli/commands.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

// DIR/<file name without extension>-<index>.json ("stdin" for standard input); when two
// inputs share a name, the certificate's SHA-256 (first 16 hex digits) is added.
std::string record_name(const BatchEntry& e, std::set<std::string>& used) {
  std::string stem = e.file == "-" ? "stdin" : fs::path(e.file).stem().string();
  std::string name = stem + "-" + std::to_string(e.index) + ".json";
  if (!used.insert(name).second) {
    name = stem + "-" + std::to_string(e.index) + "-" + tsl::to_hex(e.subject->certificate.sha256).substr(0, 16) +
           ".json";
    used.insert(name);
  }
  return name;
}

int write_records(const std::vector<BatchRow>& rows, const eutl::TrustedLists& lists,
                  const eutl::CheckBatchRequest& request, const BatchOptions& options) {
  std::error_code ec;
  fs::create_directories(options.evidence_dir, ec);
  if (ec || !fs::is_directory(options.evidence_dir, ec)) {
    print_error("--evidence-dir: " + options.evidence_dir + ": not a directory that can be created");
    return kExitUsage;
  }
  int worst = 0;
  std::set<std::string> used;
  for (const auto& row : rows) {
    if (!row.result) {
      continue;
    }
    const auto& s = *row.entry->subject;
    std::vector<verify::CertificateProfile> chain = s.chain;
    chain.insert(chain.end(), request.chain.begin(), request.chain.end());
    const std::string file = (fs::path(options.evidence_dir) / record_name(*row.entry, used)).string();
    worst = eutl::worst_exit_code(
        worst, write_evidence_file(file, lists, s.certificate, chain, request.at, options.claim, *row.result));
  }
  return worst;
}

}  // namespace

int run_check_batch(const BatchInput& input, const eutl::TrustedLists& lists, const eutl::CheckBatchRequest& request,
                    const BatchOptions& options) {
  std::vector<eutl::CheckSubject> subjects;
  for (const auto& e : input.entries) {
    if (e.subject) {
      subjects.push_back(*e.subject);
    }
  }
  auto results = eutl::check_batch(lists, subjects, request);
  std::vector<BatchRow> rows;
  int worst = 0;
  std::size_t next = 0;
  for (const auto& e : input.entries) {
    BatchRow row;
    row.entry = &e;
    if (!e.subject) {
      row.error = *e.error;
      row.exit_code = exit_code_for(*e.error);
    } else if (auto& r = results[next++]; r) {
      row.result = std::move(*r);
      row.exit_code = eutl::exit_code(eutl::answer_of(*row.result));
    } else {
      row.error = r.error();
      row.exit_code = exit_code_for(r.error());
    }
    worst = eutl::worst_exit_code(worst, row.exit_code);
    rows.push_back(std::move(row));
  }
  if (!options.evidence_dir.empty()) {
    worst = eutl::worst_exit_code(worst, write_records(rows, lists, request, options));
  }
  if (!options.quiet) {
    std::set<std::string> warnings;  // the same for every row (e.g. lists judged at another time than T)
    for (const auto& row : rows) {
      if (row.error && row.entry->subject) {  // input errors were printed when read
        print_error(row.error->message);
      }
      for (const auto& w : row.result ? row.result->warnings : std::vector<std::string>{}) {
        if (warnings.insert(w).second) {
          print_error("warning: " + w);
        }
      }
    }
  }
  switch (options.format) {
    case BatchFormat::kTable:
      print_batch_table(std::cout, rows, options.verbose);
      std::cout << batch_summary(rows) << '\n';
      return worst;
    case BatchFormat::kCsv: print_batch_csv(std::cout, rows); break;
    case BatchFormat::kJsonLines:
      for (const auto& row : rows) {
        std::cout << batch_row_json(lists, row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
      }
      break;
    case BatchFormat::kJson: {
      nlohmann::json all = nlohmann::json::array();
      for (const auto& row : rows) {
        all.push_back(batch_row_json(lists, row));
      }
      std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      break;
    }
  }
  if (!options.quiet) {
    std::cerr << "eutl: " << batch_summary(rows) << '\n';
  }
  return worst;
}

}  // namespace eutl::cli
