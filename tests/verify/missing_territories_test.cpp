// Territories the LOTL points to that have no list (ETSI TS 119 612 V2.4.1 §5.3.17).
#include "eutl/verify/missing_territories.h"

#include <gtest/gtest.h>

#include "tests/support/synthetic_lists.h"

namespace eutl::verify {
namespace {

tsl::TrustedList lotl_pointing_to(const std::vector<test::SyntheticPointer>& pointers) {
  const std::string xml = test::synthetic_list("EU", 5, "2025-01-01T00:00:00Z", "2025-07-01T00:00:00Z", pointers);
  auto parsed = tsl::parse_trusted_list(tsl::Bytes(xml.begin(), xml.end()), "lotl.xml");
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
  return parsed ? std::move(*parsed) : tsl::TrustedList{};
}

std::vector<std::string> codes(const std::vector<MissingTerritory>& m) {
  std::vector<std::string> out;
  for (const auto& x : m) {
    out.push_back(x.territory + " " + x.url);
  }
  return out;
}

TEST(MissingTerritories, NamesEachPointedTerritoryWithoutAList) {
  const auto lotl = lotl_pointing_to({{"DE", "https://de.example/tl.xml"},
                                      {"AT", "https://at.example/tl.xml"},
                                      {"BE", "https://be.example/tl.xml"}});
  EXPECT_EQ(codes(missing_territories(lotl, {"AT"})),
            (std::vector<std::string>{"BE https://be.example/tl.xml", "DE https://de.example/tl.xml"}));
  EXPECT_TRUE(missing_territories(lotl, {"AT", "BE", "DE"}).empty());
  EXPECT_EQ(missing_territories(lotl, {}).size(), 3u);
}

TEST(MissingTerritories, OneEntryPerTerritoryAndExtraListsIgnored) {
  const auto lotl = lotl_pointing_to({{"DE", "https://de.example/a.xml"}, {"DE", "https://de.example/b.xml"}});
  EXPECT_EQ(codes(missing_territories(lotl, {"XX"})), (std::vector<std::string>{"DE https://de.example/a.xml"}));
}

}  // namespace
}  // namespace eutl::verify
