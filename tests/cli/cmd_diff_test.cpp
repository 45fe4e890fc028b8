// eutl diff SNAP_A SNAP_B: lists and services added, removed or changed between two
// snapshots of a store, through the binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"
#include "tests/test_paths.h"

namespace eutl::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::shell_quote;

std::string import_and_id(const fs::path& store, const std::vector<std::string>& files) {
  std::string cmd = test::cli() + " import --store " + shell_quote(store) + " --lotl-signers " +
                    shell_quote(test::fixtures() / "pki/oj-anchors.pem") + " --at 2025-03-01T00:00:00Z --json";
  for (const auto& f : files) {
    cmd += " " + shell_quote(test::fixtures() / f);
  }
  auto r = test::run_command(cmd + " 2>/dev/null");
  const json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j.is_discarded() ? "" : j.value("snapshot", "");
}

TEST(DiffCli, NewListAndItsServicesShowAsAdded) {
  EUTL_REQUIRE_FIXTURES();
  const fs::path dir = test::temp_dir("diff-added");
  const std::string a = import_and_id(dir / "store", {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml"});
  const std::string b = import_and_id(
      dir / "store", {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml", "lists/tl-CC.xml"});
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  auto r = test::run_command(test::cli() + " diff " + a + " " + b + " --json --store " + shell_quote(dir / "store"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json d = json::parse(r.out);
  EXPECT_EQ(d["from"], a);
  EXPECT_EQ(d["to"], b);
  bool cc_added = false;
  for (const auto& l : d["lists"]) {
    if (l["territory"] == "CC") {
      cc_added = l["change"] == "added" && l["new"]["sequence_number"] == 12;  // MANIFEST.txt: tl-CC seq 12
    }
    EXPECT_NE(l["territory"], "AA") << "AA did not change";
  }
  EXPECT_TRUE(cc_added) << r.out;
  // Every service of tl-CC.xml is new; count them with xmllint, not with our parser.
  auto count = test::run_command("xmllint --xpath \"count(//*[local-name()='TSPService'])\" " +
                                 shell_quote(test::fixtures() / "lists/tl-CC.xml"));
  ASSERT_EQ(count.exit_code, 0);
  std::size_t added = 0;
  for (const auto& s : d["services"]) {
    EXPECT_EQ(s["territory"], "CC");
    added += s["change"] == "added" ? 1 : 0;
  }
  EXPECT_EQ(added, std::stoul(count.out));

  // The reverse direction removes them, and the text form names the change.
  auto back = test::run_command(test::cli() + " diff " + b + " " + a + " --store " + shell_quote(dir / "store"));
  EXPECT_EQ(back.exit_code, 0);
  EXPECT_NE(back.out.find("removed  tl CC"), std::string::npos) << back.out;
  fs::remove_all(dir);
}

TEST(DiffCli, UnknownSnapshotIsAUsageError) {
  EUTL_REQUIRE_FIXTURES();
  const fs::path dir = test::temp_dir("diff-unknown");
  auto r = test::run_command(test::cli() + " diff nosuch current --store " + shell_quote(dir / "store") + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, ::testing::HasSubstr("eutl: snapshot nosuch: not in the store " + (dir / "store").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl::cli
