#include "eutl/tsl/time.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

namespace eutl::tsl {
namespace {

TEST(ParseDatetime, AcceptsUtcAndOffsetsAsTheSameInstant) {
  auto z = parse_datetime("2023-09-27T09:00:29Z");
  auto off = parse_datetime("2023-09-27T11:00:29+02:00");
  ASSERT_TRUE(z && off);
  EXPECT_EQ(z->time, off->time);
  EXPECT_EQ(format_time(z->time), "2023-09-27T09:00:29Z");
}

TEST(ParseDatetime, NegativeOffsetMovesForward) {
  auto t = parse_datetime("2023-12-31T23:30:00-01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(t->time), "2024-01-01T00:30:00Z");
}

TEST(ParseDatetime, TruncatesFractionalSeconds) {
  auto t = parse_datetime("2019-01-01T00:00:00.999Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(t->time), "2019-01-01T00:00:00Z");
}

TEST(ParseDatetime, MissingZoneIsUtcButFlagged) {
  auto t = parse_datetime("2019-01-01T10:00:00");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->had_zone);
  EXPECT_EQ(format_time(t->time), "2019-01-01T10:00:00Z");
}

TEST(ParseDatetime, Hour24IsNextMidnight) {
  auto t = parse_datetime("2019-01-01T24:00:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(t->time), "2019-01-02T00:00:00Z");
}

TEST(ParseDatetime, PlainDateIsMidnightUtc) {
  auto t = parse_datetime("2023-10-28");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(t->time), "2023-10-28T00:00:00Z");
}

TEST(ParseDatetime, RejectsGarbage) {
  for (const char* bad : {"", "2023-02-30T00:00:00Z", "2023-13-01", "2023-01-01T25:00:00Z", "2023-01-01T00:00:00Q",
                          "2023-01-01T00:00:00Z junk", "20230101", "2023-01-01T00:00:00+1:00", "2023-01-01T00:00:00."}) {
    EXPECT_FALSE(parse_datetime(bad)) << bad;
  }
}

TEST(ParseDatetime, EidasDateIsMidnightBrussels) { EXPECT_EQ(format_time(kEidasDate), "2016-06-30T22:00:00Z"); }

// The text every instant had through snprintf, the oracle of the digits written directly.
std::string formatted_by_printf(TimePoint t) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(t);
  const year_month_day ymd{days};
  const hh_mm_ss hms{t - days};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

TEST(FormatTime, WritesWhatPrintfWroteForEveryKindOfInstant) {
  using namespace std::chrono;
  const auto at = [](int y, unsigned m, unsigned d, long s) {
    return TimePoint(sys_days(year{y} / month{m} / day{d})) + seconds(s);
  };
  const TimePoint fixed[] = {
      TimePoint{},  // 1970-01-01T00:00:00Z
      at(1969, 12, 31, 86399), at(2000, 2, 29, 43200), at(1900, 2, 28, 86399), at(2100, 3, 1, 0),
      at(2038, 1, 19, 11647), at(9999, 12, 31, 86399), at(0, 1, 1, 0), at(1, 1, 1, 3661),
      at(10000, 1, 1, 0),  // past four digits: printf's width, kept
      at(-1, 12, 31, 86399), at(-44, 3, 15, 0),
  };
  for (const TimePoint t : fixed) {
    EXPECT_EQ(format_time(t), formatted_by_printf(t)) << t.time_since_epoch().count();
  }
  EXPECT_EQ(format_time(at(2000, 2, 29, 43200)), "2000-02-29T12:00:00Z");
  EXPECT_EQ(format_time(at(10000, 1, 1, 0)), "10000-01-01T00:00:00Z");
  // Every day of the years lists and certificates use (1950-2150) at a random second of
  // it, and random instants of years -1200 to 11500.
  std::mt19937_64 random(20261207);
  std::uniform_int_distribution<long> second_of_day(0, 86399);
  for (auto d = sys_days(year{1950} / 1 / 1); d <= sys_days(year{2150} / 12 / 31); d += std::chrono::days{1}) {
    const TimePoint t = TimePoint(d) + seconds(second_of_day(random));
    ASSERT_EQ(format_time(t), formatted_by_printf(t)) << t.time_since_epoch().count();
  }
  std::uniform_int_distribution<long> anywhere(-100'000'000'000L, 300'000'000'000L);
  for (int i = 0; i < 50'000; ++i) {
    const TimePoint t{seconds(anywhere(random))};
    ASSERT_EQ(format_time(t), formatted_by_printf(t)) << t.time_since_epoch().count();
  }
}

}  // namespace
}  // namespace eutl::tsl
