// The web page of `eutl serve` in headless Chromium: runs tests/e2e/serve_page_test.py
// (Selenium + chromedriver) against the built eutl and the fixture lists, and reads its
// report. The script exits 77 when a browser piece or the serve command is missing:
// the test is then skipped with the script's reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

TEST(ServePage, ChecksAQwacWithAndWithoutJavaScriptInChromium) {
  if (run_command("command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "chromium and chromium-driver are not installed (scripts/install-deps.sh --test)";
  }
  if (run_command("/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1").exit_code != 0) {
    GTEST_SKIP() << "python3-selenium is not installed (scripts/install-deps.sh --test)";
  }
  const std::filesystem::path shots = fixtures().parent_path() / "screenshots";
  const auto r = run_command("/usr/bin/python3 '" + (source_dir() / "tests/e2e/serve_page_test.py").string() +
                             "' --eutl '" + cli() + "' --fixtures '" + fixtures().string() + "' --screenshots '" +
                             shots.string() + "' 2>&1");
  if (r.exit_code == 77) {
    GTEST_SKIP() << r.out;
  }
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("serve page: JavaScript check: verdict "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("serve page: form check without JavaScript: verdict "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("serve page: evidence report renders"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("serve page: ok"), std::string::npos) << r.out;
  for (const char* name : {"check", "report", "status", "services", "check-nojs"}) {
    EXPECT_TRUE(std::filesystem::exists(shots / ("serve-" + std::string(name) + ".png"))) << name;
  }
}

}  // namespace
}  // namespace eutl::test
