// Helpers for the product CLI tests (list, export, check-site, example): the fixture
// list arguments, SHA-256 fingerprints computed by the openssl CLI (an independent
// tool), and an `openssl s_server` on an ephemeral loopback port.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_paths.h"

extern char** environ;

namespace eutl::test {

// The fixture lists are valid 2025-01-01 .. 2025-07-01.
// `at` is time T; the lists are always verified at 2025-03-01 (--lists-at).
inline std::string fixture_list_args(const std::string& at = "2025-03-01T00:00:00Z") {
  const auto f = fixtures();
  return " --lists " + (f / "lists").string() + " --lotl-signers " + (f / "pki/oj-anchors.pem").string() +
         " --at " + at + " --lists-at 2025-03-01T00:00:00Z";
}

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Lower-case hex SHA-256 of the certificate in a PEM file, by `openssl x509`.
inline std::string openssl_fingerprint(const std::filesystem::path& pem) {
  auto r = run_command("openssl x509 -noout -fingerprint -sha256 -in '" + pem.string() + "' 2>&1");
  std::string hex;
  auto eq = r.out.find('=');
  for (std::size_t i = eq == std::string::npos ? r.out.size() : eq + 1; i < r.out.size(); ++i) {
    char c = r.out[i];
    if (std::isxdigit(static_cast<unsigned char>(c))) {
      hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return hex;
}

// Fingerprints of every certificate of a PEM bundle (each block through openssl).
inline std::set<std::string> bundle_fingerprints(const std::string& bundle, const std::filesystem::path& scratch) {
  std::set<std::string> out;
  const std::regex block("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----");
  int n = 0;
  for (auto it = std::sregex_iterator(bundle.begin(), bundle.end(), block); it != std::sregex_iterator(); ++it) {
    auto file = scratch / ("cert-" + std::to_string(n++) + ".pem");
    std::ofstream(file) << it->str() << '\n';
    out.insert(openssl_fingerprint(file));
  }
  return out;
}

inline std::filesystem::path make_scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("eutl-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `openssl s_server -www` on 127.0.0.1, port chosen by the kernel; killed on scope exit.
class OpenSslServer final {
 public:
  OpenSslServer(const std::filesystem::path& cert, const std::filesystem::path& key,
                const std::filesystem::path& chain, const std::filesystem::path& scratch) {
    m_log = scratch / ("s_server-" + cert.stem().string() + ".log");
    std::vector<std::string> args = {"openssl",       "s_server", "-accept",      "127.0.0.1:0", "-www",
                                     "-cert",         cert.string(), "-key",      key.string(), "-cert_chain",
                                     chain.string()};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> argv;
    for (auto& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    if (::posix_spawnp(&m_pid, "openssl", &fa, nullptr, argv.data(), environ) != 0) {
      m_pid = -1;
    }
    posix_spawn_file_actions_destroy(&fa);
    const std::regex accept(R"(ACCEPT 127\.0\.0\.1:([0-9]+))");
    for (int i = 0; i < 200 && m_pid > 0 && m_port == 0; ++i) {
      std::smatch m;
      std::string log = read_all(m_log);
      if (std::regex_search(log, m, accept)) {
        m_port = std::stoi(m[1]);
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      }
    }
  }
  ~OpenSslServer() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGTERM);
      int status = 0;
      ::waitpid(m_pid, &status, 0);
    }
  }
  OpenSslServer(const OpenSslServer&) = delete;
  OpenSslServer& operator=(const OpenSslServer&) = delete;

  int port() const { return m_port; }  // 0 when the server did not start
  std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }

 private:
  pid_t m_pid = -1;
  int m_port = 0;
  std::filesystem::path m_log;
};

}  // namespace eutl::test
