// Rendering a page in headless Chromium, as the report tests do: the DOM after load,
// the browser's log (console messages, script errors) and a screenshot for the note in
// build/screenshots/NAME.png (not committed). Skips nothing itself: callers check
// have_chromium() and GTEST_SKIP when it is missing.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_paths.h"

namespace eutl::test {

inline bool have_chromium() { return run_command("command -v chromium >/dev/null 2>&1").exit_code == 0; }

struct Rendered final {
  std::string dom;
  std::string log;
};

// Renders `html` with a browser profile in `work_dir`; with a `screenshot` name also
// writes build/screenshots/<screenshot>.png and expects it to be a real picture.
inline Rendered render_in_chromium(const std::filesystem::path& html, const std::filesystem::path& work_dir,
                                   const std::string& screenshot = {}) {
  const auto q = [](const std::filesystem::path& p) { return "'" + p.string() + "'"; };
  const std::string common = "timeout 120 chromium --headless --no-sandbox --disable-gpu "
                             "--disable-background-networking --disable-component-update --disable-sync "
                             "--no-first-run --user-data-dir=" + q(work_dir / "profile") + " ";
  Rendered out;
  out.dom = run_command(common + "--enable-logging=stderr --v=0 --dump-dom " + q("file://" + html.string()) + " 2>" +
                        q(work_dir / "chromium.log")).out;
  std::ifstream log(work_dir / "chromium.log");
  std::stringstream text;
  text << log.rdbuf();
  out.log = text.str();
  if (!screenshot.empty()) {
    const std::filesystem::path shots = fixtures().parent_path() / "screenshots";
    std::filesystem::create_directories(shots);
    const std::filesystem::path png = shots / (screenshot + ".png");
    auto s = run_command(common + "--hide-scrollbars --window-size=1280,2000 --screenshot=" + q(png) + " " +
                         q("file://" + html.string()) + " >/dev/null 2>&1");
    EXPECT_EQ(s.exit_code, 0);
    EXPECT_TRUE(std::filesystem::exists(png) && std::filesystem::file_size(png) > 10000u) << png;
  }
  return out;
}

// A console message or an uncaught script error in the browser's log.
inline bool console_errors(const std::string& log) {
  return log.find("CONSOLE") != std::string::npos || log.find("Uncaught") != std::string::npos;
}

}  // namespace eutl::test
