// An instant written as RFC 3339 text, for tests: a malformed literal fails the test
// (and reads as the epoch) instead of ending the test binary.
#pragma once

#include <gtest/gtest.h>

#include "eutl/tsl/time.h"

namespace eutl::test {

inline tsl::TimePoint at(const char* text) {
  auto t = tsl::parse_datetime(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t ? t->time : tsl::TimePoint{};
}

}  // namespace eutl::test
