// run_check with the snapshot's memo: the same check in the same second is answered from
// the memo (same decision, same evidence ID, verdict still counted, nothing decided or
// written again); any other input, or the next second, is decided afresh.
#include "server/api/check_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "eutl/tsl/read_file.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

class CheckService : public ApiContextTest {
 protected:
  server::CheckInput qwac(std::string at = "2025-03-01") {
    auto der = verify::read_certificate_file(fixtures() / "certs/qwac.pem");
    EXPECT_TRUE(der) << der.error().message;
    server::CheckInput in;
    in.certificates = der ? *der : std::vector<tsl::Bytes>{};
    in.claim = "wsa";
    in.at = std::move(at);
    return in;
  }

  std::filesystem::path record(const std::string& id) { return m_store / "evidence" / (id + ".json"); }
};

TEST_F(CheckService, TheSameCheckInTheSameSecondComesFromTheMemo) {
  auto memo = std::make_shared<server::CheckMemo>();
  server::RequestContext ctx = context();
  ctx.checks = memo;
  auto first = server::run_check(qwac(), ctx);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ((*first)->answer, Answer::kYes);
  EXPECT_EQ(memo->size(), 1u);
  ASSERT_TRUE(std::filesystem::remove(record((*first)->evidence_id)));

  // Answered from the memo: the record is not written again.
  auto again = server::run_check(qwac(), ctx);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, *first);  // the very answer kept, not a copy
  EXPECT_EQ((*again)->evidence_id, (*first)->evidence_id);
  EXPECT_FALSE(std::filesystem::exists(record((*first)->evidence_id)));
  ASSERT_EQ(m_verdicts.answers().size(), 2u);  // every request counts
  EXPECT_EQ(m_verdicts.answers().back(), Answer::kYes);

  // Another evaluation time is another check.
  auto other = server::run_check(qwac("2025-02-01"), ctx);
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_NE((*other)->evidence_id, (*first)->evidence_id);
  EXPECT_TRUE(std::filesystem::exists(record((*other)->evidence_id)));
  EXPECT_EQ(memo->size(), 2u);
}

TEST_F(CheckService, TheNextSecondOrNoMemoDecidesAgain) {
  auto memo = std::make_shared<server::CheckMemo>();
  server::RequestContext ctx = context();
  ctx.checks = memo;
  auto first = server::run_check(qwac(), ctx);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(std::filesystem::remove(record((*first)->evidence_id)));

  server::RequestContext later = context();
  later.now = ctx.now + std::chrono::seconds{1};
  later.checks = memo;
  auto next = server::run_check(qwac(), later);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ((*next)->answer, (*first)->answer);
  EXPECT_NE((*next)->evidence_id, (*first)->evidence_id);  // produced a second later
  EXPECT_TRUE(std::filesystem::exists(record((*next)->evidence_id)));

  auto fresh = server::run_check(qwac(), context());  // no memo: decided and written
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_EQ((*fresh)->evidence_id, (*first)->evidence_id);
  EXPECT_TRUE(std::filesystem::exists(record((*first)->evidence_id)));
}

TEST_F(CheckService, AnInputErrorIsNeverKept) {
  auto memo = std::make_shared<server::CheckMemo>();
  server::RequestContext ctx = context();
  ctx.checks = memo;
  server::CheckInput bad = qwac();
  bad.certificates.front().resize(10);  // a truncated DER
  EXPECT_FALSE(server::run_check(bad, ctx));
  EXPECT_FALSE(server::run_check(bad, ctx));
  EXPECT_EQ(memo->size(), 0u);
}

}  // namespace
}  // namespace eutl::test
