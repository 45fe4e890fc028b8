// eutl::check_json: the library gives an embedder the object `eutl check --json`
// prints, and a certificate, a decision time and a trace print one way in it and in
// the evidence record.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eutl/evidence_from_lists.h"
#include "eutl/verify/list_set.h"
#include "tests/cli/product_cli_support.h"
#include "tests/support/evidence_support.h"

namespace eutl {
namespace {

using nlohmann::json;

struct Decided final {
  TrustedLists lists;
  verify::CertificateProfile cert;
  verify::QualificationResult result;
};

tsl::TimePoint at_time() { return tsl::parse_datetime("2025-03-01T00:00:00Z")->time; }

std::optional<Decided> decide(const std::string& cert, const std::string& claim) {
  ListSource source;
  source.files = {test::fixtures() / "lists"};
  source.lotl_anchors = *verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  auto lists = TrustedLists::load(source, at_time());
  EXPECT_TRUE(lists) << (lists ? "" : lists.error().message);
  auto certs = read_certificates(test::fixtures() / "certs" / (cert + ".pem"));
  EXPECT_TRUE(certs);
  if (!lists || !certs) {
    return std::nullopt;
  }
  std::optional<verify::Claim> c;
  if (!claim.empty()) {
    c = *verify::parse_claim(claim);
  }
  auto result = lists->check(certs->front(), {}, at_time(), c);
  EXPECT_TRUE(result);
  if (!result) {
    return std::nullopt;
  }
  return Decided{std::move(*lists), certs->front(), std::move(*result)};
}

TEST(CheckJson, LibraryCallPrintsWhatCheckJsonPrints) {
  EUTL_REQUIRE_FIXTURES();
  for (const auto& [cert, claim] : std::vector<std::pair<std::string, std::string>>{
           {"qes-natural", "qes"}, {"qwac", ""}, {"ovcp-web", "qwac"}, {"lookalike", "qes"}}) {
    auto d = decide(cert, claim);
    ASSERT_TRUE(d);
    auto r = test::run_command(test::cli() + " check " + (test::fixtures() / "certs" / (cert + ".pem")).string() +
                               test::fixture_list_args() + " --json" + (claim.empty() ? "" : " --for " + claim) +
                               " 2>/dev/null");
    EXPECT_EQ(check_json(d->lists, d->cert, d->result) + "\n", r.out) << cert;
  }
}

TEST(CheckJson, CertificateTimeAndTracePrintOneWayInCheckAndEvidence) {
  EUTL_REQUIRE_FIXTURES();
  auto d = decide("qes-natural", "qes");
  ASSERT_TRUE(d);
  const json check = json::parse(check_json(d->lists, d->cert, d->result));
  auto text = evidence_record(d->lists, d->cert, {}, at_time(), "qes", d->result, {"test", at_time()});
  ASSERT_TRUE(text);
  const json record = json::parse(*text);
  for (const char* key : {"sha256", "subject", "issuer", "serial", "not_before", "not_after", "policies",
                          "extended_key_usages"}) {
    EXPECT_EQ(record["certificate"][key], check["certificate"][key]) << key;
  }
  // The profiles are "profile" in check --json and "policy_profiles" in the record (both contracts).
  EXPECT_EQ(record["certificate"]["policy_profiles"], check["certificate"]["profile"]);
  for (const auto& [key, value] : record["certificate"]["qc_statements"].items()) {
    EXPECT_EQ(value, check["certificate"]["qc_statements"][key]) << key;
  }
  for (const char* when : {"at_issuance", "at_time", "overall"}) {
    for (const char* key : {"time", "qualified", "type", "qscd", "status", "reason"}) {
      EXPECT_EQ(record["results"][when][key], check[when][key]) << when << "." << key;
    }
    for (const char* key : {"type", "status", "period_start", "period_end", "captured_qualifiers",
                            "additional_information"}) {
      EXPECT_EQ(record["results"][when]["service"][key], check[when]["service"][key]) << when << "." << key;
    }
  }
  for (const char* key : {"claim", "verdict", "failing_part"}) {
    EXPECT_EQ(record["results"]["claim"][key], check[key]) << key;
  }
  EXPECT_EQ(record["results"]["claim"]["explanation"], check["claim_explanation"]);
  EXPECT_EQ(record["trace"], check["trace"]);
}

// The object names its schema (docs/schemas/eutl-check-1.schema.json), and each list
// gives role, result and digest beside their deprecated spellings kind, status, sha256.
TEST(CheckJson, NamesItsSchemaAndOneKeyPerConceptInLists) {
  EUTL_REQUIRE_FIXTURES();
  auto d = decide("qes-natural", "qes");
  ASSERT_TRUE(d);
  const json check = json::parse(check_json(d->lists, d->cert, d->result));
  EXPECT_EQ(check["schema"], "eutl-check/1");
  ASSERT_FALSE(check["lists"].empty());
  for (const auto& l : check["lists"]) {
    EXPECT_TRUE(l["role"] == "lotl" || l["role"] == "pivot" || l["role"] == "tl") << l.dump();
    EXPECT_EQ(l["role"], l["kind"]) << l.dump();
    EXPECT_EQ(l["result"], l["status"]) << l.dump();
    EXPECT_EQ(l["digest"], l["sha256"]) << l.dump();
    EXPECT_EQ(l["digest"].get<std::string>().size(), 64u) << l.dump();
  }
}

}  // namespace
}  // namespace eutl
