// CLI tests assert messages, not only exit codes. When eutl exits non-zero, what it
// prints (the file or flag it names and the problem) is part of the contract, and a
// success is worth a key fact of its output; an exit code alone passes for the wrong
// reason. This test reads every tests/**/*_test.cpp and fails listing the TEST bodies
// that run the eutl binary and check an exit code without checking what was printed.
//
// The heuristic is deliberately simple and textual:
//  1. Comments and the contents of string and character literals are blanked first, so
//     a "{" or "cli()" inside a literal counts for nothing.
//  2. A call runs the CLI if it is test::cli() (tests/test_paths.h: the built binary) or
//     a helper whose body mentions cli(), defined in the test file or in a tests/
//     header it includes (FixtureStore::import, a file's own verify_cmd, ...).
//  3. In an EXPECT_/ASSERT_ statement, everything after the first "<<" is the failure
//     message: printing r.out when a check fails is not a check on r.out.
//  4. A TEST body that runs the CLI is flagged when
//     a. it reads some `.exit_code` but no output at all: no `.out`, `.err`, `.j` or
//        `.raw` member and nothing JSON (json::parse, parse_json(r), verify_json(...));
//     b. an EXPECT_ reads `.exit_code` straight off a call that runs the CLI, e.g.
//        EXPECT_EQ(run_command(cli() + " show").exit_code, 2): that run's output is lost;
//     c. a variable holds a CLI run, an EXPECT_ checks its `.exit_code`, and the body
//        never reads its output (`v.out`, `v.err`, `v.j`, `v.raw`, or `...json(v)`).
//     ASSERT_ on an exit code is a test's precondition (the import before the check),
//     not the behaviour under test, so b and c look at EXPECT_ only.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Comments and literal contents become spaces (newlines kept); the quotes stay.
std::string blank_comments_and_literals(std::string_view in) {
  std::string out(in);
  std::size_t i = 0;
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < out.size(); ++k) {
      out[k] = out[k] == '\n' ? '\n' : ' ';
    }
  };
  while (i < in.size()) {
    if (in.substr(i, 2) == "//") {
      std::size_t end = in.find('\n', i);
      end = end == std::string_view::npos ? in.size() : end;
      blank(i, end);
      i = end;
    } else if (in.substr(i, 2) == "/*") {
      std::size_t end = in.find("*/", i + 2);
      end = end == std::string_view::npos ? in.size() : end + 2;
      blank(i, end);
      i = end;
    } else if (in[i] == 'R' && in.substr(i + 1, 1) == "\"" && (i == 0 || !ident_char(in[i - 1]))) {
      const std::size_t open = in.find('(', i);
      const std::string close = ")" + std::string(in.substr(i + 2, open - i - 2)) + "\"";
      std::size_t end = in.find(close, open);
      end = end == std::string_view::npos ? in.size() : end + close.size();
      blank(i + 2, end - 1);
      i = end;
    } else if (in[i] == '"' || (in[i] == '\'' && (i == 0 || !std::isxdigit(static_cast<unsigned char>(in[i - 1]))))) {
      const char quote = in[i];
      std::size_t k = i + 1;
      while (k < in.size() && in[k] != quote) {
        k += in[k] == '\\' ? 2 : 1;
      }
      blank(i + 1, k);
      i = k + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// The end of the brace block whose "{" is at `open` (one past its "}").
std::size_t block_end(const std::string& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
    if (depth == 0) {
      return i + 1;
    }
  }
  return s.size();
}

// Names of the functions defined in `text` (blanked) whose body mentions cli().
std::set<std::string> cli_helpers(const std::string& text) {
  constexpr std::array<std::string_view, 9> kNotFunctions{"if",   "for",    "while",  "switch", "catch",
                                                         "TEST", "TEST_F", "TEST_P", "return"};
  const std::regex kDefinition(R"((\w+)\s*\([^;]*\)\s*(const\s*)?(override\s*)?$)");
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t head = text.find_last_of(";{}", open == 0 ? 0 : open - 1);
    const std::string header = text.substr(head == std::string::npos ? 0 : head + 1, open - (head + 1));
    std::smatch m;
    if (std::regex_search(header, m, kDefinition) &&
        std::find(kNotFunctions.begin(), kNotFunctions.end(), m[1].str()) == kNotFunctions.end() &&
        text.substr(open, block_end(text, open) - open).find("cli()") != std::string::npos) {
      out.insert(m[1]);
    }
  }
  return out;
}

bool calls_any(const std::string& s, const std::set<std::string>& helpers) {
  if (s.find("cli()") != std::string::npos) {
    return true;
  }
  for (const auto& h : helpers) {
    for (std::size_t at = s.find(h + "("); at != std::string::npos; at = s.find(h + "(", at + 1)) {
      if (at == 0 || !ident_char(s[at - 1])) {
        return true;
      }
    }
  }
  return false;
}

bool uses(const std::string& code, const std::string& var, std::string_view member) {
  const std::string needle = var + "." + std::string(member);
  for (std::size_t at = code.find(needle); at != std::string::npos; at = code.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    if ((at == 0 || (!ident_char(code[at - 1]) && code[at - 1] != '.')) && (end >= code.size() || !ident_char(code[end]))) {
      return true;
    }
  }
  return false;
}

bool reads_output_of(const std::string& code, const std::string& var) {
  for (std::string_view m : {"out", "err", "j", "raw"}) {
    if (uses(code, var, m)) {
      return true;
    }
  }
  return code.find("json(" + var + ")") != std::string::npos;
}

bool reads_any_output(const std::string& code) {
  const std::regex kOutput(R"(\.(out|err|j|raw)\b|json)");
  return std::regex_search(code, kOutput);
}

// What is wrong with one TEST body (blanked), or nothing.
std::vector<std::string> findings_in_body(const std::string& body, const std::set<std::string>& helpers) {
  std::vector<std::string> out;
  if (!calls_any(body, helpers)) {
    return out;
  }
  std::vector<std::string> statements;
  std::vector<std::string> checks;  // statements with the failure message cut off
  std::stringstream split(body);
  for (std::string s; std::getline(split, s, ';');) {
    statements.push_back(s);
    const bool assertion = s.find("EXPECT_") != std::string::npos || s.find("ASSERT_") != std::string::npos;
    checks.push_back(assertion ? s.substr(0, s.find("<<")) : s);
  }
  std::string code;
  for (const auto& c : checks) {
    code += c + ";";
  }
  if (code.find(".exit_code") != std::string::npos && !reads_any_output(code)) {
    out.push_back("checks an exit code and reads no output");
  }
  const std::regex kOffACall(R"(\)\s*\.exit_code)");
  for (const auto& c : checks) {
    if (c.find("EXPECT_") != std::string::npos && calls_any(c, helpers) && std::regex_search(c, kOffACall)) {
      const std::string shown = std::regex_replace(std::regex_replace(c, std::regex(R"(^[\s{}]+)"), ""),
                                                   std::regex(R"(\s+)"), " ");
      out.push_back("expects the exit code of a run whose output it drops: " + shown.substr(0, 90));
    }
  }
  const std::regex kAssigned(R"(^[\s{}]*(?:[\w:<>&]+\s+)*(\w+)\s*=\s*)");
  std::set<std::string> reported;
  for (const auto& s : statements) {
    std::smatch m;
    if (!std::regex_search(s, m, kAssigned) || !calls_any(m.suffix().str(), helpers)) {
      continue;
    }
    const std::string var = m[1];
    const bool expected = std::any_of(checks.begin(), checks.end(), [&](const std::string& c) {
      return c.find("EXPECT_") != std::string::npos && uses(c, var, "exit_code");
    });
    if (expected && !reads_output_of(code, var) && reported.insert(var).second) {
      out.push_back("expects " + var + ".exit_code but never reads " + var + "'s output");
    }
  }
  return out;
}

struct Finding final {
  std::string where;  // file:Suite.Name
  std::string what;
};

// Every finding in one test source; `helpers` are those of the headers it includes.
std::vector<Finding> scan_source(const std::string& name, std::string_view source, std::set<std::string> helpers,
                                 std::size_t* bodies_run_cli = nullptr) {
  const std::string text = blank_comments_and_literals(source);
  helpers.merge(cli_helpers(text));
  std::vector<Finding> out;
  const std::regex kTest(R"(\bTEST(_F|_P)?\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)\s*\{)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTest); it != std::sregex_iterator(); ++it) {
    const std::size_t open = static_cast<std::size_t>(it->position() + it->length() - 1);
    const std::string body = text.substr(open, block_end(text, open) - open);
    if (bodies_run_cli != nullptr && calls_any(body, helpers)) {
      ++*bodies_run_cli;
    }
    for (auto& what : findings_in_body(body, helpers)) {
      out.push_back({name + ":" + (*it)[2].str() + "." + (*it)[3].str(), std::move(what)});
    }
  }
  return out;
}

// The helpers that run the CLI in the tests/ headers `source` includes, transitively.
void included_helpers(std::string_view source, std::set<std::string>& seen, std::set<std::string>& helpers) {
  const std::regex kInclude(R"(#include\s+"(tests/[^"]+\.h)\")");
  const std::string text(source);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kInclude); it != std::sregex_iterator(); ++it) {
    const std::string rel = (*it)[1];
    if (seen.insert(rel).second && fs::is_regular_file(source_dir() / rel)) {
      const std::string header = read_file(source_dir() / rel);
      helpers.merge(cli_helpers(blank_comments_and_literals(header)));
      included_helpers(header, seen, helpers);
    }
  }
}

std::vector<std::string> whats(const std::string& body_source) {
  std::vector<std::string> out;
  for (const auto& f : scan_source("t", "TEST(A, B) {\n" + body_source + "\n}\n", {"run_eutl"})) {
    out.push_back(f.what);
  }
  return out;
}

// The heuristic itself, on small bodies: what it must flag and what it must accept.
TEST(CliTestsAssertMessages, HeuristicFlagsRunsCheckedOnlyByTheirExitCode) {
  struct Case final {
    const char* body;
    std::size_t findings;
  };
  const Case cases[] = {
      // Exit code only, inline: the run's output is thrown away (rules a and b).
      {R"c(EXPECT_EQ(run_command(cli() + " show 2>&1").exit_code, 2);)c", 2},
      // The output only in the failure message is no check of it (rules a and c).
      {R"c(auto r = run_command(cli() + " show 2>&1"); EXPECT_EQ(r.exit_code, 2) << r.out;)c", 2},
      // Through a helper that runs the CLI, same thing (rule b; c reads nothing here).
      {R"c(EXPECT_EQ(run_eutl("x").exit_code, 2); EXPECT_NE(other.out.find("y"), 0u);)c", 1},
      // Checked: the message is asserted.
      {R"c(auto r = run_command(cli() + " show 2>&1"); EXPECT_EQ(r.exit_code, 2);
          EXPECT_THAT(r.out, HasSubstr("FILE is required"));)c", 0},
      // Checked through parsed JSON.
      {R"c(auto r = run_eutl("--json"); EXPECT_EQ(r.exit_code, 0); auto j = parse_json(r); EXPECT_EQ(j["a"], 1);)c", 0},
      // A precondition (ASSERT_) on a setup run is allowed when the body checks output.
      {R"c(auto imp = run_eutl("import"); ASSERT_NE(imp.exit_code, 2) << imp.out;
          auto r = run_eutl("status"); EXPECT_EQ(r.exit_code, 0); EXPECT_NE(r.out.find("ok"), 0u);)c", 0},
      // Not a CLI run (openssl): nothing to say.
      {R"c(auto v = run_command("openssl verify x"); EXPECT_EQ(v.exit_code, 0);)c", 0},
      // "cli()" inside a string or a comment is no run of the CLI.
      {R"c(auto v = run_command("echo cli()"); // cli()
          EXPECT_EQ(v.exit_code, 0);)c", 0},
  };
  for (const auto& c : cases) {
    const auto got = whats(c.body);
    std::string all;
    for (const auto& w : got) {
      all += "\n  " + w;
    }
    EXPECT_EQ(got.size(), c.findings) << c.body << all;
  }
}

TEST(CliTestsAssertMessages, EveryCliTestChecksWhatWasPrinted) {
  std::vector<Finding> findings;
  std::size_t files = 0;
  std::size_t bodies = 0;
  for (const auto& e : fs::recursive_directory_iterator(source_dir() / "tests")) {
    const std::string file = e.path().filename().string();
    if (!e.is_regular_file() || !file.ends_with("_test.cpp")) {
      continue;
    }
    const std::string source = read_file(e.path());
    std::set<std::string> seen;
    std::set<std::string> helpers;
    included_helpers(source, seen, helpers);
    const std::string rel = fs::relative(e.path(), source_dir()).string();
    for (auto& f : scan_source(rel, source, helpers, &bodies)) {
      findings.push_back(std::move(f));
    }
    ++files;
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) { return a.where < b.where; });
  std::string report;
  for (const auto& f : findings) {
    report += "\n  " + f.where + ": " + f.what;
  }
  EXPECT_TRUE(findings.empty()) << findings.size()
                                << " CLI test(s) check an exit code without checking what eutl printed (assert "
                                   "the message on stderr for an error, a key fact of stdout or --json for a "
                                   "success):"
                                << report;
  EXPECT_GT(files, 100u);
  EXPECT_GT(bodies, 100u) << "the scan found too few TEST bodies that run the CLI: is the heuristic still matching?";
}

}  // namespace
}  // namespace eutl::test
