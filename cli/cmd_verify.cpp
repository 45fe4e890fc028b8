// eutl verify (--lotl-signers PEM | --tl-signers PEM) [--at TIME] [--json] FILE|DIR...
//
// Verifies the LOTL (anchored in the PEM's Official Journal certificates, through any
// pivots given), and every national list against the LOTL, or, with --tl-signers,
// against the signer certificates the caller trusts directly (no LOTL needed). Inputs are recognised by
// content; a DIR stands for every *.xml file below it (recursively, in path order).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <iomanip>
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/anchors_in_use.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/list_source.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/missing_territories.h"
#include "evidence/detail/json_shapes.h"

namespace eutl::cli {
namespace {

struct VerifyOptions {
  std::string lotl_signers;
  std::string tl_signers;
  std::string at;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  unsigned threads = 0;
  std::vector<std::string> inputs;
  // The result, kept here once printed: cli/main.cpp ends the process without
  // destroying the options, so the model's blocks are not freed one by one at exit.
  std::optional<verify::ListSetResult> printed;
};

std::string signer_hex(const verify::VerifiedList& v) {
  return v.signature.signer_sha256 ? tsl::to_hex(*v.signature.signer_sha256) : std::string();
}

nlohmann::json to_json(const verify::VerifiedList& v) {
  using nlohmann::json;
  json codes = json::array();
  json reasons = json::array();
  for (const auto& r : v.reasons) {
    codes.push_back(r.code);
    reasons.push_back({{"code", r.code}, {"message", r.message}});
  }
  json warnings = json::array();
  for (const auto& w : v.warnings) {
    warnings.push_back({{"code", w.code}, {"message", w.message}});
  }
  // `reasons` stays the array of codes that scripts parse today; reason_details is the
  // {code, message} shape every other command calls `reasons` (docs/json.md).
  json out{{"schema", "eutl-verify/1"},
           {"file", v.source},
           {"role", verify::to_string(v.kind)},
           {"kind", verify::to_string(v.kind)},  // deprecated: role
           {"territory", v.list ? json(v.list->scheme.territory) : json(nullptr)},
           {"sequence_number", v.list ? json(v.list->scheme.sequence_number) : json(nullptr)},
           {"version", v.list ? json(v.list->scheme.version) : json(nullptr)},
           {"issue_date", v.list ? json(tsl::format_time(v.list->scheme.issue_date)) : json(nullptr)},
           {"next_update", v.list && v.list->scheme.next_update ? json(tsl::format_time(*v.list->scheme.next_update))
                                                                : json(nullptr)},
           {"result", verify::to_string(v.status)},
           {"reasons", codes},
           {"reason_details", reasons},
           {"warnings", warnings},
           {"signer_sha256", v.signature.signer_sha256 ? json(signer_hex(v)) : json(nullptr)},
           {"signer_matched", v.signature.matched.empty() ? json(nullptr) : json(v.signature.matched)},
           {"signing_time", evidence::detail::time_json(v.signature.signing_time)},
           {"signature_method", v.signature.signature_method},
           {"trust", verify::to_string(verify::trust_of(v))},
           {"digest", tsl::to_hex(v.digest)},
           {"sha256", tsl::to_hex(v.digest)}};  // deprecated: digest
  return out;
}

void print_line(const verify::VerifiedList& v) {
  std::ostringstream line;
  line << std::left << std::setw(6) << verify::to_string(v.kind);
  if (v.list) {
    const auto& s = v.list->scheme;
    line << std::setw(4) << (s.territory.empty() ? "-" : s.territory) << "seq " << std::setw(5) << s.sequence_number
         << " issued " << tsl::format_time(s.issue_date) << "  next " << std::setw(20)
         << tsl::format_time(s.next_update, "none") << ' ';
  } else {
    line << std::setw(4) << "-" << std::setw(73) << "(not a readable list)";
  }
  line << std::setw(14) << verify::to_string(v.status) << v.source;
  if (!v.reasons.empty()) {
    line << "  [" << v.reasons.front().code << "] " << v.reasons.front().message;
    if (v.reasons.size() > 1) {
      line << " (+" << v.reasons.size() - 1 << " more)";
    }
  }
  std::cout << line.str() << '\n';
  if (verify::trust_of(v) == verify::ListTrust::kCallerSigner) {
    std::cout << "      trusted through the caller's signer " << signer_hex(v) << " (--tl-signers), not the LOTL\n";
  }
}

int run_verify(VerifyOptions& o) {
  // The anchors are read (and OpenSSL set up) while the workers parse the lists: they
  // are needed only to anchor the LOTL once all are parsed. Their error, if any, is
  // still the one reported, before any other and instead of verdicts.
  std::shared_future<Result<AnchorsInUse>> anchors =
      std::async(std::launch::async, [&o] { return anchors_in_use(o.lotl_signers, nullptr); }).share();
  auto anchors_failed = [&anchors]() -> std::optional<int> {
    const Result<AnchorsInUse>& a = anchors.get();
    if (a) {
      return std::nullopt;
    }
    print_error("--lotl-signers: " + a.error().message);
    return exit_code_for(a.error());
  };
  // Any other error is reported only when the anchors have none.
  auto fail = [&anchors_failed](const std::string& message, int code) {
    if (auto anchors_code = anchors_failed()) {
      return *anchors_code;
    }
    print_error(message);
    return code;
  };
  auto signers = read_signer_option(o.tl_signers, "--tl-signers");
  if (!signers) {
    return fail(signers.error().message, exit_code_for(signers.error()));
  }
  verify::ListSetRequest request;
  request.lotl_anchors_later = std::async(std::launch::deferred, [anchors] {
                                 const Result<AnchorsInUse>& a = anchors.get();
                                 return a ? a->certificates : std::vector<tsl::Bytes>{};
                               }).share();
  request.tl_signers = std::move(*signers);
  request.threads = o.threads;
  // main() keeps freed memory in the heap (cli/heap_tuning.h): each worker's memory is
  // populated once and reused for every list it parses.
  request.worker_memory = verify::WorkerMemory::kPopulate;
  request.services = verify::ServiceModels::kDropped;  // nothing here prints them
  if (o.at.empty()) {
    request.at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  } else {
    auto t = tsl::parse_datetime(o.at);
    if (!t) {
      return fail("--at: " + t.error().message, kExitUsage);
    }
    request.at = t->time;
  }
  auto files = verify::expand_list_inputs({o.inputs.begin(), o.inputs.end()});
  if (!files) {
    return fail(files.error().message, exit_code_for(files.error()));
  }
  auto inputs = verify::read_list_inputs(*files);
  if (!inputs) {
    return fail(inputs.error().message, exit_code_for(inputs.error()));
  }
  verify::ListSetResult result = verify::verify_list_set(std::move(*inputs), request);
  if (auto code = anchors_failed()) {
    return *code;
  }
  bool all_valid = true;
  nlohmann::json array = nlohmann::json::array();
  for (const auto& v : result.lists) {
    all_valid = all_valid && v.status == verify::ListStatus::kValid;
    if (o.json) {
      array.push_back(to_json(v));
    } else {
      print_line(v);
    }
  }
  // Territories the LOTL points to with no list among the inputs (in the LOTL's entry).
  std::vector<verify::MissingTerritory> missing;
  if (result.lotl && result.lists.at(*result.lotl).list) {
    std::vector<std::string> present;
    for (const auto& v : result.lists) {
      if (v.kind == verify::ListKind::kTl && v.list) {
        present.push_back(v.list->scheme.territory);
      }
    }
    missing = verify::missing_territories(*result.lists.at(*result.lotl).list, present);
  }
  if (o.json) {
    if (result.lotl) {
      nlohmann::json m = nlohmann::json::array();
      for (const auto& x : missing) {
        m.push_back({{"territory", x.territory}, {"url", x.url}});
      }
      array[*result.lotl]["missing"] = std::move(m);
    }
    std::cout << array.dump(2) << '\n';
  } else {
    for (const auto& x : missing) {
      std::cout << "missing: " << x.territory << " (no list given; the LOTL points to " << x.url << ")\n";
    }
  }
  o.printed = std::move(result);
  return all_valid ? kExitYes : kExitNo;
}

}  // namespace

void register_verify(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand("verify", "Verify the LOTL, its pivots and national lists (signatures, "
                                               "anchoring, freshness)");
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file with the LOTL signing certificates published in the Official Journal "
                  "(default: those bundled with eutl, see 'eutl anchors')");
  cmd->add_option("--tl-signers", opts->tl_signers,
                  "PEM file of national-list signers trusted directly: national lists are verified against "
                  "these, not the LOTL");
  add_at_option(cmd, opts->at, "Validation time");
  add_output_flags(cmd, opts->json, opts->quiet, opts->verbose,
                   "Say on stderr which files and which LOTL anchors are used");
  cmd->add_option("--threads", opts->threads, "Worker threads (0: one per core)");
  cmd->add_option("FILE", opts->inputs, "LOTL, pivot and national list files, or directories of *.xml (recursive)")
      ->required();
  cmd->footer(
      "Inputs are recognised by content: the newest list of lists is the LOTL, older ones are pivots.\n"
      "Examples:\n"
      "  eutl verify --lotl-signers oj.pem --at 2023-10-28T00:00:00Z lotl.xml pivots/ tl/2023/\n"
      "  eutl verify --lotl-signers oj.pem --json eu-lotl.xml AT.xml | jq '.[] | .result'\n"
      "  eutl verify --tl-signers at-signer.pem AT.xml    (one national list, its signer trusted)\n"
      "Exit codes: 0 all valid, 1 any list not valid, 2 usage or input error.");
  cmd->callback([opts, &run] {
    run = [opts] {
      if (opts->verbose && !opts->quiet) {
        std::cerr << "eutl: verifying " << opts->inputs.size() << " input(s) against "
                  << (!opts->tl_signers.empty()    ? "the national-list signers of " + opts->tl_signers
                      : !opts->lotl_signers.empty() ? "the LOTL anchors of " + opts->lotl_signers
                                                    : std::string("the LOTL anchors bundled with eutl"))
                  << '\n';
      }
      return run_verify(*opts);
    };
  });
}

}  // namespace eutl::cli
