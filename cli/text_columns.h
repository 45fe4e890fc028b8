// Text for terminals and spreadsheets: UTF-8-aware cutting and padding (a character
// is never cut in half; widths count characters, not bytes), and RFC 4180 CSV rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eutl::cli {

// Characters (UTF-8 code points) in s; a stray byte counts as one.
std::size_t utf8_length(std::string_view s);

// s, cut to at most `width` characters, ending with "~" when cut.
std::string fit(std::string_view s, std::size_t width);

// s padded with spaces to `width` characters (unchanged when longer).
std::string pad(std::string_view s, std::size_t width);

// One CSV record (RFC 4180 §2): fields quoted when they hold a comma, a quote, CR or
// LF, quotes doubled, CRLF at the end.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace eutl::cli
