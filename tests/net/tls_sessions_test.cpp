// The text of the TLS sessions kept between fetches (include/eutl/net/tls_sessions.h):
// read back as written, expired or malformed entries dropped, bounded, bound to a trust.
#include "eutl/net/tls_sessions.h"

#include <gtest/gtest.h>

#include <string>

namespace eutl::net {
namespace {

const tsl::TimePoint kNow{std::chrono::seconds(1'800'000'000)};
constexpr std::int64_t kLater = 1'800'003'600;
const std::string kTrust(64, 'a');

std::string file_with(const std::string& lines) { return "eutl-tls-sessions/1\ntrust " + kTrust + "\n" + lines; }

TEST(TlsSessions, ReadsBackWhatItWrote) {
  TlsSessions s;
  s.bind_trust(kTrust);
  s.keep("a.example", {0x30, 0x01, 0xff}, kLater);
  s.keep("B-2.example", {0x30}, kLater + 1);
  TlsSessions back = TlsSessions::from_text(s.to_text(), kNow);
  ASSERT_EQ(back.size(), 2u);
  ASSERT_NE(back.find("a.example"), nullptr);
  EXPECT_EQ(*back.find("a.example"), (tsl::Bytes{0x30, 0x01, 0xff}));
  EXPECT_EQ(back.to_text(), s.to_text());
  back.bind_trust(kTrust);  // the same trust keeps them
  EXPECT_EQ(back.size(), 2u);
  back.bind_trust(std::string(64, 'b'));  // another drops them
  EXPECT_TRUE(back.empty());
}

TEST(TlsSessions, DropsWhatIsNotASessionItCouldUse) {
  struct Row {
    const char* what;
    std::string line;
  };
  const Row rows[] = {
      {"expired", "a.example 1800000000 30\n"},
      {"expiry not a number", "a.example soon 30\n"},
      {"expiry with a tail", "a.example 1800003600x 30\n"},
      {"upper-case hex", "a.example 1800003600 3A\n"},
      {"odd hex", "a.example 1800003600 303\n"},
      {"no session", "a.example 1800003600 \n"},
      {"no expiry", "a.example 30\n"},
      {"a name with a slash", "a/b 1800003600 30\n"},
      {"a name with a NUL", std::string("a\0b 1800003600 30\n", 18)},
      {"a name too long", std::string(254, 'a') + " 1800003600 30\n"},
      {"a session too large", "a.example 1800003600 " + std::string(2 * (TlsSessions::kMaxSessionBytes + 1), '0') + "\n"},
  };
  for (const Row& row : rows) {
    const TlsSessions s = TlsSessions::from_text(file_with(row.line + "ok.example 1800003600 30\n"), kNow);
    EXPECT_EQ(s.size(), 1u) << row.what;
    EXPECT_NE(s.find("ok.example"), nullptr) << row.what;
  }
}

TEST(TlsSessions, TextThatIsNotSuchAFileGivesNone) {
  for (const std::string& text : {std::string(), std::string("garbage"),
                                  std::string("eutl-tls-sessions/2\ntrust x\na.example 1800003600 30\n"),
                                  std::string("eutl-tls-sessions/1\na.example 1800003600 30\n")}) {
    EXPECT_TRUE(TlsSessions::from_text(text, kNow).empty()) << text;
  }
}

TEST(TlsSessions, KeepsAtMostItsBoundOfHosts) {
  std::string lines;
  for (std::size_t i = 0; i < TlsSessions::kMaxSessions + 10; ++i) {
    lines += "h" + std::to_string(i) + ".example 1800003600 30\n";
  }
  TlsSessions s = TlsSessions::from_text(file_with(lines), kNow);
  EXPECT_EQ(s.size(), TlsSessions::kMaxSessions);
  s.keep("one-more.example", {0x30}, kLater);
  EXPECT_EQ(s.size(), TlsSessions::kMaxSessions);
  EXPECT_EQ(s.find("one-more.example"), nullptr);
  s.keep("h0.example", {0x31}, kLater);  // a host it has is renewed
  EXPECT_EQ(*s.find("h0.example"), (tsl::Bytes{0x31}));
  s.forget("h0.example");
  EXPECT_EQ(s.find("h0.example"), nullptr);
}

TEST(TlsSessions, KeepRefusesWhatCouldNotBeWrittenBack) {
  TlsSessions s;
  s.keep("a b", {0x30}, kLater);
  s.keep("a.example\nb.example 1800003600", {0x30}, kLater);
  s.keep("", {0x30}, kLater);
  s.keep("a.example", {}, kLater);
  s.keep("a.example", tsl::Bytes(TlsSessions::kMaxSessionBytes + 1, 0x30), kLater);
  EXPECT_TRUE(s.empty());
}

}  // namespace
}  // namespace eutl::net
