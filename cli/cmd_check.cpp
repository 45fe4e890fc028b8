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
#include <nlohmann/json.hpp>

#include "cli/check_evidence.h"
#include "cli/commands.h"
#include "cli/store_common.h"
#include "eutl/cache/trusted_lists.h"
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
};

namespace {

using nlohmann::json;

json tri(verify::Tri t) { return t == verify::Tri::kUnknown ? json(nullptr) : json(t == verify::Tri::kTrue); }

json service_json(const std::optional<verify::ServiceUse>& s) {
  if (!s) {
    return nullptr;
  }
  return {{"territory", s->provenance.territory},
          {"tsp", s->provenance.tsp_name},
          {"service_name", s->provenance.service_name},
          {"type", s->type_uri},
          {"status", s->status_uri},
          {"period_start", tsl::format_time(s->start)},
          {"period_end", s->end ? json(tsl::format_time(*s->end)) : json(nullptr)},
          {"history_index", s->history_index ? json(*s->history_index) : json(nullptr)},
          {"list_sequence_number", s->provenance.list_sequence},
          {"list_digest", tsl::to_hex(s->provenance.list_digest)},
          {"list_source", s->provenance.list_source},
          {"tsp_index", s->provenance.tsp_index},
          {"service_index", s->provenance.service_index},
          {"captured_qualifiers", s->captured_qualifiers},
          {"additional_information", s->additional_information}};
}

json at_json(const verify::QualificationAtTime& r) {
  return {{"time", tsl::format_time(r.time)},
          {"qualified", tri(r.qualified)},
          {"type", verify::to_string(r.type)},
          {"qscd", tri(r.qscd)},
          {"status", verify::to_string(r.status)},
          {"reason", r.reason},
          {"service", service_json(r.service)}};
}

json qc_json(const verify::QcStatements& qc) {
  json types = json::array();
  for (auto t : qc.types) {
    types.push_back(verify::to_string(t));
  }
  json pds = json::array();
  for (const auto& p : qc.pds) {
    pds.push_back({{"url", p.url}, {"language", p.language}});
  }
  json out = {{"present", qc.extension_present},
              {"statements", qc.statement_oids},
              {"qc_compliance", qc.compliance},
              {"qc_sscd", qc.sscd},
              {"qc_type", types},
              {"qc_cc_legislation", qc.cc_legislation ? json(qc.cc_legislation_countries) : json(nullptr)},
              {"qc_pds", pds},
              {"qc_retention_period", qc.retention_period_years ? json(*qc.retention_period_years) : json(nullptr)},
              {"semantics_ids", qc.semantics_ids},
              {"unknown", qc.unknown}};
  if (qc.limit_value) {
    out["qc_limit_value"] = {{"currency", qc.limit_value->currency},
                             {"amount", qc.limit_value->amount},
                             {"exponent", qc.limit_value->exponent}};
  }
  if (qc.psd2) {
    out["psd2"] = {{"roles", qc.psd2->role_names}, {"nca_name", qc.psd2->nca_name}, {"nca_id", qc.psd2->nca_id}};
  }
  return out;
}

json certificate_json(const verify::CertificateProfile& c) {
  json profiles = json::array();
  for (const auto& m : verify::policy_profiles(c.policies)) {
    profiles.push_back({{"oid", m.oid},
                        {"profile", verify::to_string(m.profile)},
                        {"standard", verify::to_string(verify::family_of(m.profile))}});
  }
  return {{"sha256", tsl::to_hex(c.sha256)},
          {"subject", c.subject},
          {"issuer", c.issuer},
          {"serial", c.serial_hex},
          {"not_before", tsl::format_time(c.not_before)},
          {"not_after", tsl::format_time(c.not_after)},
          {"policies", c.policies},
          {"extended_key_usages", c.extended_key_usages},
          {"qc_statements", qc_json(c.qc)},
          {"profile", profiles},
          {"anomalies", c.anomalies}};
}

std::string type_words(verify::CertType t) {
  switch (t) {
    case verify::CertType::kESig: return "electronic signatures";
    case verify::CertType::kESeal: return "electronic seals";
    case verify::CertType::kWsa: return "website authentication";
    case verify::CertType::kUnknown: return "an unknown use";
  }
  return "an unknown use";
}

std::string headline(const verify::QualificationAtTime& r) {
  switch (r.status) {
    case verify::QualStatus::kQualified:
      return "QUALIFIED: an EU qualified certificate for " + type_words(r.type) +
             (r.qscd == verify::Tri::kTrue ? ", private key on a QSCD" : ", private key NOT on a QSCD");
    case verify::QualStatus::kNotQualified: return "NOT QUALIFIED: " + r.reason;
    case verify::QualStatus::kIndeterminate: return "INDETERMINATE: " + r.reason;
  }
  return "";
}

void print_at(const char* label, const verify::QualificationAtTime& r) {
  std::cout << "  " << label << " (" << tsl::format_time(r.time) << "): " << verify::to_string(r.status)
            << ", type " << verify::to_string(r.type) << ", qscd " << verify::to_string(r.qscd) << '\n'
            << "    " << r.reason << '\n';
  if (r.service) {
    const auto& s = *r.service;
    std::cout << "    service: " << s.provenance.territory << " / " << s.provenance.tsp_name << " / "
              << s.provenance.service_name << " (" << tsl::service_type_short(s.type_uri) << ", "
              << s.status_uri.substr(s.status_uri.rfind('/') + 1) << " " << tsl::format_time(s.start) << " .. "
              << tsl::format_time(s.end, "now") << ")\n"
              << "    list: " << s.provenance.list_source << " seq " << s.provenance.list_sequence << " sha256 "
              << tsl::to_hex(s.provenance.list_digest) << '\n';
  }
}

void print_text(const verify::CertificateProfile& c, const verify::QualificationResult& r) {
  if (r.claim) {
    std::cout << "CLAIM " << r.claim->claim.text << ": " << verify::to_string(r.claim->verdict);
    if (!r.claim->failing_part.empty()) {
      std::cout << " (failing part: " << r.claim->failing_part << ")";
    }
    std::cout << "\n  " << r.claim->explanation << '\n';
  }
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
  for (const auto& e : r.trace.entries()) {
    std::cout << "  [" << e.rule_id << "] " << verify::to_string(e.outcome) << "  " << e.subject << ": " << e.detail
              << "  (" << e.clause << ")\n";
  }
}

int exit_code(const verify::QualificationResult& r) {
  if (r.claim) {
    return r.claim->verdict == verify::Verdict::kConfirmed ? kExitYes
           : r.claim->verdict == verify::Verdict::kRefuted ? kExitNo
                                                           : kExitIndeterminate;
  }
  return r.overall.status == verify::QualStatus::kQualified      ? kExitYes
         : r.overall.status == verify::QualStatus::kNotQualified ? kExitNo
                                                                 : kExitIndeterminate;
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
int run_check_against(const CheckOptions& o, const std::vector<verify::VerifiedList>& lists,
                      const tsl::ServiceIndex* prebuilt = nullptr) {
  auto cert = load_one(o.cert);
  if (!cert) {
    print_error(cert.error().message);
    return kExitUsage;
  }
  std::vector<verify::CertificateProfile> chain;
  if (!o.chain.empty()) {
    auto ders = verify::read_certificate_file(o.chain);
    if (!ders) {
      print_error("--chain: " + ders.error().message);
      return kExitUsage;
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
  req.certificate = &*cert;
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
  if (prebuilt == nullptr) {
    own = tsl::ServiceIndex::build(verify::valid_index_inputs(lists));
  }
  const tsl::ServiceIndex& index = prebuilt != nullptr ? *prebuilt : own;
  verify::QualificationEngine engine(index);
  auto result = engine.decide(req);
  if (!result) {
    print_error(result.error().message);
    return kExitUsage;
  }
  if (int rc = write_evidence(o.evidence, *cert, chain, *at, o.claim, lists, index, *result); rc != 0) {
    return rc;
  }
  if (o.json) {
    json trace = json::array();
    for (const auto& e : result->trace.entries()) {
      trace.push_back({{"rule", e.rule_id},
                       {"clause", e.clause},
                       {"outcome", verify::to_string(e.outcome)},
                       {"subject", e.subject},
                       {"detail", e.detail}});
    }
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
                {"trace", trace}};
    if (result->claim) {
      out["claim"] = result->claim->claim.text;
      out["verdict"] = verify::to_string(result->claim->verdict);
      out["failing_part"] = result->claim->failing_part.empty() ? json(nullptr) : json(result->claim->failing_part);
      out["claim_explanation"] = result->claim->explanation;
    }
    std::cout << out.dump(2) << '\n';
  } else {
    print_text(*cert, *result);
    std::size_t valid = static_cast<std::size_t>(std::count_if(
        lists.begin(), lists.end(), [](const verify::VerifiedList& v) { return v.status == verify::ListStatus::kValid; }));
    std::cout << "\nLists: " << valid << " of " << lists.size() << " valid and used\n";
  }
  return exit_code(*result);
}

// Store mode (issue 7): the current snapshot of --store (default $EUTL_STORE, else the
// XDG cache), through TrustedLists, whose store mode reads the snapshot's model cache:
// a warm check parses no XML and verifies no list signature; freshness is decided at
// --lists-at (default --at, else now).
int run_check_from_store(CheckOptions& o) {
  auto lists_at = time_option(o.lists_at.empty() ? o.at : o.lists_at, "--lists-at");
  if (!lists_at) {
    print_error(lists_at.error().message);
    return kExitUsage;
  }
  cache::ListSource source;
  source.store = store::resolve_store(o.evidence.store);
  auto loaded = cache::TrustedLists::load(source, *lists_at);
  if (!loaded) {
    print_error(loaded.error().message);
    return kExitUsage;
  }
  note_list_inputs(o.evidence, loaded->lotl_anchors(), *lists_at);
  o.evidence.snapshot_id = loaded->snapshot_id();
  o.evidence.store = source.store.string();
  int rc = run_check_against(o, loaded->lists(), &loaded->index());
  // Performance (issue 7): the process exits right after this. Freeing the model (tens
  // of thousands of small strings and vectors) one by one cost ~10 ms, a third of a
  // warm check, so the lists are deliberately left to the OS. The pointer stays
  // reachable from a static, so leak checkers do not report it.
  static const cache::TrustedLists* left_to_exit = nullptr;
  left_to_exit = new cache::TrustedLists(std::move(*loaded));
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
  cmd->add_option("--lotl-signers", opts->lotl_signers, "PEM file with the LOTL signing certificates (Official Journal)");
  cmd->add_option("--lists-at", opts->lists_at, "Time at which the lists are verified; default: --at, else now");
  add_evidence_options(cmd, opts->evidence);
  cmd->footer("Examples:\n  eutl check cert.pem --lists lotl.xml pivots/ tl/ --lotl-signers oj.pem\n"
              "  eutl check cert.pem --claim qwac --json --lists lists/ --lotl-signers oj.pem --at 2023-10-01\n"
              "  eutl check cert.pem --store ~/.cache/eutl    (the store's current snapshot)\n"
              "Exit: 0 qualified / claim confirmed, 1 not qualified / refuted, 3 indeterminate, 2 usage error.");
  cmd->callback([opts, &run] {
    run = [opts] {
      if (uses_snapshot(opts->evidence)) {
        auto stored = load_snapshot_for_check(opts->evidence, opts->lists_at);
        if (!stored) {
          print_error("--snapshot: " + stored.error().message);
          return kExitUsage;
        }
        return run_check_against(*opts, *stored);
      }
      if (opts->lists.empty()) {
        return run_check_from_store(*opts);
      }
      if (opts->lotl_signers.empty()) {
        print_error("check: --lists needs --lotl-signers PEM (or leave out --lists to use the store)");
        return kExitUsage;
      }
      auto files = expand(opts->lists);
      if (!files) {
        print_error(files.error().message);
        return kExitUsage;
      }
      auto anchors = verify::load_pem_certificates(opts->lotl_signers);
      if (!anchors) {
        print_error("--lotl-signers: " + anchors.error().message);
        return kExitUsage;
      }
      auto lists_at = time_option(opts->lists_at.empty() ? opts->at : opts->lists_at, "--lists-at");
      if (!lists_at) {
        print_error(lists_at.error().message);
        return kExitUsage;
      }
      auto inputs = verify::read_list_inputs(*files);
      if (!inputs) {
        print_error(inputs.error().message);
        return kExitUsage;
      }
      verify::ListSetRequest request;
      request.lotl_anchors = std::move(*anchors);
      request.at = *lists_at;
      note_list_inputs(opts->evidence, request.lotl_anchors, request.at);
      verify::ListSetResult verified = verify::verify_list_set(std::move(*inputs), request);
      return run_check_against(*opts, verified.lists);
    };
  });
}

}  // namespace eutl::cli
