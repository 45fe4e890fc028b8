// eutl evidence verify FILE|DIR [--store DIR | --bundle DIR] [--json]
// eutl evidence bundle FILE -o DIR [--store DIR]
// eutl evidence report FILE|DIR [-o OUT.html]
//
// Evidence records (docs/evidence-schema.md): re-verification offline, bundles an
// auditor can take away, and the HTML report.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_common.h"
#include "eutl/cache/evidence.h"
#include "eutl/tsl/read_file.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

struct EvidenceCmdOptions {
  std::string file;
  std::string store;
  std::string bundle;
  std::string out;
  bool json = false;
};

// FILE may be a bundle directory, a record inside one, or a plain record file.
struct Located {
  fs::path record;
  std::optional<fs::path> bundle;
};

Located locate(const EvidenceCmdOptions& o) {
  Located l;
  fs::path p(o.file);
  if (cache::is_evidence_bundle(p)) {
    l.record = p / cache::kBundleRecordName;
    l.bundle = p;
  } else {
    l.record = p;
    if (p.filename() == cache::kBundleRecordName && cache::is_evidence_bundle(p.parent_path().empty() ? "." : p.parent_path())) {
      l.bundle = p.parent_path().empty() ? fs::path(".") : p.parent_path();
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

cache::EvidenceSources sources_of(const EvidenceCmdOptions& o, const Located& l) {
  cache::EvidenceSources s;
  s.bundle = l.bundle;
  // The store is consulted only when named, or (without a bundle) the default one.
  if (!o.store.empty()) {
    s.store = fs::path(o.store);
  } else if (!l.bundle) {
    std::error_code ec;
    fs::path def = store::resolve_store("");
    if (fs::is_directory(def, ec)) {
      s.store = def;
    }
  }
  return s;
}

int run_verify(const EvidenceCmdOptions& o) {
  const Located l = locate(o);
  auto text = read_text(l.record);
  if (!text) {
    print_error(text.error().message);
    return exit_code_for(text.error());
  }
  auto chk = cache::verify_evidence(*text, sources_of(o, l));
  if (!chk) {
    print_error(chk.error().message);
    return kExitUsage;
  }
  if (o.json) {
    nlohmann::json diffs = nlohmann::json::array();
    for (const auto& d : chk->differences) {
      diffs.push_back({{"where", d.where}, {"message", d.message}});
    }
    nlohmann::json out = {{"same", chk->same},
                          {"recorded_verdict", chk->recorded_verdict},
                          {"verdict", chk->verdict.empty() ? nlohmann::json(nullptr) : nlohmann::json(chk->verdict)},
                          {"differences", diffs},
                          {"checked", chk->checked}};
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (chk->same) {
    std::cout << "RE-VERIFIED: same verdict (" << chk->verdict << ")\n";
    for (const auto& c : chk->checked) {
      std::cout << "  ok  " << c << '\n';
    }
  } else {
    std::cout << "DIFFERS: the record does not re-verify (recorded verdict " << chk->recorded_verdict
              << ", re-verified " << (chk->verdict.empty() ? "not re-run" : chk->verdict) << ")\n";
    for (const auto& d : chk->differences) {
      std::cout << "  " << d.where << ": " << d.message << '\n';
    }
  }
  return chk->same ? 0 : 1;
}

int run_bundle(const EvidenceCmdOptions& o) {
  const Located l = locate(o);
  auto text = read_text(l.record);
  if (!text) {
    print_error(text.error().message);
    return exit_code_for(text.error());
  }
  auto report = cache::write_evidence_bundle(*text, sources_of(o, l), o.out);
  if (!report) {
    print_error(report.error().message);
    return report.error().code == Errc::kNotFound ? 1 : kExitUsage;
  }
  std::cout << "bundle " << o.out << ": record, " << report->lists << " lists (" << report->bytes
            << " bytes), anchors, certificate\n";
  return 0;
}

int run_report(const EvidenceCmdOptions& o) {
  const Located l = locate(o);
  auto text = read_text(l.record);
  if (!text) {
    print_error(text.error().message);
    return exit_code_for(text.error());
  }
  auto html = cache::evidence_html(*text);
  if (!html) {
    print_error(html.error().message);
    return kExitUsage;
  }
  if (o.out.empty() || o.out == "-") {
    std::cout << *html;
    return 0;
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out << *html;
  out.close();
  if (!out) {
    print_error(o.out + ": cannot write");
    return kExitUsage;
  }
  return 0;
}

}  // namespace

void register_evidence(CLI::App& app, Runner& run) {
  auto opts = std::make_shared<EvidenceCmdOptions>();
  CLI::App* ev = app.add_subcommand("evidence", "Re-verify, bundle or report an evidence record (eutl-evidence/1)");
  ev->require_subcommand(1);

  CLI::App* v = ev->add_subcommand("verify", "Re-verify a record offline: digests, signatures, decision, verdict");
  v->add_option("FILE", opts->file, "Record (JSON) or bundle directory")->required();
  v->add_option("--store", opts->store, "Store holding the lists (default $EUTL_STORE or $XDG_CACHE_HOME/eutl)");
  v->add_option("--bundle", opts->bundle, "Bundle directory holding the lists (autodetected for DIR/record.json)");
  v->add_flag("--json", opts->json, "Machine-readable output");
  v->footer("Exit: 0 same verdict, every digest and signature re-verified; 1 something differs or was tampered "
            "with; 2 usage error.");
  v->callback([&run, opts] { run = [opts] { return run_verify(*opts); }; });

  CLI::App* b = ev->add_subcommand("bundle", "Copy a record and the exact bytes it rests on into a directory");
  b->add_option("FILE", opts->file, "Record (JSON)")->required();
  b->add_option("-o,--output", opts->out, "Output directory")->required();
  b->add_option("--store", opts->store, "Store holding the lists (default $EUTL_STORE or $XDG_CACHE_HOME/eutl)");
  b->callback([&run, opts] { run = [opts] { return run_bundle(*opts); }; });

  CLI::App* r = ev->add_subcommand("report", "Write the HTML report of a record");
  r->add_option("FILE", opts->file, "Record (JSON) or bundle directory")->required();
  r->add_option("-o,--output", opts->out, "Output HTML file (default: stdout)");
  r->callback([&run, opts] { run = [opts] { return run_report(*opts); }; });
}

}  // namespace eutl::cli
