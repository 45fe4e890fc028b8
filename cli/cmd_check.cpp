// eutl check CERT|DIR|-... [--fullchain] [--chain PEM] [--at TIME] [--for C] [--json|--jsonl|--csv]
//            [--lists-at TIME] [--evidence-dir DIR]
//            (--lists FILE|DIR... (--lotl-signers PEM | --tl-signers PEM) | [--store DIR] | --snapshot ID)
//
// Decides whether each certificate is an EU qualified certificate (TS 119 615) at its
// issuance and at time T. One certificate prints the full decision (cli/check_output.h);
// several, a directory, or --jsonl/--csv/--evidence-dir make a batch (cli/check_batch.h)
// decided against the lists loaded once. The lists come through eutl::TrustedLists
// (the one pipeline from a list source to a decision): files verified exactly as
// `eutl verify` does, the store's current snapshot (its model cache) or a chosen
// snapshot. Only lists whose status is VALID are indexed.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/anchors_in_use.h"
#include "cli/check_batch.h"
#include "cli/check_batch_input.h"
#include "cli/check_evidence.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/heap_tuning.h"
#include "cli/list_source.h"
#include "cli/store_common.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/service_index.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/qualification.h"

namespace eutl::cli {

struct CheckOptions {
  std::vector<std::string> certs;
  bool fullchain = false;
  std::string chain;
  std::string at;
  std::string lists_at;
  std::string claim;  // --for (or its old spelling --claim)
  OutputFlags output;
  bool jsonl = false;
  bool csv = false;
  std::string evidence_dir;
  std::vector<std::string> lists;
  std::string lotl_signers;
  std::string tl_signers;
  EvidenceOptions evidence;  // --evidence, --report, --snapshot (cli/check_evidence.h)
  // The CERT arguments, read before any list or store is touched, so that a bad path
  // is reported as such whatever the state of the store.
  BatchInput input;

  // One certificate and no batch switch: today's full output.
  bool single() const {
    return input.entries.size() == 1 && !input.had_directory && !jsonl && !csv && evidence_dir.empty();
  }
};

namespace {

Result<tsl::TimePoint> time_option(const std::string& text, const char* name) {
  if (text.empty()) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  auto t = tsl::parse_datetime(text);
  if (!t) {
    return Error(Errc::kUsage, std::string(name) + ": " + t.error().message);
  }
  return t->time;
}

// The decision and output of one certificate against loaded lists. `lists_at()` is
// the instant at which the lists' acceptability was decided: stated in every output,
// with a warning when it is not time T.
int run_single(const CheckOptions& o, const eutl::TrustedLists& lists, const eutl::CheckBatchRequest& request) {
  const eutl::CheckSubject& subject = *o.input.entries.front().subject;
  std::vector<verify::CertificateProfile> chain = subject.chain;
  chain.insert(chain.end(), request.chain.begin(), request.chain.end());
  auto result = lists.check(subject.certificate, chain, request.at, request.claim);
  if (!result) {
    print_error(result.error().message);
    return kExitUsage;
  }
  const std::string claim = request.claim ? request.claim->text : std::string();
  if (int rc = write_evidence(o.evidence, lists, subject.certificate, chain, request.at, claim, *result); rc != 0) {
    return rc;
  }
  if (o.output.json) {
    std::cout << eutl::check_json(lists, subject.certificate, *result) << '\n';
  } else {
    for (const auto& w : result->warnings) {
      if (!o.output.quiet) {
        print_error("warning: " + w);
      }
    }
    print_certificate_text(subject.certificate, *result);
    std::cout << "\nLists: " << lists.valid_count() << " of " << lists.lists().size() << " valid at "
              << tsl::format_time(lists.lists_at()) << " and used\n";
    print_caller_trust(lists.lists());
  }
  if (o.output.verbose && !o.output.quiet) {
    for (const auto& v : lists.lists()) {
      std::cerr << "eutl: list " << v.source << ": " << verify::to_string(v.status) << '\n';
    }
  }
  return eutl::exit_code(eutl::answer_of(*result));
}

// One certificate or a batch, against loaded lists; `chain`: the --chain certificates.
int run_check_against(const CheckOptions& o, const eutl::TrustedLists& lists,
                      std::vector<verify::CertificateProfile> chain) {
  eutl::CheckBatchRequest request;
  request.chain = std::move(chain);
  auto at = time_option(o.at, "--at");
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  request.at = *at;
  auto claim = parse_for_option(o.claim);
  if (!claim) {
    print_error(claim.error().message);
    return kExitUsage;
  }
  request.claim = *claim;
  if (o.single()) {
    return run_single(o, lists, request);
  }
  BatchOptions b;
  b.format = o.output.json ? BatchFormat::kJson : o.jsonl ? BatchFormat::kJsonLines
             : o.csv       ? BatchFormat::kCsv
                           : BatchFormat::kTable;
  b.evidence_dir = o.evidence_dir;
  b.claim = request.claim ? request.claim->text : std::string();
  b.quiet = o.output.quiet;
  b.verbose = o.output.verbose;
  return run_check_batch(o.input, lists, request, b);
}

// The lists one certificate's decision can need: those that may hold an issuer of the
// certificate, of the chain it came with, or of the --chain certificates (the same
// certificates run_single() gives the engine).
cache::IssuerScope single_scope(const CheckOptions& o, const std::vector<verify::CertificateProfile>& chain) {
  const eutl::CheckSubject& subject = *o.input.entries.front().subject;
  std::vector<const verify::CertificateProfile*> certificates{&subject.certificate};
  for (const auto& c : subject.chain) {
    certificates.push_back(&c);
  }
  for (const auto& c : chain) {
    certificates.push_back(&c);
  }
  return cache::IssuerScope::of(certificates);
}

// What the options ask for that no list source can give: 0, or the exit code after
// printing why.
int check_source_options(const CheckOptions& o) {
  if (uses_snapshot(o.evidence)) {
    return 0;  // --snapshot wins over --lists, as it always has
  }
  if (!o.tl_signers.empty() && o.lists.empty()) {
    print_error("check: --tl-signers needs --lists (the national lists those certificates sign)");
    return kExitUsage;
  }
  return 0;
}

// Every mode through eutl::TrustedLists: --snapshot (re-verified from the store's
// blobs), --lists (verified here), else the current snapshot of --store (default
// $EUTL_STORE, else the XDG cache) from its model cache: a warm check parses no XML
// and verifies no list signature. The lists are judged at --lists-at, else --at, else
// now (the same instant in every mode, not the snapshot's own validation time).
int run_check(CheckOptions& o) {
  if (int rc = check_source_options(o); rc != 0) {
    return rc;
  }
  const bool snapshot = uses_snapshot(o.evidence);
  auto lists_at = time_option(o.lists_at.empty() ? o.at : o.lists_at, "--lists-at");
  if (!lists_at) {
    print_error(lists_at.error().message);
    return kExitUsage;
  }
  const std::string prefix = snapshot ? "--snapshot: " : "";
  auto source = make_list_source(snapshot ? std::vector<std::string>{} : o.lists, o.lotl_signers, o.tl_signers,
                                 o.evidence.store, o.evidence.snapshot);
  if (!source) {
    print_error(source.error().message);
    return exit_code_for(source.error());
  }
  auto chain = read_chain_option(o.chain);
  if (!chain) {
    print_error(chain.error().message);
    return exit_code_for(chain.error());
  }
  if (source->files.empty() && !snapshot) {
    if (o.single() && !wants_evidence(o.evidence)) {
      source->scope = single_scope(o, *chain);  // decode only the lists that may hold its issuer
      prefer_huge_pages(4u << 20);  // the list heads and a few lists of the EU set
    } else {
      prefer_huge_pages(30u << 20);  // about the decoded model of the EU set
    }
  }
  auto loaded = eutl::TrustedLists::load(*source, *lists_at);
  if (!loaded) {
    print_error(prefix + loaded.error().message);
    return exit_code_for(loaded.error());
  }
  int rc = run_check_against(o, *loaded, std::move(*chain));
  // Performance: the process exits right after this. Freeing the model (tens
  // of thousands of small strings and vectors) one by one cost ~10 ms, a third of a
  // warm check, so the lists are deliberately left to the OS. The pointer stays
  // reachable from a static, so leak checkers do not report it.
  // volatile: the store must happen, so LeakSanitizer finds the model reachable at exit.
  [[maybe_unused]] static const eutl::TrustedLists* volatile left_to_exit = nullptr;
  left_to_exit = new eutl::TrustedLists(std::move(*loaded));
  return rc;
}


// The CERT arguments read, and the batch-only refusals: 0, or the exit code after
// printing why. One certificate that cannot be read fails as it always has, before
// the lists are touched.
int read_inputs(CheckOptions& o) {
  auto c = parse_for_option(o.claim);
  if (!c) {
    print_error(c.error().message);
    return kExitUsage;
  }
  o.claim = claim_of_use(o.claim);
  o.input = expand_check_inputs(o.certs, o.fullchain ? eutl::BundleRule::kFullchain
                                                     : eutl::BundleRule::kEachCertificate);
  // Input errors go to stderr at once, before any list is loaded; a batch goes on with
  // the rest, unless nothing is left to decide.
  int worst = 0;
  bool any_subject = false;
  for (const auto& e : o.input.entries) {
    if (e.error) {
      print_error(e.error->message);
      worst = eutl::worst_exit_code(worst, exit_code_for(*e.error));
    }
    any_subject = any_subject || e.subject.has_value();
  }
  if (!any_subject) {
    return worst;
  }
  if (!o.single() && (!o.evidence.evidence_file.empty() || !o.evidence.report_file.empty())) {
    print_error("check: --evidence and --report cover one certificate; use --evidence-dir DIR for several");
    return kExitUsage;
  }
  return 0;
}

}  // namespace

void register_check(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Decide whether certificates are EU qualified certificates "
                                              "(ETSI TS 119 615), with the reasons");
  cmd->add_option("CERT", opts->certs,
                  "Certificate files (PEM, one or more certificates, or DER), directories (their *.pem, *.crt, "
                  "*.cer, *.der files, not recursively) or - (standard input)")
      ->required();
  cmd->add_flag("--fullchain", opts->fullchain,
                "In each file the first certificate is the subject and the rest its chain (default: every "
                "certificate of a bundle is a subject)");
  cmd->add_option("--chain", opts->chain, "PEM file with CA certificates up the chain (intermediates), for every subject");
  add_at_option(cmd, opts->at, "Time T of the decision");
  add_use_option(cmd, opts->claim, kForHelp);
  add_hidden_alias(cmd, "--claim", "--for", opts->claim);
  CLI::Option* json = add_json_flag(cmd, opts->output.json);
  add_quiet_verbose(cmd, opts->output,
                    "With one certificate, the lists used on stderr; in a batch table, each reason under its row");
  CLI::Option* jsonl = cmd->add_flag("--jsonl", opts->jsonl, "One JSON object per certificate and line");
  CLI::Option* csv = cmd->add_flag("--csv", opts->csv, "CSV (RFC 4180) with a header row, one row per certificate");
  json->excludes(jsonl)->excludes(csv);
  jsonl->excludes(csv);
  cmd->add_option("--evidence-dir", opts->evidence_dir,
                  "Write one evidence record per certificate into this directory (FILE-INDEX.json)");
  cmd->add_option("--lists", opts->lists, "LOTL, pivots and national lists (files or directories)")->expected(1, -1);
  cmd->add_option("--lotl-signers", opts->lotl_signers,
                  "PEM file with the LOTL signing certificates (Official Journal); default with --lists: those "
                  "bundled with eutl");
  cmd->add_option("--tl-signers", opts->tl_signers,
                  "With --lists: PEM file of national-list signers trusted directly, without a LOTL (an "
                  "evidence record carries them as tl_signers; a store snapshot of 'eutl import --tl-signers' "
                  "brings its own)");
  cmd->add_option("--lists-at", opts->lists_at, "Time at which the lists are verified; default: --at, else now");
  add_evidence_options(cmd, opts->evidence);
  cmd->footer(
      "Several certificates (more than one, a directory, a bundle, or --jsonl/--csv/--evidence-dir) are\n"
      "decided against lists loaded once: a table (file, subject, verdict, type, QSCD, claim) and a\n"
      "summary line; --json an array of the one-certificate objects, each with \"source\": {file, index}.\n"
      "A bundle (PEM file with several certificates): each certificate is a subject, unless --fullchain\n"
      "(leaf first, the rest its chain). A file that cannot be read is a row with its error.\n"
      "Examples:\n  eutl check cert.pem --lists lotl.xml pivots/ tl/ --lotl-signers oj.pem\n"
      "  eutl check cert.pem --for qwac --json --lists lists/ --lotl-signers oj.pem --at 2023-10-01\n"
      "  eutl check cert.pem --store ~/.cache/eutl    (the store's current snapshot)\n"
      "  eutl check suppliers/ a.pem b.crt --csv > answers.csv\n"
      "  eutl check fullchain.pem --fullchain --for wsa\n"
      "  cat cert.pem | eutl check -\n"
      "  eutl check cert.pem --lists AT.xml --tl-signers at-signer.pem    (one national list, its signer trusted)\n"
      "Exit: 0 qualified / claim confirmed, 1 not qualified / refuted, 2 usage or input error, 3 indeterminate,\n"
      "4 could not run (store busy or unreadable, I/O error). A batch exits with its worst outcome:\n"
      "4 could not run > 2 input error > 3 indeterminate > 1 not qualified / refuted > 0.");
  cmd->callback([opts, &run] {
    run = [opts] {
      if (int rc = read_inputs(*opts); rc != 0) {
        return rc;
      }
      // Read the clock once: T and the lists' instant then default to the same now.
      if (opts->at.empty()) {
        opts->at = tsl::format_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
      }
      return run_check(*opts);
    };
  });
}

}  // namespace eutl::cli
