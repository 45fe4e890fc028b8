// CPU time of a refresh where nothing changed (issue 4 target: < 100 ms CPU on the
// fixture set): the generated, signed fixture lists (LOTL 102, pivot 101, AA, BB, CC)
// served over HTTPS on 127.0.0.1, one clean refresh, then every timed iteration is a
// refresh in which the LOTL and every list answer 304, with real verification
// (verify_list_set anchored in pki/oj-anchors.pem) and a new snapshot written.
//
// The server runs in a forked child, so getrusage(RUSAGE_SELF) around each refresh
// counts the client only (fetch, TLS, verification, store), all its threads included.
// Counters: cpu_ms (per refresh, getrusage), verify_cpu_ms (the part spent inside the
// verifier), list_bytes (list body bytes downloaded per refresh: must be 0).
//
// BM_AllNotModifiedFetchCli does the same with the whole `eutl fetch` process
// (process start, library initialisation, store lock, table output included):
// cpu_ms is getrusage(RUSAGE_CHILDREN) per run.
//
// Fixtures: $EUTL_FIXTURES, else <directory of eutl_bench>/fixtures (the build makes
// them). Run: build-store/eutl_bench --benchmark_filter=Refresh
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "eutl/cache/refresh.h"
#include "tests/support/fixture_server.h"
// The loopback test server (tests/support/https_server.cpp is linked into eutl_bench).
#include "tests/support/https_server.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

double cpu_ms(int who = RUSAGE_SELF) {
  rusage u{};
  ::getrusage(who, &u);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(u.ru_utime) + ms(u.ru_stime);
}

fs::path build_dir() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

fs::path fixtures_dir() {
  if (const char* e = std::getenv("EUTL_FIXTURES"); e != nullptr && *e != '\0') {
    return e;
  }
  return build_dir() / "fixtures";
}

// The fixture server in a child process; it exits when the pipe to it closes.
class ServerProcess final {
 public:
  explicit ServerProcess(const fs::path& fixtures) {
    int up[2];   // child → parent: "port ca_file\n"
    int down[2];  // parent → child: closed to stop it
    if (::pipe(up) != 0 || ::pipe(down) != 0) {
      return;
    }
    m_pid = ::fork();
    if (m_pid == 0) {
      ::close(up[0]);
      ::close(down[1]);
      {
        eutl::test::HttpsServer server;
        eutl::test::serve_fixture_lists(server, fixtures);
        const std::string hello = std::to_string(server.port()) + " " + server.ca_file().string() + "\n";
        (void)!::write(up[1], hello.data(), hello.size());
        char c;
        while (::read(down[0], &c, 1) > 0) {
        }
      }
      ::_exit(0);
    }
    ::close(up[1]);
    ::close(down[0]);
    m_stop_fd = down[1];
    std::string hello;
    char c;
    while (::read(up[0], &c, 1) == 1 && c != '\n') {
      hello += c;
    }
    ::close(up[0]);
    const auto sp = hello.find(' ');
    if (sp != std::string::npos) {
      m_port = std::stoi(hello.substr(0, sp));
      m_ca_file = hello.substr(sp + 1);
    }
  }
  ~ServerProcess() {
    if (m_stop_fd >= 0) {
      ::close(m_stop_fd);
    }
    if (m_pid > 0) {
      int status = 0;
      ::waitpid(m_pid, &status, 0);
    }
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool ok() const { return m_port > 0; }
  int port() const { return m_port; }
  const std::string& ca_file() const { return m_ca_file; }

 private:
  pid_t m_pid = -1;
  int m_stop_fd = -1;
  int m_port = 0;
  std::string m_ca_file;
};

void BM_AllNotModifiedRefreshFixtures(benchmark::State& state) {
  const fs::path fixtures = fixtures_dir();
  auto anchors = eutl::verify::load_pem_certificates(fixtures / "pki/oj-anchors.pem");
  if (!anchors) {
    state.SkipWithError(("no fixtures in " + fixtures.string() + " (set EUTL_FIXTURES)").c_str());
    return;
  }
  ServerProcess server(fixtures);
  if (!server.ok()) {
    state.SkipWithError("the fixture server did not start");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("eutl-refresh-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto store = eutl::cache::Store::open(dir);
  if (!store) {
    state.SkipWithError("cannot open the store");
    return;
  }
  auto lock = store->lock_for_writing();
  if (!lock) {
    state.SkipWithError("cannot open the store");
    return;
  }
  eutl::net::FetchOptions fo;
  fo.cacert = server.ca_file();
  fo.connect_to = {"127.0.0.1:443:127.0.0.1:" + std::to_string(server.port())};
  eutl::net::Fetcher fetcher(fo);

  double verify_ms = 0;
  const eutl::cache::Verifier verifier = [&verify_ms](std::vector<eutl::verify::ListSetInput> in,
                                                      const eutl::verify::ListSetRequest& req) {
    const double before = cpu_ms();
    auto r = eutl::verify::verify_list_set(std::move(in), req);
    verify_ms += cpu_ms() - before;
    return r;
  };
  eutl::cache::RefreshRequest req;
  req.lotl_url = eutl::test::kFixtureLotlUrl;
  req.lotl_anchors = *anchors;
  req.at = eutl::tsl::parse_datetime(eutl::test::kFixtureAt)->time;
  int clock = 0;
  auto refresh = [&]() {
    req.created = req.at + std::chrono::seconds(++clock);
    return eutl::cache::refresh_from_network(*store, *lock, fetcher, verifier, req);
  };
  auto first = refresh();
  if (!first || first->list_failures != 0 || !first->lotl_verified) {
    state.SkipWithError("the clean refresh of the fixtures failed");
    return;
  }

  double total_ms = 0;
  verify_ms = 0;
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    const double before = cpu_ms();
    auto r = refresh();
    total_ms += cpu_ms() - before;
    if (!r || r->list_failures != 0) {
      state.SkipWithError("an unchanged refresh failed");
      break;
    }
    bytes += r->list_bytes_downloaded;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["cpu_ms"] = total_ms / n;
  state.counters["verify_cpu_ms"] = verify_ms / n;
  state.counters["list_bytes"] = static_cast<double>(bytes) / n;
  lock = eutl::cache::StoreLock{};
  fs::remove_all(dir);
}
BENCHMARK(BM_AllNotModifiedRefreshFixtures)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

// Runs a command with stdout and stderr to /dev/null; its exit code, -1 when killed.
int run_quiet(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  if (rc != 0 || ::waitpid(pid, &status, 0) != pid) {
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void BM_AllNotModifiedFetchCli(benchmark::State& state) {
  const fs::path fixtures = fixtures_dir();
  const fs::path eutl = build_dir() / "eutl";
  if (!fs::exists(fixtures / "pki/oj-anchors.pem") || !fs::exists(eutl)) {
    state.SkipWithError("no fixtures or no eutl beside eutl_bench");
    return;
  }
  ServerProcess server(fixtures);
  if (!server.ok()) {
    state.SkipWithError("the fixture server did not start");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("eutl-fetch-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::vector<std::string> args{eutl.string(),
                                      "fetch",
                                      "--store",
                                      dir.string(),
                                      "--lotl-url",
                                      eutl::test::kFixtureLotlUrl,
                                      "--lotl-signers",
                                      (fixtures / "pki/oj-anchors.pem").string(),
                                      "--cacert",
                                      server.ca_file(),
                                      "--connect-to",
                                      "127.0.0.1:443:127.0.0.1:" + std::to_string(server.port()),
                                      "--at",
                                      eutl::test::kFixtureAt};
  if (run_quiet(args) != 0) {
    state.SkipWithError("the clean eutl fetch of the fixtures failed");
    return;
  }
  double total_ms = 0;
  for (auto _ : state) {
    const double before = cpu_ms(RUSAGE_CHILDREN);
    const int rc = run_quiet(args);
    total_ms += cpu_ms(RUSAGE_CHILDREN) - before;
    if (rc != 0) {
      state.SkipWithError("an unchanged eutl fetch failed");
      break;
    }
  }
  state.counters["cpu_ms"] = total_ms / static_cast<double>(state.iterations());
  fs::remove_all(dir);
}
BENCHMARK(BM_AllNotModifiedFetchCli)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
