// A whole file as a string, for tests that read what a command wrote: a missing or
// unreadable file reads as "" and the assertion on its content says what was wrong.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace eutl::test {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// `line` is a whole line of `text` (the first, or one after a newline, ended by one).
inline bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

}  // namespace eutl::test
