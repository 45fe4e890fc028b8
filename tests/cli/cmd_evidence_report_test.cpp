// `eutl evidence report` as an auditor reads it, in a real browser: the report of a
// confirmed QWAC, a refuted QES and an indeterminate case rendered by headless
// Chromium, the key sections (verdict, chain of trust, evidence matrix, certificate,
// rule trace) present in the DOM, no console errors, screenshots written to
// build/screenshots/ (not committed); the Part 1 flag and the neutral QSCD wording on
// the page; and `--pdf` through headless Chromium, or exit 4 saying how without it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"
#include "tests/support/headless_browser.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

using test::shell_quote;

class EvidenceReport : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(std::string("report-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    m_store = m_dir / "store";
    std::string cmd = test::cli() + " import --store " + shell_quote(m_store) + " --lotl-signers " +
                      shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z";
    for (const char* f : {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-BB.xml"}) {
      cmd += " " + shell_quote(test::fixtures() / f);
    }
    auto r = test::run_command(cmd + " 2>&1");
    ASSERT_NE(r.exit_code, 2) << r.out;
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // eutl check writing a record, then `evidence report` (re-verified) to NAME.html.
  fs::path report(const std::string& name, const std::string& cert, const std::string& args, int expected_exit) {
    const fs::path rec = m_dir / (name + ".json");
    auto c = test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / cert) + " --snapshot current --store " +
                               shell_quote(m_store) + " " + args + " --evidence " + shell_quote(rec) + " 2>&1");
    EXPECT_EQ(c.exit_code, expected_exit) << c.out;
    const fs::path html = m_dir / (name + ".html");
    auto r = test::run_command(test::cli() + " evidence report " + shell_quote(rec) + " --store " + shell_quote(m_store) + " -o " +
                               shell_quote(html) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, "");
    return html;
  }

  test::Rendered render(const fs::path& html) {
    // "broken" is the console-error detector's own check: no screenshot for it.
    return test::render_in_chromium(html, m_dir, html.stem() == "broken" ? std::string() : html.stem().string());
  }

  static void expect_sections(const std::string& dom, const std::string& verdict) {
    EXPECT_THAT(dom, HasSubstr("Verdict: " + verdict));
    for (const char* id : {"id=\"verdict\"", "id=\"chain-of-trust\"", "id=\"evidence-matrix\"", "id=\"certificate\"",
                           "id=\"trace\"", "id=\"results\"", "id=\"all-lists\""}) {
      EXPECT_THAT(dom, HasSubstr(id)) << id;
    }
    // The chain of trust is drawn from the Official Journal down to the certificate.
    const auto oj = dom.find("Official Journal</span>");
    const auto lotl = dom.find("List of trusted lists</span>");
    const auto cert = dom.find("<span class=\"what\">Certificate</span>");
    EXPECT_NE(oj, std::string::npos);
    EXPECT_LT(oj, lotl);
    EXPECT_LT(lotl, cert);
    EXPECT_THAT(dom, HasSubstr("OJ C 276/2019"));
    EXPECT_THAT(dom, Not(HasSubstr("<script")));
  }

  fs::path m_dir;
  fs::path m_store;
};

TEST_F(EvidenceReport, ThreeVerdictsRenderInHeadlessChromium) {
  const fs::path qwac = report("report-confirmed-qwac", "certs/qwac.pem", "--at 2025-03-01T00:00:00Z --for qwac", 0);
  const fs::path qes = report("report-refuted-qes", "certs/qc-esig-noqscd.pem", "--at 2025-03-01T00:00:00Z --for qes", 1);
  // T past every list's NextUpdate (fixtures/MANIFEST.txt): nothing can be said at T.
  const fs::path late = report("report-indeterminate", "certs/qes-natural.pem", "--at 2026-01-01T00:00:00Z --for qes", 3);
  // Without a browser the pages are still checked as text.
  const std::string qwac_html = test::read_text(qwac);
  EXPECT_THAT(qwac_html, HasSubstr("(decided the case)"));
  EXPECT_THAT(qwac_html, HasSubstr("no — not applicable (a website certificate needs no QSCD)"));
  EXPECT_THAT(qwac_html, HasSubstr("<code>QSCD</code></td><td class=\"na\">not applicable</td>"));
  EXPECT_THAT(qwac_html, Not(HasSubstr("<code>QSCD</code></td><td class=\"fail\">")));
  EXPECT_THAT(qwac_html, Not(HasSubstr("service #0")));
  EXPECT_THAT(test::read_text(qes), HasSubstr("<span class=\"fail\">no</span>"));
  if (!test::have_chromium()) {
    GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
  }
  // The detector sees a script error on a page that has one (so "none" below means none).
  test::write_text(m_dir / "broken.html", "<!DOCTYPE html><html><body><script>no_such_function();</script></body></html>");
  EXPECT_TRUE(test::console_errors(render(m_dir / "broken.html").log));
  for (const auto& [html, verdict] : {std::pair{qwac, "confirmed"}, std::pair{qes, "refuted"},
                                      std::pair{late, "indeterminate"}}) {
    SCOPED_TRACE(html.string());
    test::Rendered r = render(html);
    expect_sections(r.dom, verdict);
    EXPECT_FALSE(test::console_errors(r.log)) << r.log;
  }
}

TEST_F(EvidenceReport, PartOnePolicyForAQualifiedClaimIsFlaggedOnThePage) {
  // ovcp-web carries OVCP and CA/B OV only (fixtures/MANIFEST.txt).
  const fs::path html = report("report-part1-flag", "certs/ovcp-web.pem", "--at 2025-03-01T00:00:00Z --for QCP-n", 1);
  const std::string page = test::read_text(html);
  EXPECT_THAT(page, HasSubstr("<tr class=\"flagged\">"));
  EXPECT_THAT(page, HasSubstr("Part 1 evidence does not prove the qualified claim"));
  const json rec = json::parse(test::read_text(m_dir / "report-part1-flag.json"));
  EXPECT_EQ(rec["schema"], "eutl-evidence/3");
}

TEST_F(EvidenceReport, PdfThroughHeadlessChromiumOrExitFourSayingHow) {
  const fs::path rec = m_dir / "rec.json";
  auto c = test::run_command(test::cli() + " check " + shell_quote(test::fixtures() / "certs/qwac.pem") +
                             " --snapshot current --store " + shell_quote(m_store) +
                             " --at 2025-03-01T00:00:00Z --for qwac --evidence " + shell_quote(rec) + " 2>&1");
  ASSERT_EQ(c.exit_code, 0) << c.out;
  // No chromium on PATH: exit 4, and the message says how to get the PDF.
  auto none = test::run_command("PATH=/nonexistent " + test::cli() + " evidence report " + shell_quote(rec) + " --store " +
                                shell_quote(m_store) + " --pdf " + shell_quote(m_dir / "none.pdf") + " 2>&1");
  EXPECT_EQ(none.exit_code, 4) << none.out;
  EXPECT_THAT(none.out, HasSubstr("chromium is not on PATH"));
  EXPECT_THAT(none.out, HasSubstr("print it to PDF"));
  EXPECT_FALSE(fs::exists(m_dir / "none.pdf"));
  if (!test::have_chromium() || test::run_command("command -v pdftotext >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "chromium or pdftotext is not installed";
  }
  auto pdf = test::run_command(test::cli() + " evidence report " + shell_quote(rec) + " --store " + shell_quote(m_store) + " --pdf " +
                               shell_quote(m_dir / "report.pdf") + " -o " + shell_quote(m_dir / "report.html") + " 2>&1");
  ASSERT_EQ(pdf.exit_code, 0) << pdf.out;
  EXPECT_EQ(test::read_text(m_dir / "report.html").substr(0, 15), "<!DOCTYPE html>");
  auto text = test::run_command("pdftotext " + shell_quote(m_dir / "report.pdf") + " - 2>&1");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  std::string lower = text.out;  // the verdict is upper-cased by the stylesheet
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  EXPECT_THAT(lower, HasSubstr("verdict: confirmed"));
  EXPECT_THAT(lower, HasSubstr("chain of trust"));
  EXPECT_THAT(lower, HasSubstr("evidence matrix"));
}

}  // namespace
}  // namespace eutl::cli
