// eutl check CERT [--chain PEM] [--at TIME] [--claim C] [--json] [--lists-at TIME]
//            (--lists FILE|DIR... --lotl-signers PEM | [--store DIR] | --snapshot ID)
//
// Decides whether CERT is an EU qualified certificate (TS 119 615) at its issuance
// and at time T, against lists verified here exactly as `eutl verify` does, or the
// store's current snapshot (its model cache; run_check_from_store). Only lists whose
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
#include "cli/store_common.h"
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

Result<std::vector<std::filesystem::path>> expand(const std::vector<std::string>& inputs) {
  return verify::expand_list_inputs({inputs.begin(), inputs.end()});
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

}  // namespace

// The decision and output, given verified lists (from --lists or, later, the store).
// Only lists with status VALID are indexed (verify::valid_index_inputs).
// `lists_at` is the instant at which the lists' acceptability was decided: stated in
// every output, with a warning when it is not time T.
int run_check_against(const CheckOptions& o, const std::vector<verify::VerifiedList>& lists,
                      tsl::TimePoint lists_at, const tsl::ServiceIndex* prebuilt = nullptr,
                      const tsl::ServiceIndex* prebuilt_unacceptable = nullptr) {
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
  verify::QualificationRequest req;
  req.certificate = cert;
  for (const auto& c : chain) {
    req.chain.push_back(&c);
  }
  req.at = *at;
  if (!o.claim.empty()) {
    auto claim = verify::parse_claim(o.claim);
    if (!claim) {
      print_error(claim.error().message);
      return kExitUsage;
    }
    req.claim = *claim;
  }
  // The store mode passes the index TrustedLists already built over the same lists.
  tsl::ServiceIndex own;
  tsl::ServiceIndex own_unacceptable;
  if (prebuilt == nullptr) {
    own = tsl::ServiceIndex::build(verify::valid_index_inputs(lists));
  }
  if (prebuilt_unacceptable == nullptr) {
    own_unacceptable = tsl::ServiceIndex::build(verify::unacceptable_index_inputs(lists));
  }
  const tsl::ServiceIndex& index = prebuilt != nullptr ? *prebuilt : own;
  verify::QualificationEngine engine(index, prebuilt_unacceptable != nullptr ? prebuilt_unacceptable : &own_unacceptable);
  auto result = engine.decide(req);
  if (!result) {
    print_error(result.error().message);
    return kExitUsage;
  }
  if (std::string w = verify::lists_time_warning(lists_at, *at); !w.empty()) {
    result->warnings.push_back(std::move(w));
  }
  if (int rc = write_evidence(o.evidence, *cert, chain, *at, o.claim, lists, index, *result); rc != 0) {
    return rc;
  }
  if (o.json) {
    json used = json::array();
    for (const auto& v : lists) {
      used.push_back({{"source", v.source},
                      {"kind", verify::to_string(v.kind)},
                      {"status", verify::to_string(v.status)},
                      {"territory", v.list ? json(v.list->scheme.territory) : json(nullptr)},
                      {"sequence_number", v.list ? json(v.list->scheme.sequence_number) : json(nullptr)},
                      {"sha256", tsl::to_hex(v.digest)},
                      {"used", v.status == verify::ListStatus::kValid}});
    }
    json out = {{"certificate", certificate_json(*cert)},
                {"at_issuance", at_json(result->at_issuance)},
                {"at_time", at_json(result->at_time)},
                {"overall", at_json(result->overall)},
                {"lists", used},
                {"lists_at", tsl::format_time(lists_at)},
                {"warnings", result->warnings},
                {"unprocessed_critical_extensions", result->unprocessed_critical_extensions},
                {"trace", trace_json(result->trace)}};
    add_claim_json(out, *result);
    std::cout << out.dump(2) << '\n';
  } else {
    for (const auto& w : result->warnings) {
      print_error("warning: " + w);
    }
    print_text(*cert, *result);
    std::size_t valid = static_cast<std::size_t>(std::count_if(
        lists.begin(), lists.end(), [](const verify::VerifiedList& v) { return v.status == verify::ListStatus::kValid; }));
    std::cout << "\nLists: " << valid << " of " << lists.size() << " valid at " << tsl::format_time(lists_at)
              << " and used\n";
  }
  return qualification_exit_code(*result);
}

// Store mode: the current snapshot of --store (default $EUTL_STORE, else the
// XDG cache), through TrustedLists, whose store mode reads the snapshot's model cache:
// a warm check parses no XML and verifies no list signature; freshness is decided at
// --lists-at (default --at, else now).
int run_check_from_store(CheckOptions& o) {
  auto lists_at = time_option(o.lists_at.empty() ? o.at : o.lists_at, "--lists-at");
  if (!lists_at) {
    print_error(lists_at.error().message);
    return kExitUsage;
  }
  eutl::ListSource source;
  source.store = store::resolve_store(o.evidence.store);
  prefer_huge_pages(30u << 20);  // about the decoded model of the EU set
  auto loaded = eutl::TrustedLists::load(source, *lists_at);
  if (!loaded) {
    print_error(loaded.error().message);
    return exit_code_for(loaded.error());
  }
  note_list_inputs(o.evidence, loaded->lotl_anchors(), *lists_at);
  o.evidence.snapshot_id = loaded->snapshot_id();
  o.evidence.store = source.store.string();
  int rc = run_check_against(o, loaded->lists(), *lists_at, &loaded->index(), &loaded->unacceptable_index());
  // Performance: the process exits right after this. Freeing the model (tens
  // of thousands of small strings and vectors) one by one cost ~10 ms, a third of a
  // warm check, so the lists are deliberately left to the OS. The pointer stays
  // reachable from a static, so leak checkers do not report it.
  // volatile: the store must happen, so LeakSanitizer finds the model reachable at exit.
  [[maybe_unused]] static const eutl::TrustedLists* volatile left_to_exit = nullptr;
  left_to_exit = new eutl::TrustedLists(std::move(*loaded));
  return rc;
}

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
  cmd->add_option("--lotl-signers", opts->lotl_signers, "PEM file with the LOTL signing certificates (Official Journal); default with --lists: those bundled with eutl");
  cmd->add_option("--lists-at", opts->lists_at, "Time at which the lists are verified; default: --at, else now");
  add_evidence_options(cmd, opts->evidence);
  cmd->footer("Examples:\n  eutl check cert.pem --lists lotl.xml pivots/ tl/ --lotl-signers oj.pem\n"
              "  eutl check cert.pem --claim qwac --json --lists lists/ --lotl-signers oj.pem --at 2023-10-01\n"
              "  eutl check cert.pem --store ~/.cache/eutl    (the store's current snapshot)\n"
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
      if (uses_snapshot(opts->evidence)) {
        // The same instant as every other mode: --lists-at, else --at, else now (not
        // the snapshot's own validation time).
        auto lists_at = time_option(opts->lists_at.empty() ? opts->at : opts->lists_at, "--lists-at");
        if (!lists_at) {
          print_error(lists_at.error().message);
          return kExitUsage;
        }
        auto stored = load_snapshot_for_check(opts->evidence, tsl::format_time(*lists_at));
        if (!stored) {
          print_error("--snapshot: " + stored.error().message);
          return exit_code_for(stored.error());
        }
        return run_check_against(*opts, *stored, *lists_at);
      }
      if (opts->lists.empty()) {
        return run_check_from_store(*opts);
      }
      auto files = expand(opts->lists);
      if (!files) {
        print_error(files.error().message);
        return exit_code_for(files.error());
      }
      auto anchors = anchors_in_use(opts->lotl_signers, nullptr);  // the file, else the bundled ones
      if (!anchors) {
        print_error("--lotl-signers: " + anchors.error().message);
        return exit_code_for(anchors.error());
      }
      auto lists_at = time_option(opts->lists_at.empty() ? opts->at : opts->lists_at, "--lists-at");
      if (!lists_at) {
        print_error(lists_at.error().message);
        return kExitUsage;
      }
      auto inputs = verify::read_list_inputs(*files);
      if (!inputs) {
        print_error(inputs.error().message);
        return exit_code_for(inputs.error());
      }
      verify::ListSetRequest request;
      request.lotl_anchors = std::move(anchors->certificates);
      request.at = *lists_at;
      note_list_inputs(opts->evidence, request.lotl_anchors, request.at);
      verify::ListSetResult verified = verify::verify_list_set(std::move(*inputs), request);
      return run_check_against(*opts, verified.lists, request.at);
    };
  });
}

}  // namespace eutl::cli
