// `eutl import`, `status` and `verify` report the territories the LOTL points to that
// have no list ("missing"); on the real 2026 set, `import` + `check --store` and
// `check --lists` agree on the RO certificates (RO seq 84 is newer but not valid, seq
// 83 is used: realdata MANIFEST-2026.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eutl/cache/store.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

class ImportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = fs::temp_directory_path() / ("eutl-import-cli-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_store);
  }
  void TearDown() override { fs::remove_all(m_store); }
  fs::path m_store;
};

std::vector<std::string> territories(const json& missing) {
  std::vector<std::string> out;
  for (const auto& m : missing) {
    out.push_back(m["territory"]);
  }
  return out;
}

TEST_F(ImportCli, ReportsMissingTerritoriesInImportStatusAndVerify) {
  const std::string f = test::fixtures().string();
  const std::string files = shell_quote(f + "/lists/lotl.xml") + " " + shell_quote(f + "/lists/pivot-101.xml") + " " +
                            shell_quote(f + "/lists/tl-AA.xml");
  const std::string common = " --lotl-signers " + shell_quote(f + "/pki/oj-anchors.pem") + " --at " + test::kFixtureAt;
  auto r = test::run_command(test::cli() + " import --json --store " + shell_quote(m_store.string()) + common + " " + files +
                             " 2>/dev/null");
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(territories(j["missing"]), (std::vector<std::string>{"BB", "CC"})) << r.out;
  EXPECT_EQ(j["missing"][0]["url"], "https://127.0.0.1/tl-BB.xml");

  auto text = test::run_command(test::cli() + " status --store " + shell_quote(m_store.string()) + " --at " +
                                test::kFixtureAt + " 2>/dev/null");
  EXPECT_NE(text.out.find("missing: BB (no list; the LOTL points to https://127.0.0.1/tl-BB.xml)"),
            std::string::npos)
      << text.out;
  auto st = test::run_command(test::cli() + " status --json --store " + shell_quote(m_store.string()) + " --at " +
                              test::kFixtureAt + " 2>/dev/null");
  auto sj = json::parse(st.out, nullptr, false);
  ASSERT_TRUE(sj.is_object()) << st.out;
  EXPECT_EQ(territories(sj["missing"]), (std::vector<std::string>{"BB", "CC"}));

  auto v = test::run_command(test::cli() + " verify" + common + " " + files + " 2>/dev/null");
  EXPECT_NE(v.out.find("missing: CC"), std::string::npos) << v.out;
  auto vj = test::run_command(test::cli() + " verify --json" + common + " " + files + " 2>/dev/null");
  auto va = json::parse(vj.out, nullptr, false);
  ASSERT_TRUE(va.is_array() && va.size() == 3u) << vj.out;
  EXPECT_EQ(territories(va[0]["missing"]), (std::vector<std::string>{"BB", "CC"}));

  // Everything present: nothing missing.
  auto all = test::run_command(test::cli() + " verify --json" + common + " " + shell_quote(f + "/lists") + " 2>/dev/null");
  auto aa = json::parse(all.out, nullptr, false);
  ASSERT_TRUE(aa.is_array()) << all.out;
  EXPECT_TRUE(aa[0]["missing"].empty());
}

TEST_F(ImportCli, RealRomanianListsGiveTheSameVerdictInStoreAndListsModes) {
  EUTL_REQUIRE_REALDATA();
  const std::string d = test::realdata().string();
  std::string files = shell_quote(d + "/lotl/eu-lotl-seq390-2026-08-03.xml");
  for (const char* p : {"282", "300", "335", "341", "378"}) {
    files += " " + shell_quote(d + "/lotl/pivots/eu-lotl-pivot-" + p + ".xml");
  }
  files += " " + shell_quote(d + "/tl/2026");
  const std::string signers = " --lotl-signers " + shell_quote(d + "/oj/oj-C276-2019-lotl-signers.pem");
  const std::string at = " --at 2026-08-21T00:00:00Z --lists-at 2026-08-21T00:00:00Z";
  auto imp = test::run_command(test::cli() + " import --json --store " + shell_quote(m_store.string()) + signers +
                               " --at 2026-08-21T00:00:00Z " + files + " 2>/dev/null");
  auto ij = json::parse(imp.out, nullptr, false);
  ASSERT_TRUE(ij.is_object()) << imp.out;
  bool ro = false;
  for (const auto& l : ij["lists"]) {
    if (l["territory"] == "RO") {
      ro = true;
      EXPECT_EQ(l["sequence_number"], 83);
      EXPECT_EQ(l["result"], "valid");
    }
  }
  EXPECT_TRUE(ro);
  bool noted = false;
  for (const auto& n : ij["report"]["notes"]) {
    noted = noted || n.get<std::string>().find("RO-seq84.xml (RO seq 84, invalid") != std::string::npos;
  }
  EXPECT_TRUE(noted) << ij["report"]["notes"].dump();
  const auto missing = territories(ij["missing"]);
  EXPECT_NE(std::find(missing.begin(), missing.end(), "DE"), missing.end());

  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(test::realdata() / "certs")) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.rfind("RO-", 0) != 0) {
      continue;
    }
    auto a = test::run_command(test::cli() + " check --json --store " + shell_quote(m_store.string()) + at + " " +
                               shell_quote(e.path().string()) + " 2>/dev/null");
    auto b = test::run_command(test::cli() + " check --json --lists " + files + signers + at + " " +
                               shell_quote(e.path().string()) + " 2>/dev/null");
    auto ja = json::parse(a.out, nullptr, false);
    auto jb = json::parse(b.out, nullptr, false);
    ASSERT_TRUE(ja.is_object()) << a.out;
    ASSERT_TRUE(jb.is_object()) << b.out;
    EXPECT_EQ(a.exit_code, b.exit_code) << name;
    for (const char* when : {"overall", "at_issuance", "at_time"}) {
      for (const char* key : {"status", "qualified", "type", "qscd"}) {
        EXPECT_EQ(ja[when][key], jb[when][key]) << name << " " << when << "." << key;
      }
    }
    ++compared;
  }
  EXPECT_GE(compared, 2);
}

// A list the LOTL names at an http:// URL is fetched, but status flags it (JSON and text).
TEST_F(ImportCli, StatusFlagsListsAtHttpUrls) {
  const std::string f = test::fixtures().string();
  auto r = test::run_command(test::cli() + " import --store " + shell_quote(m_store.string()) + " --lotl-signers " +
                             shell_quote(f + "/pki/oj-anchors.pem") + " --at " + test::kFixtureAt + " " + shell_quote(f + "/lists") +
                             " >/dev/null 2>&1");
  ASSERT_EQ(r.exit_code, 0);
  {
    auto store = cache::Store::open(m_store);
    ASSERT_TRUE(store);
    auto cur = store->current();
    ASSERT_TRUE(cur && *cur);
    cache::Snapshot s = **cur;
    for (auto& l : s.lists) {
      if (l.territory == "BB") {
        l.url = "http://127.0.0.1/tl-BB.xml";
      }
    }
    s.created = tsl::parse_datetime("2025-03-01T00:00:01Z").value().time;
    auto id = store->write_snapshot(s);
    ASSERT_TRUE(id) << id.error().message;
    ASSERT_TRUE(store->set_current(*id));
  }
  auto st = test::run_command(test::cli() + " status --json --store " + shell_quote(m_store.string()) + " 2>/dev/null");
  auto j = json::parse(st.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << st.out;
  for (const auto& l : j["lists"]) {
    const bool flagged = std::find(l["warnings"].begin(), l["warnings"].end(), "http-url") != l["warnings"].end();
    EXPECT_EQ(flagged, l["territory"] == "BB") << l.dump();
  }
  auto text = test::run_command(test::cli() + " status --store " + shell_quote(m_store.string()) + " 2>/dev/null");
  EXPECT_NE(text.out.find("http-url"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace eutl::cli
