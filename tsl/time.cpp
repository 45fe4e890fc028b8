#include "eutl/tsl/time.h"

#include <charconv>
#include <cstdio>

namespace eutl::tsl {
namespace {

// Reads exactly `width` decimal digits at `pos`.
bool read_digits(std::string_view s, std::size_t& pos, int width, int& out) {
  if (pos + static_cast<std::size_t>(width) > s.size()) {
    return false;
  }
  int v = 0;
  for (int i = 0; i < width; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(width);
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

Error bad(std::string_view text, const char* why) {
  return Error(Errc::kMalformed, "invalid date-time '" + std::string(text.substr(0, 64)) + "': " + why);
}

std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<ParsedTime> parse_datetime(std::string_view raw) {
  using namespace std::chrono;
  std::string_view s = trim(raw);
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!read_digits(s, pos, 4, y) || !expect(s, pos, '-') || !read_digits(s, pos, 2, mo) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, d)) {
    return bad(raw, "expected YYYY-MM-DD");
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return bad(raw, "no such calendar date");
  }
  ParsedTime out;
  if (pos == s.size()) {  // a plain date: midnight UTC
    out.time = TimePoint{sys_days{ymd}};
    return out;
  }
  if (!expect(s, pos, 'T') || !read_digits(s, pos, 2, h) || !expect(s, pos, ':') ||
      !read_digits(s, pos, 2, mi) || !expect(s, pos, ':') || !read_digits(s, pos, 2, sec)) {
    return bad(raw, "expected Thh:mm:ss");
  }
  if (expect(s, pos, '.')) {
    std::size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) {
      return bad(raw, "empty fractional seconds");
    }
  }
  // xsd:dateTime allows 24:00:00 meaning the end of the day.
  bool end_of_day = (h == 24 && mi == 0 && sec == 0);
  if ((h > 23 && !end_of_day) || mi > 59 || sec > 60) {
    return bad(raw, "time out of range");
  }
  if (sec == 60) sec = 59;  // leap second: clamp, sys_seconds has none
  seconds offset{0};
  if (pos == s.size()) {
    out.had_zone = false;
  } else if (expect(s, pos, 'Z')) {
  } else if (s[pos] == '+' || s[pos] == '-') {
    int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om) || oh > 14 ||
        om > 59) {
      return bad(raw, "bad zone offset");
    }
    offset = sign * (hours{oh} + minutes{om});
  } else {
    return bad(raw, "unexpected characters after the time");
  }
  if (pos != s.size()) {
    return bad(raw, "trailing characters");
  }
  out.time = TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{sec} - offset;
  return out;
}

std::string format_time(TimePoint t) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(t);
  const year_month_day ymd{days};
  const hh_mm_ss hms{t - days};
  const int year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  const auto hours = static_cast<unsigned>(hms.hours().count());
  const auto minutes = static_cast<unsigned>(hms.minutes().count());
  const auto seconds = static_cast<unsigned>(hms.seconds().count());
  if (year < 0 || year > 9999) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", year, month, day, hours, minutes, seconds);
    return buf;
  }
  // Every JSON answer writes its instants here (an evidence record a few hundred of
  // them): the digits are written directly rather than through snprintf's format parser.
  std::string out = "0000-00-00T00:00:00Z";
  auto two = [&out](std::size_t at, unsigned v) {
    out[at] = static_cast<char>('0' + v / 10);
    out[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, static_cast<unsigned>(year) / 100);
  two(2, static_cast<unsigned>(year) % 100);
  two(5, month);
  two(8, day);
  two(11, hours);
  two(14, minutes);
  two(17, seconds);
  return out;
}

std::string format_time(const std::optional<TimePoint>& t, std::string_view none) {
  return t ? format_time(*t) : std::string(none);
}

}  // namespace eutl::tsl
