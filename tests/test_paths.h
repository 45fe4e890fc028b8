// Where tests find real data, generated fixtures and the built CLI.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace eutl::test {

inline std::filesystem::path realdata() { return EUTL_REALDATA_DIR; }
inline std::filesystem::path fixtures() { return EUTL_FIXTURES_DIR; }
inline std::filesystem::path source_dir() { return EUTL_SOURCE_DIR; }
inline std::string cli() { return EUTL_CLI_PATH; }

// `p` as one single-quoted shell word; a single quote inside it is closed, escaped and
// reopened ('\'').
inline std::string shell_quote(const std::filesystem::path& p) {
  std::string out = "'";
  for (char c : p.string()) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}
// The same word with the space before it, for appending to a command line.
inline std::string shell_arg(const std::filesystem::path& p) { return " " + shell_quote(p); }
// `args` as one command line, each argument quoted.
inline std::string shell_line(const std::vector<std::string>& args) {
  std::string line;
  for (const auto& a : args) {
    line += (line.empty() ? "" : " ") + shell_quote(a);
  }
  return line;
}

// Real data lives in ../shared beside the checkout (CI has it too). Without it the
// tests that need it say so instead of passing silently.
#define EUTL_REQUIRE_REALDATA()                                                              \
  do {                                                                                        \
    if (!std::filesystem::exists(::eutl::test::realdata() / "MANIFEST.md")) {               \
      GTEST_SKIP() << "no ../shared/realdata beside the checkout";                           \
    }                                                                                         \
  } while (0)

// The generated fixtures (fixtures/generate.sh, run by the eutl_fixtures target the
// tests depend on) must exist: without them a test fails, naming the cause.
#define EUTL_REQUIRE_FIXTURES()                                                               \
  do {                                                                                         \
    if (!std::filesystem::exists(::eutl::test::fixtures() / "MANIFEST.txt")) {              \
      GTEST_FAIL() << "fixtures not generated in " << ::eutl::test::fixtures()             \
                   << ": build the eutl_fixtures target (fixtures/generate.sh)";               \
    }                                                                                          \
  } while (0)

struct CommandResult {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command, capturing stdout (stderr goes to stdout with "2>&1" in cmd).
inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace eutl::test
