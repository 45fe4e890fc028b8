// eutl evidence verify FILE|DIR [--lotl-signers PEM] [--store DIR | --bundle DIR] [--json]
// eutl evidence bundle FILE -o DIR [--store DIR]
// eutl evidence report FILE|DIR [--lotl-signers PEM] [--store DIR] [--unverified] [-o OUT.html] [--pdf OUT.pdf]
//
// Evidence records (docs/evidence-schema.md): re-verification offline, bundles an
// auditor can take away, and the HTML report. A record is trusted only as far as it
// re-verifies with LOTL anchors the caller trusts (never the record's own).
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/anchors_in_use.h"
#include "cli/commands.h"
#include "cli/common_options.h"
#include "cli/evidence_headline.h"
#include "cli/evidence_pdf.h"
#include "cli/store_common.h"
#include "eutl/evidence/evidence.h"
#include "eutl/evidence_verify_json.h"
#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"
#include "eutl/tsl/write_file.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

struct EvidenceCmdOptions {
  std::string file;
  std::string store;
  std::string bundle;
  std::string out;
  std::string lotl_signers;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  bool unverified = false;
  std::string pdf;  // evidence report --pdf
};

// FILE may be a bundle directory, a record inside one, or a plain record file.
struct Located {
  fs::path record;
  std::optional<fs::path> bundle;
};

Located locate(const EvidenceCmdOptions& o) {
  Located l;
  fs::path p(o.file);
  if (evidence::is_evidence_bundle(p)) {
    l.record = p / evidence::kBundleRecordName;
    l.bundle = p;
  } else {
    l.record = p;
    // DIR/record.json inside a bundle is read as that bundle, unless a store is named:
    // then the caller asked for the store's copies.
    const fs::path parent = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    if (o.store.empty() && p.filename() == evidence::kBundleRecordName && evidence::is_evidence_bundle(parent)) {
      l.bundle = parent;
    }
  }
  if (!o.bundle.empty()) {
    l.bundle = fs::path(o.bundle);
  }
  return l;
}

Result<std::string> read_text(const fs::path& file) {
  auto bytes = tsl::read_file(file, tsl::FileKind::kEvidence);
  if (!bytes) {
    return std::move(bytes).error();
  }
  return std::string(bytes->begin(), bytes->end());
}

// Lists come from the bundle when there is one, else from the store (--store, else the
// default one when it exists) or the recorded file paths. The store also supplies the
// trusted anchors when --lotl-signers is not given, bundle or not.
Result<evidence::EvidenceSources> sources_of(const EvidenceCmdOptions& o, const Located& l) {
  evidence::EvidenceSources s;
  s.bundle = l.bundle;
  if (!o.store.empty()) {
    s.store = fs::path(o.store);
  } else {
    std::error_code ec;
    fs::path def = store::resolve_store("");
    if (fs::is_directory(def, ec)) {
      s.store = def;
    }
  }
  if (!o.lotl_signers.empty() || !store_has_anchors(s.store)) {  // the file, else the store's, else bundled
    auto anchors = anchors_in_use(o.lotl_signers, nullptr);
    if (!anchors) {
      return Error(Errc::kUsage, "--lotl-signers: " + anchors.error().message);
    }
    s.trusted_anchors_origin = anchors->origin == AnchorOrigin::kBundled
                                   ? "the Official Journal anchors bundled with eutl"
                                   : "the LOTL anchors of " + o.lotl_signers;
    s.trusted_anchors = std::move(anchors->certificates);
  }
  return s;
}

// Reads FILE, refuses what is not an evidence record (exit 2) and re-verifies it.
struct Verified {
  int exit = kExitYes;  // set when the run stops early
  std::string text;
  std::optional<evidence::EvidenceCheck> check;
};

Verified load(const EvidenceCmdOptions& o, bool verify) {
  Verified v;
  const Located l = locate(o);
  auto text = read_text(l.record);
  if (!text) {
    print_error(text.error().message);
    v.exit = exit_code_for(text.error());
    return v;
  }
  v.text = std::move(*text);
  if (!evidence::is_evidence_record(v.text)) {
    print_error(l.record.string() + ": not an evidence record (a JSON object with schema " +
                std::string(evidence::kEvidenceSchema) + ", as `eutl check --evidence` writes)");
    v.exit = kExitUsage;
    return v;
  }
  if (!verify) {
    return v;
  }
  auto sources = sources_of(o, l);
  if (!sources) {
    print_error(sources.error().message);
    v.exit = kExitUsage;
    return v;
  }
  if (!sources->trusted_anchors && !sources->store) {
    print_error("no LOTL anchors to trust: give --lotl-signers PEM (the LOTL signing certificates published in the "
                "Official Journal) or --store DIR (a store filled with them); the anchors inside a record are never "
                "trusted");
    v.exit = kExitUsage;
    return v;
  }
  auto chk = evidence::verify_evidence(v.text, *sources);
  if (!chk) {
    print_error(chk.error().message);
    v.exit = kExitUsage;
    return v;
  }
  v.check = std::move(*chk);
  return v;
}

int run_verify(const EvidenceCmdOptions& o) {
  Verified v = load(o, true);
  if (!v.check) {
    return v.exit;
  }
  const evidence::EvidenceCheck& chk = *v.check;
  if (o.json) {
    std::cout << eutl::evidence_verify_json(chk) << '\n';
  } else {
    std::cout << headline(chk) << '\n';
    if (chk.same) {
      for (const auto& c : chk.checked) {
        std::cout << "  ok  " << c << '\n';
      }
    }
    for (const auto& d : chk.differences) {
      std::cout << "  " << d.where << ": " << d.message << '\n';
    }
  }
  return exit_code_of(chk.outcome);
}

int run_bundle(const EvidenceCmdOptions& o) {
  Verified v = load(o, false);
  if (v.exit != kExitYes) {
    return v.exit;
  }
  auto sources = sources_of(o, locate(o));
  if (!sources) {
    print_error(sources.error().message);
    return kExitUsage;
  }
  auto report = evidence::write_evidence_bundle(v.text, *sources, o.out);
  if (!report) {
    print_error(report.error().message);
    return report.error().code == Errc::kNotFound ? kExitIndeterminate : kExitUsage;
  }
  std::cout << "bundle " << o.out << ": record, " << report->lists << " lists (" << report->bytes
            << " bytes), anchors, certificate\n";
  return kExitYes;
}

int run_report(const EvidenceCmdOptions& o) {
  Verified v = load(o, !o.unverified);
  if (v.exit != kExitYes) {
    return v.exit;
  }
  if (v.check && !v.check->same) {
    print_error(headline(*v.check));
    for (const auto& d : v.check->differences) {
      print_error("  " + d.where + ": " + d.message);
    }
    print_error("no report written: the record does not re-verify (--unverified renders it under a banner saying "
                "it was not verified)");
    return exit_code_of(v.check->outcome);
  }
  auto html = evidence::evidence_html(v.text, v.check ? evidence::RecordProvenance::kReVerified
                                                   : evidence::RecordProvenance::kUnverified);
  if (!html) {
    print_error(html.error().message);
    return kExitUsage;
  }
  if (!o.pdf.empty()) {
    return write_evidence_pdf(*html, o.out, o.pdf);
  }
  if (o.out.empty() || o.out == "-") {
    std::cout << *html;
    return kExitYes;
  }
  if (auto written = tsl::write_file(o.out, *html); !written) {
    print_error(written.error().message);
    return exit_code_for(written.error());
  }
  return kExitYes;
}

}  // namespace

void register_evidence(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<EvidenceCmdOptions>();
  CLI::App* ev = app.add_subcommand("evidence", "Re-verify, bundle or report an evidence record (eutl-evidence/3, /2 or /1)");
  ev->require_subcommand(1);
  const std::string signers_help =
      "PEM file with the LOTL signing certificates you trust (Official Journal); default: those the store "
      "recorded, else those bundled with eutl. The anchors inside the record are never trusted";
  const std::string store_what = "holding the lists and the trusted anchors";

  CLI::App* v = ev->add_subcommand("verify", "Re-verify a record offline: digests, anchors, signatures, decision");
  v->add_option("FILE", opts->file, "Record (JSON) or bundle directory")->required();
  v->add_option("--lotl-signers", opts->lotl_signers, signers_help);
  add_store_option(v, opts->store, store_what);
  v->add_option("--bundle", opts->bundle, "Bundle directory holding the lists (autodetected for DIR/record.json)");
  add_output_flags(v, opts->json, opts->quiet, opts->verbose,
                   "Say on stderr which store is read for lists and anchors");
  v->footer("Examples:\n  eutl evidence verify record.json                    # lists and anchors from the store\n"
            "  eutl evidence verify bundle-dir/ --lotl-signers oj.pem  # an auditor with the OJ certificates\n"
            "Lists are read from the bundle, else the store, else the file path recorded in the record, and used "
            "only when their SHA-256 matches.\n"
            "Exit: 0 same verdict, every digest and signature re-verified with trusted anchors; 1 something differs, "
            "was tampered with, or rests on LOTL anchors you do not trust; 2 usage error or not an evidence record; "
            "3 inputs missing (lists no longer available): nothing concluded.");
  v->callback([&run, opts] { run = [opts] { return run_with_store_note(*opts, run_verify); }; });

  CLI::App* b = ev->add_subcommand("bundle", "Copy a record and the exact bytes it rests on into a directory");
  b->add_option("FILE", opts->file, "Record (JSON)")->required();
  b->add_option("-o,--output", opts->out, "Output directory")->required();
  add_store_option(b, opts->store, store_what);
  b->footer("Example:\n  eutl evidence bundle record.json -o bundle-dir/\n"
            "Lists are read from the store, else the file path recorded in the record, and copied only when "
            "their SHA-256 matches.\nExit: 0 written; 2 usage error or not an evidence record; 3 a list the record "
            "names is not available.");
  b->callback([&run, opts] { run = [opts] { return run_bundle(*opts); }; });

  CLI::App* r = ev->add_subcommand("report", "Write the HTML report of a record that re-verifies");
  r->add_option("FILE", opts->file, "Record (JSON) or bundle directory")->required();
  r->add_option("-o,--output", opts->out, "Output HTML file (default: stdout)");
  r->add_option("--pdf", opts->pdf, "Also print the report to this PDF file with headless Chromium");
  r->add_option("--lotl-signers", opts->lotl_signers, signers_help);
  add_store_option(r, opts->store, store_what);
  r->add_flag("--unverified", opts->unverified,
              "Render without re-verifying, under a banner saying the record was not verified");
  r->footer("Examples:\n  eutl evidence report record.json -o report.html\n"
            "  eutl evidence report suspicious.json --unverified -o report.html   # under a 'Not verified' banner\n"
            "  eutl evidence report record.json --pdf report.pdf   # printed by headless Chromium\n"
            "Exit: 0 written; 1 the record does not re-verify (differs, or untrusted anchors); 2 usage error or not "
            "an evidence record; 3 inputs missing; 4 --pdf without chromium on PATH (open the HTML and print it to PDF instead).");
  r->callback([&run, opts] { run = [opts] { return run_report(*opts); }; });
}

}  // namespace eutl::cli
