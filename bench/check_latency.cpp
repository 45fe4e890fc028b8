// `eutl_bench --check-latency STORE [ITERATIONS]` and `eutl_bench --load-store STORE
// [RUNS]`: the in-process figures bench/run.sh reports for issue 7.
//
// --check-latency: loads the store's current snapshot once (TrustedLists, warm: from the
// model cache), reads every real certificate in realdata/certs/{qualified,
// non-qualified,ca,untrusted} and times TrustedLists::check-equivalent decisions:
//   first  = each certificate decided on a fresh QualificationEngine (empty key
//            cache: its issuer's key is decoded and the signature verified),
//   repeat = every certificate decided ITERATIONS more times on one engine (the
//            engine caches decoded issuer keys per anchor and memoises each
//            certificate-under-anchor signature result, so this is the decision
//            logic alone).
// Prints one line: "first_p50_us first_p99_us repeat_p50_us repeat_p99_us certs samples".
//
// --load-store: times TrustedLists::load(store) (snapshot + model cache + index +
// engine) RUNS times; prints "min_wall_ms min_cpu_ms origin lists valid services".
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "eutl/cache/model_cache.h"
#include "eutl/trusted_lists.h"
#include "eutl/verify/qualification.h"

namespace {

const std::filesystem::path kReal = EUTL_REALDATA_DIR;

double cpu_ms() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::vector<eutl::verify::CertificateProfile> real_certificates() {
  std::vector<eutl::verify::CertificateProfile> out;
  for (const char* sub : {"qualified", "non-qualified", "ca", "untrusted"}) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(kReal / "certs" / sub)) {
      files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto certs = eutl::read_certificates(f);
      if (certs) {
        out.push_back(std::move(certs->front()));
      }
    }
  }
  return out;
}

eutl::tsl::TimePoint kAt = eutl::tsl::parse_datetime("2023-10-28T00:00:00Z")->time;

}  // namespace

int run_check_latency(const std::string& store, int iterations) {
  eutl::ListSource source;
  source.store = store;
  auto lists = eutl::TrustedLists::load(source, kAt);
  if (!lists) {
    std::fprintf(stderr, "load %s: %s\n", store.c_str(), lists.error().message.c_str());
    return 1;
  }
  auto certs = real_certificates();
  if (certs.empty()) {
    std::fprintf(stderr, "no certificates in %s\n", (kReal / "certs").c_str());
    return 1;
  }
  auto decide = [&](const eutl::verify::QualificationEngine& engine, const eutl::verify::CertificateProfile& c) {
    eutl::verify::QualificationRequest req;
    req.certificate = &c;
    req.at = kAt;
    auto t0 = std::chrono::steady_clock::now();
    auto r = engine.decide(req);
    auto t1 = std::chrono::steady_clock::now();
    if (!r) {
      std::fprintf(stderr, "%s: %s\n", c.subject.c_str(), r.error().message.c_str());
    }
    return std::chrono::duration<double, std::micro>(t1 - t0).count();
  };
  std::vector<double> first;
  for (const auto& c : certs) {
    eutl::verify::QualificationEngine fresh(lists->index());
    first.push_back(decide(fresh, c));
  }
  eutl::verify::QualificationEngine engine(lists->index());
  for (const auto& c : certs) {
    decide(engine, c);  // warm the engine's key cache
  }
  std::vector<double> repeat;
  repeat.reserve(certs.size() * static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    for (const auto& c : certs) {
      repeat.push_back(decide(engine, c));
    }
  }
  std::printf("%.1f %.1f %.1f %.1f %zu %zu\n", percentile(first, 0.5), percentile(first, 0.99),
              percentile(repeat, 0.5), percentile(repeat, 0.99), certs.size(), repeat.size());
  return 0;
}

int run_load_store(const std::string& store, int runs) {
  double best_wall = 1e300;
  double best_cpu = 1e300;
  std::string summary;
  for (int i = 0; i < runs; ++i) {
    eutl::ListSource source;
    source.store = store;
    double w0 = wall_ms();
    double c0 = cpu_ms();
    auto lists = eutl::TrustedLists::load(source, kAt);
    double c1 = cpu_ms();
    double w1 = wall_ms();
    if (!lists) {
      std::fprintf(stderr, "load %s: %s\n", store.c_str(), lists.error().message.c_str());
      return 1;
    }
    best_wall = std::min(best_wall, w1 - w0);
    best_cpu = std::min(best_cpu, c1 - c0);
    summary = std::to_string(lists->lists().size()) + " " + std::to_string(lists->valid_count()) + " " +
              std::to_string(lists->index().services().size());
  }
  std::printf("%.2f %.2f %s\n", best_wall, best_cpu, summary.c_str());
  return 0;
}
