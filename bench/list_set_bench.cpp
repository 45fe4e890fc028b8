// verify_list_set on the whole real 2023 set (LOTL 332, pivots 282 and 300, 30
// national lists: parse + every signature + anchoring) against the xmlsec1 command
// line run once per file over the same 31 signed lists (issue 3 target: ours must be
// faster). Ratio = BM_XmlsecCliPerFile / BM_VerifyListSet2023.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"

namespace {

const std::filesystem::path kRoot = EUTL_REALDATA_DIR;

std::vector<std::filesystem::path> set_2023() {
  std::vector<std::filesystem::path> files{kRoot / "lotl/eu-lotl-seq332-2023-09-27.xml",
                                           kRoot / "lotl/pivots/eu-lotl-pivot-282.xml",
                                           kRoot / "lotl/pivots/eu-lotl-pivot-300.xml"};
  for (const auto& e : std::filesystem::directory_iterator(kRoot / "tl/2023")) {
    files.push_back(e.path());
  }
  return files;
}

void BM_VerifyListSet2023(benchmark::State& state) {
  auto anchors = eutl::verify::load_pem_certificates(kRoot / "oj/oj-C276-2019-lotl-signers.pem");
  if (!anchors) {
    state.SkipWithError("no realdata");
    return;
  }
  eutl::verify::ListSetRequest req;
  req.lotl_anchors = *anchors;
  req.at = eutl::tsl::parse_datetime("2023-10-28T00:00:00Z")->time;
  req.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    std::vector<eutl::verify::ListSetInput> inputs;
    for (const auto& f : set_2023()) {
      inputs.push_back({f.string(), *eutl::tsl::read_file(f)});
    }
    auto r = eutl::verify::verify_list_set(std::move(inputs), req);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_VerifyListSet2023)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

// The command in realdata/MANIFEST.md, once per signed file (LOTL + 30 lists).
void BM_XmlsecCliPerFile(benchmark::State& state) {
  std::vector<std::pair<std::string, std::string>> jobs;
  jobs.emplace_back((kRoot / "lotl/eu-lotl-seq332-2023-09-27.xml").string(),
                    (kRoot / "signers/eu-lotl-seq332-2023-09-27.signer.pem").string());
  for (const auto& e : std::filesystem::directory_iterator(kRoot / "tl/2023")) {
    jobs.emplace_back(e.path().string(), (kRoot / "signers" / (e.path().stem().string() + ".signer.pem")).string());
  }
  for (auto _ : state) {
    for (const auto& [xml, pem] : jobs) {
      std::string cmd = "xmlsec1 --verify --enabled-reference-uris same-doc,empty "
                        "--id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties "
                        "--id-attr:Id http://uri.etsi.org/02231/v2#:TrustServiceStatusList --pubkey-cert-pem '" +
                        pem + "' '" + xml + "' >/dev/null 2>&1";
      benchmark::DoNotOptimize(std::system(cmd.c_str()));
    }
  }
}
BENCHMARK(BM_XmlsecCliPerFile)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
