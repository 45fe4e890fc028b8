// What the web page tests hand a handler: the fixture lists verified at 2025-03-01
// (valid 2025-01-01 .. 2025-07-01), a RequestContext over them at a chosen instant, and
// a verdict sink that counts.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "eutl/bundled_anchors.h"
#include "eutl/trusted_lists.h"
#include "server/route.h"
#include "tests/test_paths.h"
#include "tests/support/instant.h"

namespace eutl::server::web::test {

using ::eutl::test::at;

class CountingSink final : public VerdictSink {
 public:
  void count_verdict(Answer) override { ++m_count; }
  int count() const { return m_count; }

 private:
  int m_count = 0;
};

inline std::shared_ptr<const TrustedLists> fixture_lists() {
  auto anchors = load_lotl_anchors(eutl::test::fixtures() / "pki/oj-anchors.pem");
  EXPECT_TRUE(anchors.has_value());
  ListSource source;
  source.files = {eutl::test::fixtures() / "lists"};
  source.lotl_anchors = anchors ? *anchors : std::vector<tsl::Bytes>{};
  auto lists = TrustedLists::load(source, at("2025-03-01T00:00:00Z"));
  EXPECT_TRUE(lists.has_value()) << (lists ? "" : lists.error().message);
  return lists ? std::make_shared<const TrustedLists>(std::move(*lists)) : nullptr;
}

// A context over `lists` at `now`; the config and sink live in the test.
struct ContextParts final {
  ServerConfig config;
  CountingSink sink;
  RequestContext make(std::shared_ptr<const TrustedLists> lists, tsl::TimePoint now, std::string problem = {}) {
    return RequestContext{std::move(lists), std::move(problem), config, now, sink};
  }
};

}  // namespace eutl::server::web::test
