// Shared helpers for the list-set tests: load files as ListSetInput and find results.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_set.h"
#include "tests/support/instant.h"

namespace eutl::test {

inline std::vector<verify::ListSetInput> load_inputs(const std::vector<std::filesystem::path>& paths) {
  std::vector<verify::ListSetInput> out;
  for (const auto& p : paths) {
    if (std::filesystem::is_directory(p)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.path().extension() == ".xml") files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        auto bytes = tsl::read_file(f);
        EXPECT_TRUE(bytes.has_value()) << f;
        if (bytes) out.push_back({f.string(), std::move(*bytes)});
      }
      continue;
    }
    auto bytes = tsl::read_file(p);
    EXPECT_TRUE(bytes.has_value()) << p;
    if (bytes) out.push_back({p.string(), std::move(*bytes)});
  }
  return out;
}


// The result whose source ends with `suffix`; fails the test when absent.
inline const verify::VerifiedList* find(const verify::ListSetResult& r, const std::string& suffix) {
  for (const auto& l : r.lists) {
    if (l.source.size() >= suffix.size() && l.source.compare(l.source.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return &l;
    }
  }
  ADD_FAILURE() << "no result for " << suffix;
  return nullptr;
}

inline bool has_reason(const verify::VerifiedList& l, const std::string& code) {
  return std::any_of(l.reasons.begin(), l.reasons.end(), [&](const verify::Reason& r) { return r.code == code; });
}

inline std::string codes(const verify::VerifiedList& l) {
  std::string s;
  for (const auto& r : l.reasons) s += r.code + "(" + r.message + ") ";
  return s;
}

}  // namespace eutl::test
