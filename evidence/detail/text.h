// Internal: the small text helpers the evidence files share (one copy each).
#pragma once

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace eutl::evidence::detail {

// j[key] when j is an object whose key holds a string; "" otherwise (a record is
// hostile input: a missing or mistyped member reads as absent).
inline std::string string_member(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// "a, b, c".
inline std::string comma_joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

// ASCII letters lowered; other bytes as they are.
inline std::string ascii_lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// What follows the last '/' of a URI (all of it without one).
inline std::string uri_last_segment(const std::string& uri) {
  const auto slash = uri.rfind('/');
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

}  // namespace eutl::evidence::detail
