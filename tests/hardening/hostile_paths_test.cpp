// Every subcommand that reads a file, against a table of hostile paths: a directory,
// a FIFO nobody writes, /dev/zero, /dev/urandom, an empty file, an unreadable file
// and a 100 MB (sparse) file. Each run must end with exit 2 and a message naming the
// file, within a time bound (a hang detector, generous: not a benchmark) and a memory
// bound (the child's peak RSS from wait4). A blocking read of the FIFO or an
// unbounded read of /dev/zero trips one of the bounds instead of hanging the suite.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;

constexpr auto kTimeBound = std::chrono::seconds(20);  // each run; a good one takes well under a second
constexpr long kRssBoundKiB = 512 * 1024;              // peak RSS of one run

struct ChildRun {
  int exit_code = -1;  // -1: killed or did not exit normally
  bool timed_out = false;
  long max_rss_kib = 0;
  std::string err;  // stderr
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `args` (argv[0] = the eutl binary) with stdin and stdout on /dev/null and
// stderr in `err_file`; SIGKILL after `limit`.
ChildRun run_child(const std::vector<std::string>& args, const fs::path& err_file,
                   std::chrono::seconds limit = kTimeBound) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ChildRun r;
  const pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (pid < 0) {
    ADD_FAILURE() << "fork failed";
    return r;
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.max_rss_kib = usage.ru_maxrss;
  r.err = slurp(err_file);
  return r;
}

struct HostilePath {
  const char* name;
  fs::path path;
};

class HostilePaths : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
    m_dir = fs::temp_directory_path() / ("eutl-hostile-paths-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "hostile-dir");
    fs::create_directories(m_dir / "store");
    ASSERT_EQ(::mkfifo((m_dir / "hostile-fifo").c_str(), 0600), 0);
    std::ofstream(m_dir / "hostile-empty").close();
    { std::ofstream(m_dir / "hostile-100mb") << "<"; }
    fs::resize_file(m_dir / "hostile-100mb", 100'000'000);  // sparse: nothing written
    m_paths = {{"directory", m_dir / "hostile-dir"},
               {"FIFO without writer", m_dir / "hostile-fifo"},
               {"/dev/zero", "/dev/zero"},
               {"/dev/urandom", "/dev/urandom"},
               {"empty file", m_dir / "hostile-empty"},
               {"100 MB sparse file", m_dir / "hostile-100mb"}};
    if (::geteuid() != 0) {
      std::ofstream(m_dir / "hostile-unreadable") << "data";
      fs::permissions(m_dir / "hostile-unreadable", fs::perms::none);
      m_paths.push_back({"unreadable file", m_dir / "hostile-unreadable"});
    } else {
      std::cerr << "note: running as root, the unreadable-file row is skipped (root reads mode 000 files)\n";
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  fs::path m_dir;
  std::vector<HostilePath> m_paths;
};

// Each command line, with "{P}" where the hostile path goes.
std::vector<std::vector<std::string>> commands(const fs::path& scratch) {
  const fs::path f = test::fixtures();
  const std::string anchors = (f / "pki/oj-anchors.pem").string();
  const std::string lists = (f / "lists").string();
  const std::string cert = (f / "certs/qes-natural.pem").string();
  const std::string store = (scratch / "store").string();
  const std::string at = "2025-03-01T00:00:00Z";
  return {
      {"show", "{P}"},
      {"verify", "--lotl-signers", anchors, "--at", at, "{P}"},
      {"verify", "--lotl-signers", "{P}", "--at", at, lists},
      {"import", "--store", store, "--lotl-signers", anchors, "--at", at, "{P}"},
      {"import", "--store", store, "--lotl-signers", "{P}", "--at", at, lists},
      {"fetch", "--store", store, "--lotl-signers", "{P}", "--lotl-url", "https://127.0.0.1:1/lotl.xml"},
      {"check", "{P}", "--lists", lists, "--lotl-signers", anchors, "--at", at},
      // Store mode with no store at all: CERT is read (and refused) before the store.
      {"check", "{P}", "--store", (scratch / "no-store").string(), "--at", at},
      {"check", cert, "--chain", "{P}", "--lists", lists, "--lotl-signers", anchors, "--at", at},
      {"check", cert, "--lists", "{P}", "--lotl-signers", anchors, "--at", at},
      {"check", cert, "--lists", lists, "--lotl-signers", "{P}", "--at", at},
      {"evidence", "verify", "{P}"},
      {"evidence", "report", "{P}"},
      {"evidence", "bundle", "{P}", "-o", (scratch / "bundle-out").string()},
      {"list", "--lists", "{P}", "--lotl-signers", anchors, "--at", at},
      {"list", "--lists", lists, "--lotl-signers", "{P}", "--at", at},
      {"show-service", "AA/1/1", "--lists", "{P}", "--lotl-signers", anchors, "--at", at},
      {"export", "--pem", "--lists", "{P}", "--lotl-signers", anchors, "--at", at},
      {"check-site", "127.0.0.1:1", "--lists", "{P}", "--lotl-signers", anchors, "--at", at},
      {"check-site", "127.0.0.1:1", "--lists", lists, "--lotl-signers", "{P}", "--at", at},
  };
}

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (std::size_t i = 1; i < args.size(); ++i) s += (i > 1 ? " " : "") + args[i];
  return s;
}

TEST_F(HostilePaths, EveryCommandRefusesEveryHostilePathQuicklyAndNamesIt) {
  int runs = 0;
  for (const auto& cmd : commands(m_dir)) {
    for (const auto& hostile : m_paths) {
      std::vector<std::string> args{test::cli()};
      for (const auto& a : cmd) args.push_back(a == "{P}" ? hostile.path.string() : a);
      const std::string what = joined(args) + "  [" + hostile.name + "]";
      ChildRun r = run_child(args, m_dir / "stderr.txt");
      ++runs;
      EXPECT_FALSE(r.timed_out) << what << ": still running after " << kTimeBound.count() << " s";
      EXPECT_EQ(r.exit_code, 2) << what << "\n" << r.err;
      EXPECT_NE(r.err.find(hostile.path.string()), std::string::npos) << what << ": stderr does not name the file\n"
                                                                         << r.err;
      EXPECT_LT(r.max_rss_kib, kRssBoundKiB) << what << ": peak RSS " << r.max_rss_kib << " KiB";
      EXPECT_EQ(r.err.find("internal error"), std::string::npos) << what << "\n" << r.err;
    }
  }
  EXPECT_GE(runs, 20 * 6);
}

// Output paths: a FIFO that nobody reads would block the open for ever, and a directory
// cannot be written; both are refused at once (exit 2), naming the path.
TEST_F(HostilePaths, OutputToAFifoOrDirectoryIsRefusedQuicklyAndNamed) {
  const fs::path f = test::fixtures();
  const std::string lists = (f / "lists").string();
  const std::string anchors = (f / "pki/oj-anchors.pem").string();
  const std::string cert = (f / "certs/qes-natural.pem").string();
  const std::string at = "2025-03-01T00:00:00Z";
  const std::vector<std::vector<std::string>> outputs = {
      {"check", cert, "--lists", lists, "--lotl-signers", anchors, "--at", at, "--evidence", "{P}"},
      {"check", cert, "--lists", lists, "--lotl-signers", anchors, "--at", at, "--report", "{P}"},
      {"export", "--pem", "--lists", lists, "--lotl-signers", anchors, "--at", at, "-o", "{P}"},
  };
  for (const auto& cmd : outputs) {
    for (const fs::path& target : {m_dir / "hostile-fifo", m_dir / "hostile-dir"}) {
      std::vector<std::string> args{test::cli()};
      for (const auto& a : cmd) args.push_back(a == "{P}" ? target.string() : a);
      ChildRun r = run_child(args, m_dir / "stderr.txt");
      const std::string what = joined(args);
      EXPECT_FALSE(r.timed_out) << what << ": blocked on the output path";
      EXPECT_EQ(r.exit_code, 2) << what << "\n" << r.err;
      EXPECT_NE(r.err.find(target.string()), std::string::npos) << what << ": stderr does not name the file\n" << r.err;
    }
  }
}

TEST_F(HostilePaths, OutOfMemoryIsAnInternalErrorNotACrash) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit below allows";
#else
  // A 60 MB list (under the 64 MiB list limit) with the address space capped so that
  // the buffer for it cannot be allocated: std::bad_alloc reaches main's last-resort
  // handler, which reports it and exits 4 (could not run) instead of aborting. The
  // program with its libraries needs about 75 MB of address space; the one 60 MB read
  // buffer then does not fit under 100 MB.
  const fs::path big = m_dir / "big.xml";
  { std::ofstream(big) << "<"; }
  fs::resize_file(big, 60'000'000);
  const std::string script = "ulimit -v 100000; exec '" + test::cli() + "' show '" + big.string() + "'";
  ChildRun r = run_child({"/bin/sh", "-c", script}, m_dir / "stderr.txt");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("eutl: internal error: out of memory"), std::string::npos) << r.err;
#endif
}

}  // namespace
}  // namespace eutl::cli
