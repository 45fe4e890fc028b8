// The memo of a snapshot's checks: the key covers every input a check's answer depends
// on (so two different checks never share an answer), and the memo stays within its
// byte budget, dropping the oldest answers first.
#include "server/check_memo.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace eutl::server {
namespace {

tsl::TimePoint second(long long s) { return tsl::TimePoint{std::chrono::seconds{s}}; }

std::shared_ptr<const CheckOutput> answer(std::string json, Answer a = Answer::kYes) {
  return std::make_shared<const CheckOutput>(CheckOutput{std::move(json), std::string(64, 'a'), a});
}

TEST(CheckKey, EveryInputOfTheCheckChangesTheKey) {
  const std::vector<tsl::Bytes> chain{{1, 2, 3}, {4, 5}};
  const CheckKey base = check_key(chain, "qwac", second(100), second(200));
  EXPECT_EQ(check_key(chain, "qwac", second(100), second(200)), base);
  std::set<CheckKey> keys{base};
  keys.insert(check_key({{1, 2, 3}, {4, 6}}, "qwac", second(100), second(200)));  // a chain byte
  keys.insert(check_key({{1, 2}, {3, 4, 5}}, "qwac", second(100), second(200)));  // same bytes, other split
  keys.insert(check_key({{1, 2, 3, 4, 5}}, "qwac", second(100), second(200)));    // one certificate, not two
  keys.insert(check_key({{4, 5}, {1, 2, 3}}, "qwac", second(100), second(200)));  // the order
  keys.insert(check_key(chain, "qes", second(100), second(200)));                 // the claim
  keys.insert(check_key(chain, "", second(100), second(200)));                    // no claim
  keys.insert(check_key(chain, "qwac", second(101), second(200)));                // the evaluation time
  keys.insert(check_key(chain, "qwac", second(100), second(201)));                // when the record is made
  EXPECT_EQ(keys.size(), 9u);
}

TEST(CheckKey, EverythingTheRouteReadsFromARequestChangesItsKey) {
  const std::string qes = "qes";
  const std::string qwac = "qwac";
  const std::string at = "2025-03-01";
  const std::string empty;
  const CheckKey base = request_key("application/x-pem-file", "PEM", &qes, &at, second(5));
  EXPECT_EQ(request_key("application/x-pem-file", "PEM", &qes, &at, second(5)), base);
  std::set<CheckKey> keys{base};
  keys.insert(request_key("application/json", "PEM", &qes, &at, second(5)));         // the media type
  keys.insert(request_key("application/x-pem-file", "PEN", &qes, &at, second(5)));   // the body
  keys.insert(request_key("application/x-pem-file", "PEM", &qwac, &at, second(5)));  // ?for=
  keys.insert(request_key("application/x-pem-file", "PEM", nullptr, &at, second(5)));
  keys.insert(request_key("application/x-pem-file", "PEM", &empty, &at, second(5)));  // ?for= given empty
  keys.insert(request_key("application/x-pem-file", "PEM", &qes, nullptr, second(5)));  // ?at=
  keys.insert(request_key("application/x-pem-file", "PEM", &qes, &at, second(6)));     // the instant
  keys.insert(request_key("application/x-pem-file", "PEMqes", nullptr, &at, second(5)));  // no run-together
  EXPECT_EQ(keys.size(), 9u);
  // A request key is never a check key, even for the same bytes.
  EXPECT_NE(request_key("", "", nullptr, nullptr, second(0)), check_key({}, "", second(0), second(0)));
}

TEST(CheckMemo, FindsWhatWasKeptAndNothingElse) {
  CheckMemo memo;
  const CheckKey a = check_key({{1}}, "qes", second(1), second(1));
  const CheckKey b = check_key({{2}}, "qes", second(1), second(1));
  EXPECT_EQ(memo.find(a), nullptr);
  memo.insert(a, answer("{\"verdict\": \"confirmed\"}"));
  ASSERT_NE(memo.find(a), nullptr);
  EXPECT_EQ(memo.find(a)->json, "{\"verdict\": \"confirmed\"}");
  EXPECT_EQ(memo.find(b), nullptr);
  // The first answer kept for a key stays (the same inputs give the same answer).
  memo.insert(a, answer("other", Answer::kNo));
  EXPECT_EQ(memo.find(a)->answer, Answer::kYes);
  EXPECT_EQ(memo.size(), 1u);
}

TEST(CheckMemo, KeepsWithinItsBudgetDroppingTheOldestFirst) {
  // Each answer costs 36 + 64 = 100 bytes: three fit in 300.
  CheckMemo memo(300);
  std::vector<CheckKey> keys;
  for (std::uint8_t i = 0; i < 4; ++i) {
    keys.push_back(check_key({{i}}, "", second(0), second(0)));
    memo.insert(keys.back(), answer(std::string(36, 'x')));
  }
  EXPECT_EQ(memo.size(), 3u);
  EXPECT_EQ(memo.find(keys[0]), nullptr);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_NE(memo.find(keys[i]), nullptr) << i;
  }
  // An answer larger than the whole budget is not kept, and evicts nothing.
  memo.insert(check_key({{9}}, "", second(0), second(0)), answer(std::string(400, 'y')));
  EXPECT_EQ(memo.size(), 3u);
}

}  // namespace
}  // namespace eutl::server
