// Parsing the 2023 set: LOTL 332 + the 30 national lists of tl/2023 (31 files, 17.7 MB),
// with what `eutl` does for each list: read the file, XmlDocument::parse (hardened
// libxml2), read_trusted_list (the whole TS 119 612 model, every certificate DER-walked
// and hashed). bench/run.sh compares this with `xmllint --noout` on the same files.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <filesystem>
#include <string>
#include <vector>

#include "eutl/library.h"
#include "eutl/tsl/parser.h"

namespace {

std::vector<std::filesystem::path> set_2023() {
  const std::filesystem::path root = EUTL_REALDATA_DIR;
  std::vector<std::filesystem::path> files{root / "lotl/eu-lotl-seq332-2023-09-27.xml"};
  std::vector<std::filesystem::path> tls;
  for (const auto& e : std::filesystem::directory_iterator(root / "tl/2023")) {
    if (e.path().extension() == ".xml") tls.push_back(e.path());
  }
  std::sort(tls.begin(), tls.end());
  files.insert(files.end(), tls.begin(), tls.end());
  return files;
}

// The end-to-end figure: from the file on disk to the model.
void BM_ReadParseModel2023(benchmark::State& state) {
  auto files = set_2023();
  if (files.size() != 31) {
    state.SkipWithError("expected 31 files in the 2023 set (is ../shared/realdata there?)");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::size_t services = 0;
    for (const auto& f : files) {
      auto data = eutl::tsl::read_file(f);
      if (!data) {
        state.SkipWithError(data.error().message.c_str());
        return;
      }
      bytes += data->size();
      auto doc = eutl::tsl::XmlDocument::parse(*data, f.string());
      if (!doc) {
        state.SkipWithError(doc.error().message.c_str());
        return;
      }
      auto list = eutl::tsl::read_trusted_list(*doc);
      if (!list) {
        state.SkipWithError(list.error().message.c_str());
        return;
      }
      services += list->service_count();
    }
    benchmark::DoNotOptimize(services);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_ReadParseModel2023)->Unit(benchmark::kMillisecond);

// The two halves, files preloaded: libxml2 tree building alone, and our model reader alone.
void BM_XmlParseOnly2023(benchmark::State& state) {
  std::vector<eutl::tsl::Bytes> data;
  for (const auto& f : set_2023()) data.push_back(*eutl::tsl::read_file(f));
  for (auto _ : state) {
    for (const auto& d : data) {
      auto doc = eutl::tsl::XmlDocument::parse(d, "bench");
      benchmark::DoNotOptimize(doc.has_value());
    }
  }
}
BENCHMARK(BM_XmlParseOnly2023)->Unit(benchmark::kMillisecond);

void BM_ModelOnly2023(benchmark::State& state) {
  std::vector<eutl::tsl::XmlDocument> docs;
  for (const auto& f : set_2023()) {
    auto d = eutl::tsl::read_file(f);
    docs.push_back(std::move(*eutl::tsl::XmlDocument::parse(*d, f.string())));
  }
  for (auto _ : state) {
    for (const auto& doc : docs) {
      auto list = eutl::tsl::read_trusted_list(doc);
      benchmark::DoNotOptimize(list.has_value());
    }
  }
}
BENCHMARK(BM_ModelOnly2023)->Unit(benchmark::kMillisecond);

// The LOTL of the 2023 set with 100,000 extra namespace declarations on its root
// (issue: 57 s to verify before the markup limits): the time to refuse it.
void BM_NamespaceFloodRefused(benchmark::State& state) {
  auto data = eutl::tsl::read_file(set_2023().front());
  if (!data) {
    state.SkipWithError(data.error().message.c_str());
    return;
  }
  std::string xml(data->begin(), data->end());
  std::string decls;
  for (int i = 0; i < 100'000; ++i) decls += " xmlns:f" + std::to_string(i) + "=\"urn:flood:" + std::to_string(i) + "\"";
  const std::string root = "TrustServiceStatusList";
  xml.insert(xml.find(root) + root.size(), decls);
  for (auto _ : state) {
    auto doc = eutl::tsl::XmlDocument::parse(eutl::tsl::as_bytes(xml), "flood");
    if (doc) {
      state.SkipWithError("the flooded list was accepted");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(xml.size()) * state.iterations());
}
BENCHMARK(BM_NamespaceFloodRefused)->Unit(benchmark::kMillisecond);

}  // namespace

// `eutl_bench --once`: one pass over the 31 files in a fresh process, then exit, so
// bench/run.sh can time it exactly like one `xmllint --noout` process.
int run_once() {
  std::size_t services = 0;
  for (const auto& f : set_2023()) {
    auto data = eutl::tsl::read_file(f);
    auto doc = data ? eutl::tsl::XmlDocument::parse(*data, f.string()) : std::move(data).error();
    auto list = doc ? eutl::tsl::read_trusted_list(*doc) : std::move(doc).error();
    if (!list) {
      std::fprintf(stderr, "%s\n", list.error().message.c_str());
      return 1;
    }
    services += list->service_count();
  }
  std::printf("%zu services\n", services);
  return 0;
}

// bench/check_latency.cpp (issue 7): in-process check latency and warm store load.
int run_check_latency(const std::string& store, int iterations);
int run_load_store(const std::string& store, int runs);
// bench/fetch_304_real.cpp (issue 18): an all-304 `eutl fetch` of the real 2026 set.
int run_fetch_304_real(const std::string& eutl, int runs, bool system_store, bool full_handshakes, bool history);
int run_serve_real_2026();

int main(int argc, char** argv) {
  eutl::LibraryGuard guard;
  if (argc == 2 && std::string_view(argv[1]) == "--once") {
    return run_once();
  }
  if (argc >= 3 && std::string_view(argv[1]) == "--check-latency") {
    return run_check_latency(argv[2], argc >= 4 ? std::atoi(argv[3]) : 200);
  }
  if (argc >= 3 && std::string_view(argv[1]) == "--fetch-304-real") {
    bool system_store = false;
    bool full_handshakes = false;
    bool history = false;
    for (int i = 4; i < argc; ++i) {
      system_store = system_store || std::string_view(argv[i]) == "system";
      full_handshakes = full_handshakes || std::string_view(argv[i]) == "no-tls-resumption";
      history = history || std::string_view(argv[i]) == "history";
    }
    return run_fetch_304_real(argv[2], argc >= 4 ? std::atoi(argv[3]) : 7, system_store, full_handshakes, history);
  }
  if (argc == 2 && std::string_view(argv[1]) == "--serve-real-2026") {
    return run_serve_real_2026();
  }
  if (argc >= 3 && std::string_view(argv[1]) == "--load-store") {
    return run_load_store(argv[2], argc >= 4 ? std::atoi(argv[3]) : 10);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
