// Fixture files as text, and the one-place edits the signature tests make to them
// (each edit must find its target: a fixture that changed shape fails the test).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "eutl/tsl/xml_document.h"

namespace eutl::test {

inline std::string read_fixture_text(const std::filesystem::path& p) {
  auto bytes = tsl::read_file(p);
  EXPECT_TRUE(bytes.has_value()) << p;
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

// `s` with its first `from` (which must occur) replaced by `to`.
inline std::string edit(std::string s, std::string_view from, std::string_view to) {
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text not found: " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

}  // namespace eutl::test
