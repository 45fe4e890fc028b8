// `eutl serve` as a child process for the live tests: started on 127.0.0.1:0 (any free
// port), its stderr (start line, access log) written to a file the test reads, the
// port taken from "eutl: serving on http://127.0.0.1:PORT (…)". Stopped with SIGTERM
// by terminate() or, at the latest, the destructor.
#pragma once

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::test {

class ServeProcess final {
 public:
  // `args` follow "eutl serve --listen LISTEN"; shell-quoted by the caller.
  explicit ServeProcess(const std::string& args, const std::string& listen = "127.0.0.1:0",
                        std::chrono::seconds wait = std::chrono::seconds(60)) {
    static int counter = 0;
    m_log = std::filesystem::temp_directory_path() /
            ("eutl-serve-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".log");
    std::filesystem::remove(m_log);
    const std::string command = "exec " + cli() + " serve --listen " + listen + " " + args + " 2>'" + m_log.string() +
                                "' >/dev/null </dev/null";
    m_pid = ::fork();
    if (m_pid == 0) {
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    const std::regex serving(R"(eutl: serving on http://[^ ]+:([0-9]+) \(([^)]*)\))");
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch m;
      const std::string text = log();
      if (std::regex_search(text, m, serving)) {
        m_port = std::stoi(m[1]);
        m_start_line = m[0];
        return;
      }
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        m_pid = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~ServeProcess() {
    terminate(std::chrono::seconds(20));
    std::filesystem::remove(m_log);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool started() const { return m_port > 0; }
  int port() const { return m_port; }
  // "eutl: serving on http://127.0.0.1:PORT (snapshot ID)" or "(no snapshot yet)".
  const std::string& start_line() const { return m_start_line; }
  // Everything the server wrote on stderr so far.
  std::string log() const { return read_text(m_log); }

  void signal(int sig) const {
    if (m_pid > 0) {
      ::kill(m_pid, sig);
    }
  }
  // SIGTERM, then waits up to `wait` for the exit (SIGKILL after it); the exit status,
  // or 128 + the signal that ended it.
  int terminate(std::chrono::milliseconds wait) {
    if (m_pid <= 0) {
      return m_exit;
    }
    ::kill(m_pid, SIGTERM);
    return wait_exit(wait);
  }
  int wait_exit(std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (m_pid > 0) {
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        m_pid = -1;
        break;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        ::kill(m_pid, SIGKILL);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return m_exit;
  }

 private:
  pid_t m_pid = -1;
  int m_port = 0;
  int m_exit = -1;
  std::string m_start_line;
  std::filesystem::path m_log;
};

}  // namespace eutl::test
