// eutl::evidence_record: the record of a TrustedLists decision in one call is the
// record `eutl check --evidence` writes, and it re-verifies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eutl/evidence_from_lists.h"
#include "eutl/verify/list_set.h"
#include "tests/cli/product_cli_support.h"
#include "tests/support/evidence_support.h"

namespace eutl {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

TEST(EvidenceRecordFromLists, IsTheRecordCheckWritesAndReverifies) {
  EUTL_REQUIRE_FIXTURES();
  const fs::path dir = test::temp_dir("evidence-record-from-lists");
  const auto at = test::at("2025-03-01T00:00:00Z");
  ListSource source;
  source.files = {test::fixtures() / "lists"};
  source.lotl_anchors = *verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  auto lists = TrustedLists::load(source, at);
  ASSERT_TRUE(lists);
  auto certs = read_certificates(test::fixtures() / "certs/qes-natural.pem");
  ASSERT_TRUE(certs);
  auto result = lists->check(certs->front(), {}, at, *verify::parse_claim("qes"));
  ASSERT_TRUE(result);
  const auto checked_at = test::at("2025-03-02T10:00:00Z");
  auto record = evidence_record(*lists, certs->front(), {}, at, "qes", *result, {"test", checked_at});
  ASSERT_TRUE(record);

  const fs::path cli_record = dir / "cli.json";
  auto r = test::run_command(test::cli() + " check " + (test::fixtures() / "certs/qes-natural.pem").string() +
                             test::fixture_list_args() + " --for qes --evidence " + cli_record.string() +
                             " >/dev/null 2>&1");
  ASSERT_EQ(r.exit_code, 0);
  json ours = json::parse(*record);
  json theirs = json::parse(test::read_all(cli_record));
  for (json* j : {&ours, &theirs}) {
    j->erase("checked_at");  // the CLI reads the wall clock
    j->erase("integrity");   // covers checked_at
    (*j)["tool"].erase("version");
  }
  EXPECT_EQ(ours, theirs);

  evidence::EvidenceSources sources;
  sources.trusted_anchors = lists->lotl_anchors();
  auto check = evidence::verify_evidence(*record, sources);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->outcome, evidence::EvidenceOutcome::kSame);
  EXPECT_EQ(check->verdict, evidence::RecordVerdict::kConfirmed);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl
