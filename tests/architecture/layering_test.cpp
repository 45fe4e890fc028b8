// The layers depend only downward (docs/architecture.md):
//   tsl <- verify <- net <- cache <- evidence <- api <- server <- cli
// Read from the source tree: every quoted #include of every library and CLI file, the
// public headers' system includes, and the eutl_* targets each target links. A file
// may include its own layer and lower ones; of another layer's internal headers only
// those in its detail/ folder (tsl/detail/: the cross-cutting helpers of style C2;
// evidence/detail/: the JSON serialisers the CLI shares), never the private headers
// beside its sources; a public header never a libxml2, xmlsec, OpenSSL, curl or JSON
// header.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/test_paths.h"
#include "tests/support/text_file.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;

struct Layer final {
  std::string_view dir;     // source directory, and include/eutl/<dir>
  std::string_view target;  // its CMake target
};
// Bottom up: the index is the rank.
constexpr std::array<Layer, 8> kLayers{{{"tsl", "eutl_tsl"},
                                        {"verify", "eutl_verify"},
                                        {"net", "eutl_net"},
                                        {"cache", "eutl_cache"},
                                        {"evidence", "eutl_evidence"},
                                        {"api", "eutl_lib"},
                                        {"server", "eutl_server"},
                                        {"cli", "eutl"}}};
constexpr std::size_t kApi = 5;

std::optional<std::size_t> rank_of_dir(std::string_view dir) {
  for (std::size_t i = 0; i < kLayers.size(); ++i) {
    if (kLayers[i].dir == dir) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> rank_of_target(std::string_view target) {
  for (std::size_t i = 0; i < kLayers.size(); ++i) {
    if (kLayers[i].target == target) {
      return i;
    }
  }
  return std::nullopt;
}

struct IncludeTarget final {
  std::size_t rank = 0;
  bool internal = false;  // "<dir>/…" rather than "eutl/…"
};

// "eutl/result.h" is the bottom; other top-level public headers are the facade's.
std::optional<IncludeTarget> classify(const std::string& include) {
  const auto slash = include.find('/');
  if (slash == std::string::npos) {
    return std::nullopt;
  }
  const std::string head = include.substr(0, slash);
  const std::string rest = include.substr(slash + 1);
  if (head == "eutl") {
    const auto sub = rest.find('/');
    if (sub == std::string::npos) {
      return IncludeTarget{rest == "result.h" ? 0 : kApi, false};
    }
    auto r = rank_of_dir(rest.substr(0, sub));
    return r ? std::optional(IncludeTarget{*r, false}) : std::nullopt;
  }
  auto r = rank_of_dir(head);
  return r ? std::optional(IncludeTarget{*r, true}) : std::nullopt;
}

std::vector<std::string> matches(const std::string& text, const std::regex& re) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

struct SourceFile final {
  fs::path path;  // relative to the source tree
  std::size_t rank = 0;
};

std::vector<SourceFile> source_files() {
  std::vector<SourceFile> out;
  const fs::path root = source_dir();
  for (std::size_t i = 0; i < kLayers.size(); ++i) {
    for (const fs::path& dir : {root / kLayers[i].dir, root / "include" / "eutl" / kLayers[i].dir}) {
      if (!fs::is_directory(dir)) {
        continue;
      }
      for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && (e.path().extension() == ".h" || e.path().extension() == ".cpp")) {
          out.push_back({fs::relative(e.path(), root), i});
        }
      }
    }
  }
  for (const auto& e : fs::directory_iterator(root / "include" / "eutl")) {
    if (e.is_regular_file() && e.path().extension() == ".h") {
      out.push_back({fs::relative(e.path(), root), e.path().filename() == "result.h" ? 0 : kApi});
    }
  }
  return out;
}

TEST(Layering, EveryLayerHasSources) {
  for (const Layer& l : kLayers) {
    EXPECT_TRUE(fs::is_directory(source_dir() / l.dir)) << l.dir;
  }
  EXPECT_GT(source_files().size(), 150u);
}

TEST(Layering, IncludesPointOnlyDownward) {
  const std::regex quoted(R"re(#include\s+"([^"]+)")re");
  std::size_t checked = 0;
  for (const SourceFile& f : source_files()) {
    for (const std::string& inc : matches(read_text(source_dir() / f.path), quoted)) {
      ++checked;
      EXPECT_FALSE(inc.rfind("tests/", 0) == 0) << f.path << " includes test code " << inc;
      auto to = classify(inc);
      if (!to) {
        ADD_FAILURE() << f.path << ": include \"" << inc << "\" names no layer";
        continue;
      }
      EXPECT_LE(to->rank, f.rank) << f.path << " (" << kLayers[f.rank].dir << ") includes " << inc << " ("
                                  << kLayers[to->rank].dir << "), a higher layer";
      const bool own = to->rank == f.rank;
      EXPECT_TRUE(!to->internal || own || inc.find("/detail/") != std::string::npos)
          << f.path << " includes " << inc << ", an internal header of another layer";
    }
  }
  EXPECT_GT(checked, 400u);
}

TEST(Layering, PublicHeadersIncludeNoThirdPartyHeaders) {
  const std::regex angled(R"re(#include\s+<([^>]+)>)re");
  for (const SourceFile& f : source_files()) {
    if (f.path.begin()->string() != "include") {
      continue;
    }
    for (const std::string& inc : matches(read_text(source_dir() / f.path), angled)) {
      for (std::string_view banned : {"libxml/", "xmlsec/", "openssl/", "curl/", "nlohmann/", "CLI/", "boost/"}) {
        EXPECT_NE(inc.rfind(banned, 0), 0u) << f.path << " includes <" << inc << ">";
      }
    }
  }
}

TEST(Layering, TargetsLinkOnlyDownward) {
  const std::string cmake = read_text(source_dir() / "CMakeLists.txt");
  const std::regex link(R"re(target_link_libraries\(\s*(\w+)([^)]*)\))re");
  const std::regex eutl_target(R"re(\b(eutl\w*)\b)re");
  std::size_t layers_seen = 0;
  for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), link); it != std::sregex_iterator(); ++it) {
    auto from = rank_of_target((*it)[1].str());
    if (!from) {
      continue;  // tests, benchmarks, tools: they may link anything
    }
    ++layers_seen;
    for (const std::string& dep : matches((*it)[2].str(), eutl_target)) {
      auto to = rank_of_target(dep);
      ASSERT_TRUE(to.has_value()) << (*it)[1] << " links " << dep << ", which is no layer";
      EXPECT_LT(*to, *from) << (*it)[1] << " links " << dep << ", not a lower layer";
    }
  }
  EXPECT_EQ(layers_seen, kLayers.size()) << "every layer's target has one target_link_libraries";
}

}  // namespace
}  // namespace eutl::test
