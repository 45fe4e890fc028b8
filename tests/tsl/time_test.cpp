#include "eutl/tsl/time.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace eutl::tsl
