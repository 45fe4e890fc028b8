// A genuinely signed list (fixtures/lists/tl-AA.xml, exclusive C14N) with extra
// namespace declarations on its root: exclusive canonicalisation drops unused ones,
// so a few still verify; 100,000 of them made verification take about a minute
// (libxml2 checks each declaration against the others). They are now refused by the
// parse limits (tsl::ParseLimits) before any signature work, with a reason that names
// the limit.
#include <gtest/gtest.h>

#include <string>

#include "eutl/verify/list_set.h"
#include "tests/support/fixture_text.h"
#include "tests/test_paths.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;

std::string flooded(std::size_t count) {
  std::string xml = test::read_fixture_text(test::fixtures() / "lists/tl-AA.xml");
  const std::string root = "TrustServiceStatusList";
  const std::size_t at = xml.find(root);
  EXPECT_NE(at, std::string::npos);
  std::string decls;
  for (std::size_t i = 0; i < count; ++i) {
    decls += " xmlns:f" + std::to_string(i) + "=\"urn:flood:" + std::to_string(i) + "\"";
  }
  xml.insert(at + root.size(), decls);
  return xml;
}

const VerifiedList* verify_aa(const std::string& aa, ListSetResult& out) {
  ListSetRequest req;
  auto anchors = load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
  EXPECT_TRUE(anchors.has_value());
  if (anchors) req.lotl_anchors = *anchors;
  req.at = tsl::parse_datetime("2025-03-01T00:00:00Z")->time;
  std::vector<ListSetInput> inputs;
  for (const char* f : {"lists/lotl.xml", "lists/pivot-101.xml"}) {
    auto bytes = tsl::read_file(test::fixtures() / f, tsl::FileKind::kList);
    EXPECT_TRUE(bytes.has_value()) << f;
    if (bytes) inputs.push_back({f, std::move(*bytes)});
  }
  inputs.push_back({"tl-AA-flooded.xml", tsl::Bytes(aa.begin(), aa.end())});
  out = verify_list_set(std::move(inputs), req);
  for (const auto& l : out.lists) {
    if (l.source == "tl-AA-flooded.xml") return &l;
  }
  ADD_FAILURE() << "no result for the flooded list";
  return nullptr;
}

TEST(NamespaceFlood, AFewExtraDeclarationsStillVerify) {
  if (!fs::exists(test::fixtures() / "MANIFEST.txt")) GTEST_FAIL() << "build the eutl_fixtures target";
  // Proves the flooded documents below are genuinely signed: exclusive C14N ignores
  // declarations nothing uses.
  ListSetResult r;
  const VerifiedList* aa = verify_aa(flooded(50), r);
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->status, ListStatus::kValid) << (aa->reasons.empty() ? "" : aa->reasons.front().message);
}

TEST(NamespaceFlood, HundredThousandDeclarationsAreRefusedBeforeTheSignature) {
  if (!fs::exists(test::fixtures() / "MANIFEST.txt")) GTEST_FAIL() << "build the eutl_fixtures target";
  ListSetResult r;
  const VerifiedList* aa = verify_aa(flooded(100'000), r);
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->status, ListStatus::kInvalid);
  ASSERT_EQ(aa->reasons.size(), 1u) << "only the parse reason: no signature was computed";
  EXPECT_EQ(aa->reasons.front().code, "markup-limit");
  EXPECT_NE(aa->reasons.front().message.find("namespace declarations on one element exceed the limit of 64"),
            std::string::npos)
      << aa->reasons.front().message;
  EXPECT_FALSE(aa->list.has_value());
}

}  // namespace
}  // namespace eutl::verify
