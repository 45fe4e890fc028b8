// eutl check with several certificates (files, a directory, a PEM bundle, standard
// input) against the generated fixture lists at 2025-03-01: one row per certificate,
// the worst outcome as exit code, --csv / --jsonl / --json, --fullchain,
// --evidence-dir, and --for with its old spelling --claim.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/evidence_support.h"
#include "tests/test_paths.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

class CheckBatchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fixtures() / "lists/lotl.xml")) {
      GTEST_SKIP() << "fixtures not generated";
    }
    m_dir = temp_dir(std::string("batch-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // A PEM file holding the given files one after the other (a bundle, or a fullchain).
  fs::path bundle(const std::string& name, const std::vector<fs::path>& parts) {
    std::string text;
    for (const auto& p : parts) {
      text += read_text(p);
    }
    write_text(m_dir / name, text);
    return m_dir / name;
  }

  CommandResult check(const std::string& args, const std::string& redirect = " 2>/dev/null") {
    return run_command(cli() + " check " + args + fixture_check_args() + redirect);
  }

  fs::path m_dir;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

TEST_F(CheckBatchCli, MixedVerdictsGiveOneRowEachASummaryAndTheWorstExitCode) {
  auto r = check(fixture_cert("qes-natural") + " " + fixture_cert("pkc-plain") + " " + fixture_cert("lookalike"));
  EXPECT_EQ(r.exit_code, 3) << r.out;  // indeterminate is worse than not qualified and qualified
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;  // header, 3 rows, summary
  EXPECT_THAT(lines[0], HasSubstr("FILE"));
  EXPECT_THAT(lines[0], HasSubstr("SUBJECT"));
  EXPECT_THAT(lines[0], HasSubstr("QSCD"));
  EXPECT_THAT(lines[1], HasSubstr("qualified"));
  EXPECT_THAT(lines[1], HasSubstr("esig"));
  EXPECT_THAT(lines[1], HasSubstr("yes"));
  EXPECT_THAT(lines[2], HasSubstr("not qualified"));
  EXPECT_THAT(lines[3], HasSubstr("indeterminate"));
  EXPECT_EQ(lines[4], "3 certificates: 1 qualified, 1 not qualified, 1 indeterminate");

  // Without the indeterminate one, the worst is "not qualified".
  auto two = check(fixture_cert("qes-natural") + " " + fixture_cert("pkc-plain"));
  EXPECT_EQ(two.exit_code, 1) << two.out;
  EXPECT_THAT(two.out, HasSubstr("2 certificates: 1 qualified, 1 not qualified, 0 indeterminate"));
}

TEST_F(CheckBatchCli, UnreadableFileInTheMiddleIsARowAndAnInputError) {
  auto r = check(fixture_cert("qes-natural") + " /nonexistent/missing.pem " + fixture_cert("lookalike"));
  EXPECT_EQ(r.exit_code, 2) << r.out;  // an input error is worse than indeterminate
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;
  EXPECT_THAT(lines[1], HasSubstr("qualified"));
  EXPECT_THAT(lines[2], HasSubstr("/nonexistent/missing.pem"));
  EXPECT_THAT(lines[2], HasSubstr("error"));
  EXPECT_THAT(lines[3], HasSubstr("indeterminate"));
  EXPECT_THAT(lines[4], HasSubstr("1 could not be checked"));

  auto j = check(fixture_cert("qes-natural") + " /nonexistent/missing.pem --json");
  auto arr = json::parse(j.out, nullptr, false);
  ASSERT_TRUE(arr.is_array()) << j.out;
  ASSERT_EQ(arr.size(), 2u);
  EXPECT_EQ(arr[1]["source"]["file"], "/nonexistent/missing.pem");
  EXPECT_THAT(arr[1]["error"]["message"].get<std::string>(), HasSubstr("cannot open the certificate file"));
  EXPECT_FALSE(arr[1]["error"]["code"].get<std::string>().empty());
}

TEST_F(CheckBatchCli, BundleGivesOneSubjectPerCertificateUnlessFullchain) {
  const fs::path chain = bundle("fullchain.pem", {fixtures() / "certs/qwac.pem", fixtures() / "pki/ca-qwac-BB.pem"});
  auto each = check(shell_quote(chain) + " --json");
  auto arr = json::parse(each.out, nullptr, false);
  ASSERT_TRUE(arr.is_array()) << each.out;
  ASSERT_EQ(arr.size(), 2u);
  EXPECT_EQ(arr[0]["source"]["index"], 1);
  EXPECT_EQ(arr[1]["source"]["index"], 2);
  EXPECT_EQ(arr[0]["at_time"]["qualified"], true);
  EXPECT_NE(arr[0]["certificate"]["subject"], arr[1]["certificate"]["subject"]);

  // --fullchain: one subject, the leaf, with the CA as its chain: the one-certificate object.
  auto full = check(shell_quote(chain) + " --fullchain --json --for qwac");
  EXPECT_EQ(full.exit_code, 0) << full.out;
  auto one = json::parse(full.out, nullptr, false);
  ASSERT_TRUE(one.is_object()) << full.out;
  EXPECT_EQ(one["certificate"]["subject"], arr[0]["certificate"]["subject"]);
  EXPECT_EQ(one["verdict"], "confirmed");
  EXPECT_FALSE(one.contains("source"));
}

TEST_F(CheckBatchCli, StandardInputIsRead) {
  auto single = check(fixture_cert("qes-natural") + " --json");
  auto piped = run_command("cat " + fixture_cert("qes-natural") + " | " + cli() + " check -" + fixture_check_args() +
                           " --json 2>/dev/null");
  EXPECT_EQ(piped.exit_code, 0) << piped.out;
  EXPECT_EQ(json::parse(piped.out, nullptr, false), json::parse(single.out, nullptr, false)) << piped.out;

  const fs::path two = bundle("two.pem", {fixtures() / "certs/qes-natural.pem", fixtures() / "certs/qseal.pem"});
  auto lines = run_command("cat " + shell_quote(two) + " | " + cli() + " check - --jsonl" + fixture_check_args() + " 2>/dev/null");
  auto rows = lines_of(lines.out);
  ASSERT_EQ(rows.size(), 2u) << lines.out;
  EXPECT_EQ(json::parse(rows[1])["source"], json({{"file", "-"}, {"index", 2}}));
  EXPECT_EQ(json::parse(rows[1])["at_time"]["type"], "eseal");
}

TEST_F(CheckBatchCli, DirectoryAsCsvParsesBackWithPythonsCsvModule) {
  fs::create_directories(m_dir / "in");
  for (const char* name : {"qes-natural", "qseal", "pkc-plain"}) {
    fs::copy_file(fixtures() / "certs" / (std::string(name) + ".pem"), m_dir / "in" / (std::string(name) + ".pem"));
  }
  write_text(m_dir / "in/README.txt", "not a certificate\n");
  auto r = check(shell_quote(m_dir / "in") + " --csv --for qes");
  EXPECT_EQ(r.exit_code, 1) << r.out;  // pkc-plain and qc: refuted
  write_text(m_dir / "out.csv", r.out);
  auto py = run_command(
      "python3 -c \"import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline=''))); "
      "print(len(rows)); print(all(len(x)==len(rows[0]) for x in rows)); print('|'.join(rows[0])); "
      "print('|'.join(r[4]+':'+r[8] for r in rows[1:]))\" " +
      shell_quote(m_dir / "out.csv") + " 2>&1");
  ASSERT_EQ(py.exit_code, 0) << py.out;
  auto out = lines_of(py.out);
  ASSERT_EQ(out.size(), 4u) << py.out;
  EXPECT_EQ(out[0], "4");  // header + 3 certificates, README.txt skipped
  EXPECT_EQ(out[1], "True");
  EXPECT_EQ(out[2], "file|index|subject|sha256|verdict|type|qscd|claim|claim_verdict|reason");
  // Name order: pkc-plain, qes-natural, qseal.
  EXPECT_EQ(out[3], "not_qualified:refuted|qualified:confirmed|qualified:refuted");
}

TEST_F(CheckBatchCli, JsonArrayHoldsTheOneCertificateObjectsAndJsonlOnePerLine) {
  const char* names[] = {"qes-natural", "qwac", "ovcp-web"};
  std::string args;
  for (const char* n : names) {
    args += " " + fixture_cert(n);
  }
  auto batch = check(args + " --json --for qwac");
  EXPECT_EQ(batch.exit_code, 1) << batch.out;
  auto arr = json::parse(batch.out, nullptr, false);
  ASSERT_TRUE(arr.is_array() && arr.size() == 3) << batch.out;
  auto jl = check(args + " --jsonl --for qwac");
  auto rows = lines_of(jl.out);
  ASSERT_EQ(rows.size(), 3u) << jl.out;
  for (std::size_t i = 0; i < 3; ++i) {
    auto single = json::parse(check(fixture_cert(names[i]) + " --json --for qwac").out, nullptr, false);
    ASSERT_TRUE(single.is_object());
    json element = arr[i];
    EXPECT_EQ(element["source"], json({{"file", fixtures().string() + "/certs/" + names[i] + ".pem"}, {"index", 1}}));
    element.erase("source");
    EXPECT_EQ(element, single) << names[i];
    EXPECT_EQ(json::parse(rows[i]), arr[i]) << names[i];
  }
}

TEST_F(CheckBatchCli, EvidenceDirHoldsOneRecordPerCertificateThatReverifies) {
  const fs::path store = m_dir / "store";
  auto imp = run_command(cli() + " import --store " + shell_quote(store) + " --lotl-signers " +
                         shell_quote(fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z " + shell_quote(fixtures() / "lists") +
                         " 2>&1");
  ASSERT_NE(imp.exit_code, 2) << imp.out;
  auto r = run_command(cli() + " check " + fixture_cert("qes-natural") + " " + fixture_cert("qseal") + " --store " + shell_quote(store) +
                       " --at 2025-03-01 --evidence-dir " + shell_quote(m_dir / "records") + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("2 certificates: 2 qualified"));
  for (const char* name : {"qes-natural-1.json", "qseal-1.json"}) {
    ASSERT_TRUE(fs::exists(m_dir / "records" / name)) << name;
    auto v = run_command(cli() + " evidence verify " + shell_quote(m_dir / "records" / name) + " --store " + shell_quote(store) + " 2>&1");
    EXPECT_EQ(v.exit_code, 0) << name << ": " << v.out;
    EXPECT_THAT(v.out, HasSubstr("RE-VERIFIED")) << name;
  }
  auto one_file = run_command(cli() + " check " + fixture_cert("qes-natural") + " " + fixture_cert("qseal") + " --store " +
                              shell_quote(store) + " --evidence " + shell_quote(m_dir / "x.json") + " 2>&1");
  EXPECT_EQ(one_file.exit_code, 2);
  EXPECT_THAT(one_file.out, HasSubstr("use --evidence-dir DIR for several"));
}

TEST_F(CheckBatchCli, ForAcceptsServiceUsesAndClaimIsAnOldSpelling) {
  auto by_use = check(fixture_cert("qwac") + " --json --for wsa");
  auto by_claim = check(fixture_cert("qwac") + " --json --claim qwac");
  EXPECT_EQ(by_use.exit_code, 0) << by_use.out;
  EXPECT_EQ(by_claim.exit_code, 0) << by_claim.out;
  auto a = json::parse(by_use.out, nullptr, false);
  EXPECT_EQ(a["claim"], "qwac");
  EXPECT_EQ(a, json::parse(by_claim.out, nullptr, false));
  auto note = check(fixture_cert("qwac") + " --claim qwac", " 2>&1 >/dev/null");
  EXPECT_THAT(note.out, HasSubstr("--claim is an old spelling of --for"));
  auto esig = check(fixture_cert("qc-esig-noqscd") + " --json --for esig");
  EXPECT_EQ(json::parse(esig.out, nullptr, false)["claim"], "qc-esig");
  EXPECT_EQ(esig.exit_code, 0);
  auto bad = check(fixture_cert("qwac") + " --for bogus", " 2>&1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.out, HasSubstr("eutl: --for: unknown claim 'bogus'"));
}

TEST_F(CheckBatchCli, HelpStatesTheBundleRuleAndTheExitOrder) {
  auto h = run_command(cli() + " check --help 2>&1");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_THAT(h.out, HasSubstr("each certificate is a subject, unless --fullchain"));
  EXPECT_THAT(h.out, HasSubstr("4 could not run > 2 input error > 3 indeterminate > 1 not qualified"));
  EXPECT_THAT(h.out, HasSubstr("not recursively"));
  EXPECT_THAT(h.out, HasSubstr("--for"));
  EXPECT_THAT(h.out, ::testing::Not(HasSubstr("--claim")));
}

}  // namespace
}  // namespace eutl::test
