// eutl check CERT [--chain PEM] [--at TIME] [--claim C] [--json] [--lists-at TIME]
//            (--lists FILE|DIR... (--lotl-signers PEM | --tl-signers PEM) | [--store DIR] | --snapshot ID)
//
// Decides whether CERT is an EU qualified certificate (TS 119 615) at its issuance
// and at time T. The lists come through eutl::TrustedLists (the one pipeline from a
// list source to a decision): files verified exactly as `eutl verify` does, the
// store's current snapshot (its model cache) or a chosen snapshot. Only lists whose
// status is VALID are indexed.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <nlohmann/json.hpp>

#include "cli/anchors_in_use.h"
#include "cli/check_evidence.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/heap_tuning.h"
#include "cli/list_source.h"
#include "cli/store_common.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/service_index.h"
#include "eutl/verify/list_set.h"
#include "eutl/verify/policy_profile.h"
#include "eutl/verify/qualification.h"

namespace eutl::cli {

struct CheckOptions {
  std::string cert;
  std::string chain;
  std::string at;
  std::string lists_at;
  std::string claim;
  bool json = false;
  std::vector<std::string> lists;
  std::string lotl_signers;
  std::string tl_signers;
  EvidenceOptions evidence;  // --evidence, --report, --snapshot (cli/check_evidence.h)
  // CERT, read before any list or store is touched, so that a bad path is reported as
  // such whatever the state of the store.
  std::optional<verify::CertificateProfile> certificate;
};

namespace {

using nlohmann::json;

void print_text(const verify::CertificateProfile& c, const verify::QualificationResult& r) {
  print_claim(r);
  std::cout << headline(r.overall) << "\n\n";
  std::cout << "Certificate\n  subject  " << c.subject << "\n  issuer   " << c.issuer << "\n  valid    "
            << tsl::format_time(c.not_before) << " .. " << tsl::format_time(c.not_after) << "\n  sha256   "
            << tsl::to_hex(c.sha256) << '\n';
  std::string profiles;
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles += (profiles.empty() ? "" : ", ") + std::string(verify::to_string(m.profile));
  }
  std::cout << "  policy   " << (profiles.empty() ? "no ETSI/CABF profile" : profiles) << '\n';
  for (const auto& a : c.anomalies) {
    std::cout << "  anomaly  " << a << '\n';
  }
  std::cout << "\nResults\n";
  print_at("at issuance", r.at_issuance);
  print_at("at time T  ", r.at_time);
  std::cout << "\nTrace\n";
  print_trace(r.trace);
}

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

Result<verify::CertificateProfile> load_one(const std::string& file) {
  auto ders = verify::read_certificate_file(file);
  if (!ders) {
    return std::move(ders).error();
  }
  auto p = verify::read_certificate_profile(ders->front());
  if (!p) {
    return Error(p.error().code, file + ": " + p.error().message);
  }
  return p;
}

// National lists trusted through the caller's signer rather than the LOTL (text mode).
void print_caller_trust(const std::vector<verify::VerifiedList>& lists) {
  std::string territories;
  for (const auto& v : lists) {
    if (verify::trust_of(v) == verify::ListTrust::kCallerSigner) {
      territories += (territories.empty() ? "" : ", ") + (v.list ? v.list->scheme.territory : v.source);
    }
  }
  if (!territories.empty()) {
    std::cout << "Trust: " << territories << " trusted through the caller's signer (check --tl-signers or import --tl-signers), not the LOTL\n";
  }
}

// The decision and output against loaded lists. `lists_at()` is the instant at which
// the lists' acceptability was decided: stated in every output, with a warning when it
// is not time T.
int run_check_against(const CheckOptions& o, const eutl::TrustedLists& lists) {
  const verify::CertificateProfile* cert = o.certificate ? &*o.certificate : nullptr;
  if (cert == nullptr) {
    print_error("internal error: the certificate was not read");
    return kExitCouldNotRun;
  }
  std::vector<verify::CertificateProfile> chain;
  if (!o.chain.empty()) {
    auto ders = verify::read_certificate_file(o.chain);
    if (!ders) {
      print_error("--chain: " + ders.error().message);
      return exit_code_for(ders.error());
    }
    for (const auto& d : *ders) {
      auto p = verify::read_certificate_profile(d);
      if (!p) {
        print_error("--chain: " + p.error().message);
        return kExitUsage;
      }
      chain.push_back(std::move(*p));
    }
  }
  auto at = time_option(o.at, "--at");
  if (!at) {
    print_error(at.error().message);
    return kExitUsage;
  }
  std::optional<verify::Claim> claim;
  if (!o.claim.empty()) {
    auto parsed = verify::parse_claim(o.claim);
    if (!parsed) {
      print_error("--claim: " + parsed.error().message);
      return kExitUsage;
    }
    claim = *parsed;
  }
  auto result = lists.check(*cert, chain, *at, claim);
  if (!result) {
    print_error(result.error().message);
    return kExitUsage;
  }
  if (int rc = write_evidence(o.evidence, lists, *cert, chain, *at, o.claim, *result); rc != 0) {
    return rc;
  }
  if (o.json) {
    std::cout << eutl::check_json(lists, *cert, *result) << '\n';
  } else {
    for (const auto& w : result->warnings) {
      print_error("warning: " + w);
    }
    print_text(*cert, *result);
    std::cout << "\nLists: " << lists.valid_count() << " of " << lists.lists().size() << " valid at "
              << tsl::format_time(lists.lists_at()) << " and used\n";
    print_caller_trust(lists.lists());
  }
  return eutl::exit_code(eutl::answer_of(*result));
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
  if (source->files.empty() && !snapshot) {
    prefer_huge_pages(30u << 20);  // about the decoded model of the EU set
  }
  auto loaded = eutl::TrustedLists::load(*source, *lists_at);
  if (!loaded) {
    print_error(prefix + loaded.error().message);
    return exit_code_for(loaded.error());
  }
  int rc = run_check_against(o, *loaded);
  // Performance: the process exits right after this. Freeing the model (tens
  // of thousands of small strings and vectors) one by one cost ~10 ms, a third of a
  // warm check, so the lists are deliberately left to the OS. The pointer stays
  // reachable from a static, so leak checkers do not report it.
  // volatile: the store must happen, so LeakSanitizer finds the model reachable at exit.
  [[maybe_unused]] static const eutl::TrustedLists* volatile left_to_exit = nullptr;
  left_to_exit = new eutl::TrustedLists(std::move(*loaded));
  return rc;
}

}  // namespace

void register_check(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Decide whether a certificate is an EU qualified certificate "
                                              "(ETSI TS 119 615), with the reasons");
  cmd->add_option("CERT", opts->cert, "Certificate (PEM or DER)")->required();
  cmd->add_option("--chain", opts->chain, "PEM file with CA certificates up the chain (intermediates)");
  cmd->add_option("--at", opts->at, "Time T (xsd:dateTime or date, UTC); default: now");
  cmd->add_option("--claim", opts->claim,
                  "Claim to check: qes, qc-esig, qseal, qc-eseal, qwac, or a policy profile (QCP-n, QNCP-w, OVCP…)");
  cmd->add_flag("--json", opts->json, "Print JSON instead of text");
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
  cmd->footer("Examples:\n  eutl check cert.pem --lists lotl.xml pivots/ tl/ --lotl-signers oj.pem\n"
              "  eutl check cert.pem --claim qwac --json --lists lists/ --lotl-signers oj.pem --at 2023-10-01\n"
              "  eutl check cert.pem --store ~/.cache/eutl    (the store's current snapshot)\n"
              "  eutl check cert.pem --lists AT.xml --tl-signers at-signer.pem    (one national list, its signer trusted)\n"
              "Exit: 0 qualified / claim confirmed, 1 not qualified / refuted, 2 usage or input error, 3 indeterminate,\n"
              "4 could not run (store busy or unreadable, I/O error).");
  cmd->callback([opts, &run] {
    run = [opts] {
      auto cert = load_one(opts->cert);
      if (!cert) {
        print_error(cert.error().message);
        return exit_code_for(cert.error());
      }
      opts->certificate = std::move(*cert);
      // Read the clock once: T and the lists' instant then default to the same now.
      if (opts->at.empty()) {
        opts->at = tsl::format_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
      }
      return run_check(*opts);
    };
  });
}

}  // namespace eutl::cli
