// `eutl_bench --fetch-304-real EUTL RUNS [system] [no-tls-resumption] [history]` (issue 18, item 3): the CPU of one whole
// `eutl fetch` process when nothing changed, on the real 2026 EU set (LOTL 390, its
// pivots and the national lists of tl/2026) served on loopback under the URLs LOTL 390
// names (tests/support/real_lists_web.h), as a user's second fetch of the day.
//
// With `system` as a third argument, the served lists' test CA is trusted next to the
// system's CA certificates, all as one hashed directory (what /etc/ssl/certs is), as a
// user's fetch trusts the system store: the row then includes reading that store.
// Each fetch resumes the TLS sessions the one before kept (include/eutl/net/tls_sessions.h);
// with `no-tls-resumption` every handshake is a full one, as once the servers' tickets
// expired. With `history` the store also holds a snapshot for every hour of the year
// before (bench/store_history.cpp), as a store refreshed hourly for a year does.
//
// The yardstick is `eutl_fetch_floor` (bench/floor/fetch_floor.cpp): a plain libcurl
// client that sends the same conditional GETs, with the validators the store holds, to
// the same servers, the LOTL first and then eight lists at a time. It is what a fetch
// costs with libcurl and OpenSSL before any work of ours: process start, libcurl and its
// libraries, and one TLS handshake per host.
//
// The servers run in a forked child, so getrusage(RUSAGE_CHILDREN) of the parent
// around each run counts the process run only. One clean fetch fills the store; then
// each round runs `eutl fetch` (304 for the LOTL and every list) and the floor back to
// back, alternating which goes first, and takes their CPU ratio. Prints, in ms,
//   "cpu_median cpu_min cpu_max wall_median wall_min wall_max
//    floor_cpu_median floor_cpu_min floor_cpu_max ratio_median ratio_min ratio_max".
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eutl/cache/store.h"
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

// The floor's request file (bench/floor/fetch_floor.cpp): the LOTL and every list of the
// store's current snapshot with the validators a refresh sends; false when unreadable.
bool write_floor_requests(const fs::path& store_dir, const fs::path& out) {
  auto store = eutl::cache::Store::open(store_dir);
  if (!store) {
    return false;
  }
  auto current = store->current();
  if (!current || !*current) {
    return false;
  }
  const eutl::cache::Snapshot& snap = **current;
  std::FILE* f = std::fopen(out.c_str(), "w");
  if (f == nullptr) {
    return false;
  }
  auto word = [](std::string v) {
    std::replace(v.begin(), v.end(), ' ', '_');
    return v.empty() ? std::string("-") : v;
  };
  auto line = [&](const eutl::cache::ListRecord& r) {
    std::fprintf(f, "%s %s %s\n", r.url.c_str(), word(r.fetch.etag).c_str(), word(r.fetch.last_modified).c_str());
  };
  line(snap.lotl);
  for (const auto& l : snap.lists) {
    line(l);
  }
  return std::fclose(f) == 0;
}

// The CPU and wall time of one quiet run of `args`, in ms; the exit code in `rc`.
std::pair<double, double> timed_run(const std::vector<std::string>& args, int& rc) {
  const double before = children_cpu_ms();
  const auto t0 = std::chrono::steady_clock::now();
  rc = run_quiet(args);
  const double wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return {children_cpu_ms() - before, wall};
}

std::string med_min_max(std::vector<double> v, int decimals = 1) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double med = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  char out[96];
  std::snprintf(out, sizeof out, "%.*f %.*f %.*f", decimals, med, decimals, v.front(), decimals, v.back());
  return out;
}

// The servers of the real 2026 set for the mode `flag` (named in messages); nullopt,
// said on stderr, when the set is not there or they did not start.
std::optional<Served> start_real_2026(const char* flag) {
  const fs::path realdata = EUTL_REALDATA_DIR;
  if (!fs::exists(realdata / "MANIFEST-2026.md")) {
    std::fprintf(stderr, "%s: no 2026 set in %s\n", flag, realdata.c_str());
    return std::nullopt;
  }
  Served served = serve_real_2026(realdata);
  if (served.transport.empty()) {
    std::fprintf(stderr, "%s: the servers did not start\n", flag);
    return std::nullopt;
  }
  return served;
}

}  // namespace

// `eutl_bench --serve-real-2026`: the same servers, held up for profiling by hand. Prints
// the `eutl fetch` transport arguments on one line and serves until stdin closes.
int run_serve_real_2026() {
  std::optional<Served> started = start_real_2026("--serve-real-2026");
  if (!started) {
    return 2;
  }
  const Served& served = *started;
  std::string line = std::string("--lotl-url ") + eutl::test::kEuLotlUrl;
  for (const auto& a : served.transport) {
    line += " '" + a + "'";
  }
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
  char c;
  while (::read(0, &c, 1) > 0) {
  }
  ::close(served.stop_fd);
  ::waitpid(served.pid, nullptr, 0);
  return 0;
}

bool fill_store_history(const fs::path& store, int hours);  // bench/store_history.cpp

int run_fetch_304_real(const std::string& eutl, int runs, bool system_store, bool full_handshakes, bool history) {
  if (runs < 1) {
    std::fprintf(stderr, "--fetch-304-real: RUNS must be at least 1\n");
    return 2;
  }
  std::optional<Served> started = start_real_2026("--fetch-304-real");
  if (!started) {
    return 2;
  }
  Served& served = *started;
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
  if (full_handshakes) {
    args.push_back("--no-tls-resumption");
  }
  int rc = run_quiet(args);  // exit 1: some list not valid (HR, NL, NO: expected)
  const fs::path requests = store.string() + "-floor-requests";
  std::vector<std::string> floor_args{EUTL_FETCH_FLOOR, requests.string()};
  floor_args.insert(floor_args.end(), served.transport.begin(), served.transport.end());
  const bool floor_ready = rc >= 0 && rc <= 1 && write_floor_requests(store, requests) &&
                           (!history || fill_store_history(store, 365 * 24));
  int floor_rc = floor_ready ? 0 : -1;
  std::vector<double> cpu;
  std::vector<double> wall;
  std::vector<double> floor_cpu;
  std::vector<double> ratio;
  for (int i = 0; i < runs && rc >= 0 && rc <= 1 && floor_rc == 0; ++i) {
    std::pair<double, double> ours;
    std::pair<double, double> floor;
    if (i % 2 == 0) {
      ours = timed_run(args, rc);
      floor = timed_run(floor_args, floor_rc);
    } else {
      floor = timed_run(floor_args, floor_rc);
      ours = timed_run(args, rc);
    }
    cpu.push_back(ours.first);
    wall.push_back(ours.second);
    floor_cpu.push_back(floor.first);
    ratio.push_back(ours.first / floor.first);
  }
  ::close(served.stop_fd);
  ::waitpid(served.pid, nullptr, 0);
  fs::remove_all(store);
  fs::remove_all(ca_dir);
  fs::remove(requests);
  if (rc < 0 || rc > 1) {
    std::fprintf(stderr, "--fetch-304-real: eutl fetch failed (exit %d)\n", rc);
    return 1;
  }
  if (floor_rc != 0) {
    std::fprintf(stderr, "--fetch-304-real: the libcurl floor did not get 304 everywhere (exit %d)\n", floor_rc);
    return 1;
  }
  std::printf("%s %s %s %s\n", med_min_max(cpu).c_str(), med_min_max(wall).c_str(), med_min_max(floor_cpu).c_str(),
              med_min_max(ratio, 2).c_str());
  return 0;
}
