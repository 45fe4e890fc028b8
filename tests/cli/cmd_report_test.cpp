// eutl report tsp: the status report of one trust service provider across the
// store's snapshots. On the fixtures: how the provider is named (service ID, part of
// the name, ambiguity, no match), --from/--to, the JSON and HTML forms. On the real
// 2023 and 2026 sets imported into one store: a status change (GlobalSign's E46 EV
// QWAC CA 2022Q1, withdrawn 2023-11-10 in BE's list) is attested by the 2026 list
// version and not by the 2023 one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/cli_stores.h"
#include "tests/support/headless_browser.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

using test::shell_arg;

class ReportTspFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_store = fs::temp_directory_path() / ("eutl-report-tsp-" + std::to_string(::getpid()));
    fs::remove_all(s_store);
    const fs::path f = test::fixtures();
    test::run_command(test::cli() + " import --store" + shell_arg(s_store) + " --at 2025-03-01T00:00:00Z --lotl-signers" +
                      shell_arg(f / "pki/oj-anchors.pem") + shell_arg(f / "lists/lotl.xml") + shell_arg(f / "lists/pivot-101.xml") +
                      shell_arg(f / "lists/tl-AA.xml") + shell_arg(f / "lists/tl-BB.xml") + shell_arg(f / "lists/tl-CC.xml") +
                      " >/dev/null 2>&1");
  }
  static void TearDownTestSuite() { fs::remove_all(s_store); }

  test::CommandResult report(const std::string& args) {
    return test::run_command(test::cli() + " report tsp " + args + " --store" + shell_arg(s_store) + " 2>&1");
  }
  json report_json(const std::string& args) {
    auto r = test::run_command(test::cli() + " report tsp " + args + " --json --store" + shell_arg(s_store));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out, nullptr, false);
  }

  static fs::path s_store;
};
fs::path ReportTspFixture::s_store;

TEST_F(ReportTspFixture, ServiceIdNamesItsProviderWithEveryServiceAndItsHistory) {
  const json j = report_json("AA/1/1");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["schema"], "eutl-report-tsp/1");
  EXPECT_EQ(j["tsp"]["name"], "Alpha Trust Services");
  EXPECT_EQ(j["tsp"]["territory"], "AA");
  ASSERT_EQ(j["list_versions"].size(), 1u);
  EXPECT_EQ(j["list_versions"][0]["sequence"], 7);
  EXPECT_EQ(j["list_versions"][0]["result"], "valid");
  EXPECT_EQ(j["list_versions"][0]["digest"].get<std::string>().size(), 64u);
  ASSERT_EQ(j["services"].size(), 3u) << j.dump(1);  // AA/1/1..3, not Alpha Time Services
  const json& ca1 = j["services"][0];
  EXPECT_EQ(ca1["id"], "AA/1/1");
  EXPECT_EQ(ca1["type_short"], "CA/QC");
  EXPECT_EQ(ca1["status_short"], "granted");
  ASSERT_EQ(ca1["history"].size(), 2u);
  EXPECT_EQ(ca1["history"][0]["start"], "2016-07-01T00:00:00Z");
  EXPECT_EQ(ca1["history"][0]["current"], true);
  EXPECT_EQ(ca1["history"][1]["status_short"], "accredited");
  EXPECT_EQ(ca1["history"][1]["end"], "2016-07-01T00:00:00Z");
  EXPECT_EQ(ca1["history"][1]["first_seen_version"], 0);
  EXPECT_EQ(ca1["history"][1]["published_in_first_seen_version"], false);  // no older version to compare
  ASSERT_FALSE(ca1["certificates"].empty());
  EXPECT_THAT(ca1["certificates"][0]["subject"].get<std::string>(), HasSubstr("Alpha"));
}

TEST_F(ReportTspFixture, PartOfTheNameInAnyCaseFindsTheProvider) {
  const json j = report_json("'beta cert'");
  EXPECT_EQ(j["tsp"]["name"], "Beta Certification");
  auto text = report("'beta cert'");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("BB/1/1  Beta Qualified Website CA"));
}

TEST_F(ReportTspFixture, AmbiguousNameIsAUsageErrorNamingTheCandidates) {
  auto r = report("alpha");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("'alpha' matches 2 trust service providers"));
  EXPECT_THAT(r.out, HasSubstr("AA  Alpha Trust Services"));
  EXPECT_THAT(r.out, HasSubstr("AA  Alpha Time Services"));
}

TEST_F(ReportTspFixture, UnknownProviderOrServiceIsNo) {
  auto r = report("nosuch");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("no trust service provider named like 'nosuch'"));
  auto s = report("AA/9/9");
  EXPECT_EQ(s.exit_code, 1) << s.out;
  EXPECT_THAT(s.out, HasSubstr("no service AA/9/9"));
}

TEST_F(ReportTspFixture, FromAndToKeepOnlyPeriodsThatReachIntoThePeriod) {
  const json later = report_json("AA/1/1 --from 2020-01-01");
  ASSERT_EQ(later["services"][0]["history"].size(), 1u);  // accredited ended in 2016
  EXPECT_EQ(later["services"][0]["history"][0]["status_short"], "granted");
  EXPECT_EQ(later["period"]["from"], "2020-01-01T00:00:00Z");
  const json earlier = report_json("AA/1/1 --to 2012-01-01");
  ASSERT_EQ(earlier["services"][0]["history"].size(), 1u);  // granted began in 2016
  EXPECT_EQ(earlier["services"][0]["history"][0]["status_short"], "accredited");
  auto bad = report("AA/1/1 --from 2024-01-01 --to 2023-01-01");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_THAT(bad.out, HasSubstr("--from is after --to"));
  auto junk = report("AA/1/1 --from yesterday");
  EXPECT_EQ(junk.exit_code, 2) << junk.out;
  EXPECT_THAT(junk.out, HasSubstr("--from"));
}

TEST_F(ReportTspFixture, HtmlIsSelfContainedWithoutScripts) {
  const fs::path html = s_store.parent_path() / ("eutl-report-tsp-" + std::to_string(::getpid()) + ".html");
  auto r = report("AA/1/1 --html" + shell_arg(html));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Alpha Trust Services (AA)"));  // the text report still goes to stdout
  std::ifstream in(html);
  std::stringstream page;
  page << in.rdbuf();
  fs::remove(html);
  EXPECT_THAT(page.str(), HasSubstr("<h1>Trust service provider status report</h1>"));
  EXPECT_THAT(page.str(), HasSubstr("AA/1/1 — Alpha Qualified CA 1"));
  EXPECT_THAT(page.str(), HasSubstr("First held in list version"));
  EXPECT_THAT(page.str(), Not(HasSubstr("<script")));
  EXPECT_THAT(page.str(), Not(HasSubstr("http-equiv")));
  EXPECT_THAT(page.str(), Not(HasSubstr("src=")));
}

// The page in headless Chromium: the sections are in the DOM, no console errors, and
// a screenshot for the note (build/screenshots/report-tsp.png).
TEST_F(ReportTspFixture, HtmlRendersInHeadlessChromium) {
  const fs::path dir = s_store.parent_path() / ("eutl-report-tsp-page-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto r = report("AA/1/1 --html" + shell_arg(dir / "report-tsp.html"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Alpha Trust Services (AA)"));
  if (!test::have_chromium()) {
    fs::remove_all(dir);
    GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
  }
  const test::Rendered page = test::render_in_chromium(dir / "report-tsp.html", dir, "report-tsp");
  fs::remove_all(dir);
  EXPECT_FALSE(test::console_errors(page.log)) << page.log;
  EXPECT_THAT(page.dom, HasSubstr("National list versions in the store"));
  EXPECT_THAT(page.dom, HasSubstr("AA/1/1 — Alpha Qualified CA 1"));
  EXPECT_THAT(page.dom, HasSubstr("sequence 7, issued 2025-01-01T00:00:00Z"));
  EXPECT_THAT(page.dom, HasSubstr("accredited"));
}

TEST(ReportTspStore, NoStoreIsNo) {
  const fs::path none = fs::temp_directory_path() / ("eutl-report-none-" + std::to_string(::getpid()));
  auto r = test::run_command(test::cli() + " report tsp AA/1/1 --store" + shell_arg(none) + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("no store here"));
  EXPECT_FALSE(fs::exists(none));  // a report never creates a store
}

TEST(ReportTspRealData, StatusChangeBetween2023And2026IsAttestedByTheListThatPublishedIt) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = fs::temp_directory_path() / ("eutl-report-real-" + std::to_string(::getpid()));
  fs::remove_all(store);
  auto imported_2023 = test::import_real_2023_store(store);
  ASSERT_THAT(imported_2023.out, HasSubstr("LOTL seq 332  valid"));  // exit 1: FR seq 112 is expired
  auto imported_2026 = test::import_real_2026_store(store);
  ASSERT_THAT(imported_2026.out, HasSubstr("LOTL seq 390  valid"));
  auto out = test::run_command(test::cli() + " report tsp 'GlobalSign NV' --json --store" + shell_arg(store));
  fs::remove_all(store);
  ASSERT_EQ(out.exit_code, 0) << out.out;
  const json j = json::parse(out.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out.out;
  EXPECT_EQ(j["tsp"]["territory"], "BE");
  ASSERT_EQ(j["list_versions"].size(), 2u);
  EXPECT_EQ(j["list_versions"][0]["sequence"], 66);  // realdata MANIFEST.md: BE seq 66 (2023)
  EXPECT_EQ(j["list_versions"][1]["sequence"], 81);  // MANIFEST-2026.md: BE seq 81
  const json* qwac = nullptr;
  for (const auto& s : j["services"]) {
    if (s["name"] == "GlobalSign Atlas E46 EV QWAC CA 2022Q1") {
      qwac = &s;
    }
  }
  ASSERT_NE(qwac, nullptr) << j.dump(1).substr(0, 2000);
  ASSERT_GE((*qwac)["history"].size(), 2u);
  const json& withdrawn = (*qwac)["history"][0];
  EXPECT_EQ(withdrawn["status_short"], "withdrawn");
  EXPECT_EQ(withdrawn["start"], "2023-11-10T17:00:53Z");
  EXPECT_EQ(withdrawn["first_seen_version"], 1);  // not in the 2023 list (issued 2023-09-19)
  EXPECT_EQ(withdrawn["published_in_first_seen_version"], true);
  const json& granted = (*qwac)["history"][1];
  EXPECT_EQ(granted["status_short"], "granted");
  EXPECT_EQ(granted["first_seen_version"], 0);
}

}  // namespace
}  // namespace eutl::cli
