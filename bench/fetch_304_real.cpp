// `eutl_bench --fetch-304-real EUTL RUNS [system]` (issue 18, item 3): the CPU of one whole
// `eutl fetch` process when nothing changed, on the real 2026 EU set (LOTL 390, its
// pivots and the national lists of tl/2026) served on loopback under the URLs LOTL 390
// names (tests/support/real_lists_web.h), as a user's second fetch of the day.
//
// With `system` as a third argument, the served lists' test CA is trusted next to the
// system's CA certificates, all as one hashed directory (what /etc/ssl/certs is), as a
// user's fetch trusts the system store: the row then includes reading that store.
//
// The servers run in a forked child, so getrusage(RUSAGE_CHILDREN) of the parent
// around each run counts the `eutl fetch` process only. One clean fetch fills the
// store; each timed run then gets 304 for the LOTL and every list. Prints
//   "cpu_median cpu_min cpu_max wall_median wall_min wall_max" in ms.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/real_lists_web.h"

namespace {

namespace fs = std::filesystem;

double children_cpu_ms() {
  rusage u{};
  ::getrusage(RUSAGE_CHILDREN, &u);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(u.ru_utime) + ms(u.ru_stime);
}

// Runs argv with stdout and stderr to /dev/null; the exit code, -1 when it did not run.
int run_quiet(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) {
      argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    FILE* null = std::fopen("/dev/null", "w");
    if (null != nullptr) {
      ::dup2(fileno(null), 1);
      ::dup2(fileno(null), 2);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid) {
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Served final {
  pid_t pid = -1;
  int stop_fd = -1;
  std::vector<std::string> transport;  // the `eutl fetch` arguments to reach it
};

// The real 2026 lists served by a forked child until stop_fd is closed.
Served serve_real_2026(const fs::path& realdata) {
  Served s;
  int up[2];
  int down[2];
  if (::pipe(up) != 0 || ::pipe(down) != 0) {
    return s;
  }
  s.pid = ::fork();
  if (s.pid == 0) {
    ::close(up[0]);
    ::close(down[1]);
    {
      eutl::test::RealListsWeb web(realdata, eutl::test::kLotl390);
      std::string hello;
      for (const auto& a : web.fetch_transport_args()) {
        hello += a + '\t';
      }
      hello += '\n';
      (void)!::write(up[1], hello.data(), hello.size());
      char c;
      while (::read(down[0], &c, 1) > 0) {
      }
    }
    ::_exit(0);
  }
  ::close(up[1]);
  ::close(down[0]);
  s.stop_fd = down[1];
  std::string word;
  char c;
  while (::read(up[0], &c, 1) == 1 && c != '\n') {
    if (c == '\t') {
      s.transport.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  ::close(up[0]);
  return s;
}

// A hashed CA directory (net/ca_store.h) of the system's certificates and the test CA
// `pem`, which `openssl x509 -subject_hash` names; empty when it cannot be made.
std::string system_store_with(const std::string& pem, const fs::path& dir) {
  fs::remove_all(dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (fs::directory_iterator it("/etc/ssl/certs", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() > 9 && name[8] == '.') {
      fs::create_symlink(fs::canonical(it->path()), dir / name, ec);
    }
  }
  FILE* p = ::popen(("openssl x509 -noout -subject_hash -in '" + pem + "'").c_str(), "r");
  char hash[32] = {};
  const bool read = p != nullptr && std::fgets(hash, sizeof hash, p) != nullptr;
  if (p != nullptr) {
    ::pclose(p);
  }
  std::string name(hash);
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) {
    name.pop_back();
  }
  if (!read || name.empty() || ec) {
    return {};
  }
  fs::copy_file(pem, dir / (name + ".0"), ec);
  return ec ? std::string() : dir.string();
}

std::string med_min_max(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double med = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  char out[96];
  std::snprintf(out, sizeof out, "%.1f %.1f %.1f", med, v.front(), v.back());
  return out;
}

}  // namespace

int run_fetch_304_real(const std::string& eutl, int runs, bool system_store) {
  const fs::path realdata = EUTL_REALDATA_DIR;
  if (!fs::exists(realdata / "MANIFEST-2026.md") || runs < 1) {
    std::fprintf(stderr, "--fetch-304-real: no 2026 set in %s\n", realdata.c_str());
    return 2;
  }
  Served served = serve_real_2026(realdata);
  if (served.transport.empty()) {
    std::fprintf(stderr, "--fetch-304-real: the servers did not start\n");
    return 2;
  }
  const fs::path store = fs::temp_directory_path() / ("eutl-bench-304-" + std::to_string(::getpid()));
  fs::remove_all(store);
  const fs::path ca_dir = fs::temp_directory_path() / ("eutl-bench-304-ca-" + std::to_string(::getpid()));
  for (std::size_t i = 0; system_store && i + 1 < served.transport.size(); ++i) {
    if (served.transport[i] == "--cacert") {
      served.transport[i + 1] = system_store_with(served.transport[i + 1], ca_dir);
      if (served.transport[i + 1].empty()) {
        std::fprintf(stderr, "--fetch-304-real: cannot make a CA directory from /etc/ssl/certs\n");
        return 2;
      }
    }
  }
  std::vector<std::string> args{eutl,   "fetch", "--store", store.string(), "--lotl-url", eutl::test::kEuLotlUrl,
                                "--at", "2026-08-21T12:00:00Z"};
  args.insert(args.end(), served.transport.begin(), served.transport.end());
  int rc = run_quiet(args);  // exit 1: some list not valid (HR, NL, NO: expected)
  std::vector<double> cpu;
  std::vector<double> wall;
  for (int i = 0; i < runs && rc >= 0 && rc <= 1; ++i) {
    const double before = children_cpu_ms();
    const auto t0 = std::chrono::steady_clock::now();
    rc = run_quiet(args);
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(children_cpu_ms() - before);
  }
  ::close(served.stop_fd);
  ::waitpid(served.pid, nullptr, 0);
  fs::remove_all(store);
  fs::remove_all(ca_dir);
  if (rc < 0 || rc > 1) {
    std::fprintf(stderr, "--fetch-304-real: eutl fetch failed (exit %d)\n", rc);
    return 1;
  }
  std::printf("%s %s\n", med_min_max(cpu).c_str(), med_min_max(wall).c_str());
  return 0;
}
