#include "cli/text_columns.h"

namespace eutl::cli {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    n += continuation(static_cast<unsigned char>(s[i])) && i > 0 ? 0 : 1;
  }
  return n;
}

std::string fit(std::string_view s, std::size_t width) {
  if (utf8_length(s) <= width) {
    return std::string(s);
  }
  if (width == 0) {
    return {};
  }
  // Keep width - 1 characters, then the mark.
  std::size_t chars = 0;
  std::size_t end = 0;
  while (end < s.size()) {
    std::size_t next = end + 1;
    while (next < s.size() && continuation(static_cast<unsigned char>(s[next]))) {
      ++next;
    }
    if (++chars > width - 1) {
      break;
    }
    end = next;
  }
  return std::string(s.substr(0, end)) + "~";
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t len = utf8_length(s);
  if (len < width) {
    out.append(width - len, ' ');
  }
  return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& f = fields[i];
    out += i == 0 ? "" : ",";
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    out += '"';
  }
  return out + "\r\n";
}

}  // namespace eutl::cli
