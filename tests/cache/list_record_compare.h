// What two refreshes decided about one list, compared field by field (the refresh-reuse
// tests: a refresh that reused verification against one that verified everything).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eutl/cache/snapshot.h"

namespace eutl::cache::test_support {

inline std::string reasons_text(const std::vector<ReasonCode>& rs) {
  std::string out;
  for (const auto& r : rs) {
    out += r.code + ": " + r.message + "\n";
  }
  return out;
}

// The decision about the list: what is in use, why, and what its fetch gave.
inline void expect_same_decision(const ListRecord& a, const ListRecord& b) {
  const std::string where = a.territory + " " + a.url;
  EXPECT_EQ(a.territory, b.territory) << where;
  EXPECT_EQ(a.url, b.url) << where;
  EXPECT_EQ(a.in_use, b.in_use) << where;
  EXPECT_EQ(a.in_use_digest, b.in_use_digest) << where;
  EXPECT_EQ(a.result, b.result) << where;
  EXPECT_EQ(reasons_text(a.reasons), reasons_text(b.reasons)) << where;
  EXPECT_EQ(a.sequence_number, b.sequence_number) << where;
  EXPECT_EQ(a.next_update, b.next_update) << where;
  EXPECT_EQ(a.service_count, b.service_count) << where;
  EXPECT_EQ(a.signer_sha256, b.signer_sha256) << where;
  EXPECT_EQ(a.fetch.status, b.fetch.status) << where;
  EXPECT_EQ(a.fetch.result, b.fetch.result) << where;
  EXPECT_EQ(reasons_text(a.fetch.reasons), reasons_text(b.fetch.reasons)) << where;
}

}  // namespace eutl::cache::test_support
