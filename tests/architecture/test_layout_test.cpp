// Tests mirror the sources (style C15): a test under a layer's folder is named after
// the source it tests, tests/<dir>/<file>_test.cpp for <dir>/<file>.cpp (or .h), or
// tests/<dir>/<file>_<aspect>_test.cpp for one aspect of it. Suites that cut across
// layers have folders of their own, listed here; any other folder is a mistake.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 9> kMirrored{"tsl", "verify", "net", "cache", "evidence", "api", "server", "cli",
                                                    "examples"};
constexpr std::array<std::string_view, 5> kCrossCutting{"architecture", "hardening", "docs", "e2e", "support"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, const std::string& s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Stems of the sources a test in tests/<rel_dir> may be named after.
std::vector<std::string> source_stems(const fs::path& rel_dir) {
  std::vector<fs::path> dirs = {source_dir() / rel_dir, source_dir() / "include" / "eutl" / rel_dir};
  if (rel_dir == "api") {
    dirs.push_back(source_dir() / "include" / "eutl");  // the facade's public headers
  }
  std::vector<std::string> out;
  for (const fs::path& d : dirs) {
    if (!fs::is_directory(d)) {
      continue;
    }
    for (const auto& e : fs::directory_iterator(d)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) {
        out.push_back(e.path().stem().string());
      }
    }
  }
  return out;
}

bool names_a_source(const std::string& stem, const std::vector<std::string>& sources) {
  return std::any_of(sources.begin(), sources.end(),
                     [&](const std::string& s) { return stem == s || stem.rfind(s + "_", 0) == 0; });
}

TEST(TestLayout, EveryTestFolderIsALayerOrACrossCuttingSuite) {
  for (const auto& e : fs::directory_iterator(source_dir() / "tests")) {
    if (e.is_directory()) {
      const std::string name = e.path().filename().string();
      EXPECT_TRUE(one_of(kMirrored, name) || one_of(kCrossCutting, name)) << "tests/" << name;
    }
  }
}

TEST(TestLayout, EveryTestUnderALayerIsNamedAfterItsSource) {
  std::size_t checked = 0;
  for (std::string_view layer : kMirrored) {
    const fs::path root = source_dir() / "tests" / layer;
    if (!fs::is_directory(root)) {
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const std::string file = e.path().filename().string();
      constexpr std::string_view kSuffix = "_test.cpp";
      if (!e.is_regular_file() || file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) {
        continue;
      }
      ++checked;
      const fs::path rel_dir = fs::relative(e.path().parent_path(), source_dir() / "tests");
      const std::string stem = file.substr(0, file.size() - kSuffix.size());
      EXPECT_TRUE(names_a_source(stem, source_stems(rel_dir)))
          << "tests/" << (rel_dir / file).string() << " names no source in " << rel_dir.string() << "/";
    }
  }
  EXPECT_GT(checked, 80u);
}

}  // namespace
}  // namespace eutl::test
