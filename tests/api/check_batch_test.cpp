// eutl::check_batch, subjects_of and worst_exit_code against the fixture lists
// (loaded once, at 2025-03-01): the batch decides each subject as TrustedLists::check
// does one by one.
#include "eutl/check_batch.h"

#include <gtest/gtest.h>

#include "eutl/outcome.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl {
namespace {

using test::fixtures;

using test::at;

std::vector<verify::CertificateProfile> certs(const std::filesystem::path& file) {
  auto c = read_certificates(file);
  EXPECT_TRUE(c.has_value()) << file;
  return c ? *c : std::vector<verify::CertificateProfile>{};
}

class CheckBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(fixtures() / "MANIFEST.txt")) {
      GTEST_FAIL() << "fixtures not generated: build eutl_fixtures";
    }
    auto anchors = verify::load_pem_certificates(fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors.has_value());
    auto lists = TrustedLists::load({.files = {fixtures() / "lists"}, .lotl_anchors = *anchors}, at("2025-03-01"));
    ASSERT_TRUE(lists) << lists.error().message;
    m_lists.emplace(std::move(*lists));
  }

  std::optional<TrustedLists> m_lists;
};

TEST_F(CheckBatch, DecidesEachSubjectAsASingleCheckDoes) {
  std::vector<CheckSubject> subjects;
  for (const char* name : {"qes-natural", "pkc-plain", "lookalike", "qseal"}) {
    const std::string file = (fixtures() / "certs" / (std::string(name) + ".pem")).string();
    for (auto& s : subjects_of(file, certs(file), BundleRule::kEachCertificate)) {
      subjects.push_back(std::move(s));
    }
  }
  ASSERT_EQ(subjects.size(), 4u);
  auto claim = verify::parse_claim("qes");
  ASSERT_TRUE(claim);
  CheckBatchRequest request{.at = at("2025-03-01"), .claim = *claim, .chain = {}};
  auto results = check_batch(*m_lists, subjects, request);
  ASSERT_EQ(results.size(), subjects.size());
  const Answer expected[] = {Answer::kYes, Answer::kNo, Answer::kIndeterminate, Answer::kNo};
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    ASSERT_TRUE(results[i]) << i;
    auto one = m_lists->check(subjects[i].certificate, {}, request.at, request.claim);
    ASSERT_TRUE(one);
    EXPECT_EQ(answer_of(*results[i]), expected[i]) << subjects[i].source;
    EXPECT_EQ(answer_of(*results[i]), answer_of(*one)) << subjects[i].source;
    EXPECT_EQ(results[i]->overall.status, one->overall.status) << subjects[i].source;
    EXPECT_EQ(results[i]->claim->verdict, one->claim->verdict) << subjects[i].source;
  }
}

TEST_F(CheckBatch, BundleRuleMakesSubjectsOrAChain) {
  auto bundle = certs(fixtures() / "certs/qwac.pem");
  auto ca = certs(fixtures() / "pki/ca-qwac-BB.pem");
  bundle.insert(bundle.end(), ca.begin(), ca.end());
  ASSERT_EQ(bundle.size(), 2u);

  auto each = subjects_of("fullchain.pem", bundle, BundleRule::kEachCertificate);
  ASSERT_EQ(each.size(), 2u);
  EXPECT_EQ(each[0].index, 1u);
  EXPECT_EQ(each[1].index, 2u);
  EXPECT_EQ(each[1].certificate.subject, ca.front().subject);
  EXPECT_TRUE(each[0].chain.empty());

  auto full = subjects_of("fullchain.pem", bundle, BundleRule::kFullchain);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].source, "fullchain.pem");
  EXPECT_EQ(full[0].certificate.subject, bundle.front().subject);
  ASSERT_EQ(full[0].chain.size(), 1u);
  EXPECT_EQ(full[0].chain[0].subject, ca.front().subject);
  EXPECT_TRUE(subjects_of("empty.pem", {}, BundleRule::kFullchain).empty());

  auto claim = verify::parse_claim("qwac");
  ASSERT_TRUE(claim);
  auto results = check_batch(*m_lists, full, {.at = at("2025-03-01"), .claim = *claim, .chain = {}});
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0]);
  EXPECT_EQ(answer_of(*results[0]), Answer::kYes);
}

TEST(CheckBatchExit, WorstFollowsTheDocumentedOrder) {
  // 4 could not run > 2 input error > 3 indeterminate > 1 no > 0 yes.
  EXPECT_EQ(worst_exit_code(0, 1), 1);
  EXPECT_EQ(worst_exit_code(1, 3), 3);
  EXPECT_EQ(worst_exit_code(3, 1), 3);
  EXPECT_EQ(worst_exit_code(3, 2), 2);
  EXPECT_EQ(worst_exit_code(2, 3), 2);
  EXPECT_EQ(worst_exit_code(2, 4), 4);
  EXPECT_EQ(worst_exit_code(4, 0), 4);
  EXPECT_EQ(worst_exit_code(0, 0), 0);
}

}  // namespace
}  // namespace eutl
