// The service browser's filters over the fixture lists, and refusals of values that
// can match nothing.
#include "server/web/service_search.h"

#include <gtest/gtest.h>

#include "tests/server/web/web_test_context.h"

namespace eutl::server::web {
namespace {

class ServiceSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_lists = test::fixture_lists(); }
  static void TearDownTestSuite() { s_lists.reset(); }
  static ServiceQuery query(std::map<std::string, std::string> q) {
    auto r = read_service_query(q, service_territories(*s_lists));
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : ServiceQuery{};
  }
  static std::shared_ptr<const TrustedLists> s_lists;
};
std::shared_ptr<const TrustedLists> ServiceSearchTest::s_lists;

TEST_F(ServiceSearchTest, EveryServiceWithoutFilters) {
  ASSERT_TRUE(s_lists);
  const auto all = search_services(*s_lists, query({}));
  EXPECT_EQ(all.total, s_lists->index().services().size());
  EXPECT_EQ(all.rows.size(), std::min(all.total, kServicesPerPage));
  EXPECT_EQ(service_territories(*s_lists), (std::vector<std::string>{"AA", "BB", "CC"}));
}

TEST_F(ServiceSearchTest, FiltersCombine) {
  const auto bb = search_services(*s_lists, query({{"territory", "bb"}}));
  ASSERT_GT(bb.total, 0u);
  for (const ServiceRow& r : bb.rows) {
    EXPECT_EQ(r.territory, "BB");
  }
  const auto beta = search_services(*s_lists, query({{"name", "  BETA qualified website "}, {"type", "ca/qc"},
                                                     {"status", "GRANTED"}}));
  ASSERT_EQ(beta.total, 1u);
  EXPECT_EQ(beta.rows[0].id, "BB/1/1");
  EXPECT_EQ(beta.rows[0].provider, "Beta Certification");
  EXPECT_EQ(beta.rows[0].type, "CA/QC");
  EXPECT_EQ(beta.rows[0].status, "granted");
  EXPECT_EQ(search_services(*s_lists, query({{"name", "no such provider"}})).total, 0u);
}

TEST_F(ServiceSearchTest, PagesSplitTheMatches) {
  const std::size_t total = s_lists->index().services().size();
  ASSERT_GE(total, 3u);
  const auto p1 = search_services(*s_lists, query({{"page", "1"}}), 2);
  const auto p2 = search_services(*s_lists, query({{"page", "2"}}), 2);
  EXPECT_EQ(p1.total, total);
  EXPECT_EQ(p1.rows.size(), 2u);
  EXPECT_NE(p1.rows[0].id, p2.rows[0].id);
  const auto past = search_services(*s_lists, query({{"page", "999"}}), 2);
  EXPECT_TRUE(past.rows.empty());
  EXPECT_EQ(past.total, total);
}

TEST_F(ServiceSearchTest, ValuesThatMatchNothingAreRefused) {
  const auto territories = service_territories(*s_lists);
  const std::pair<std::map<std::string, std::string>, const char*> cases[] = {
      {{{"territory", "ZZ"}}, "valid values: AA, BB, CC"},
      {{{"type", "CA/XX"}}, "CA/QC"},
      {{{"status", "<script>"}}, "granted"},
      {{{"page", "0"}}, "page"},
      {{{"page", "two"}}, "page"},
      {{{"page", "1x"}}, "page"},
      {{{"name", std::string(201, 'a')}}, "200"},
  };
  for (const auto& [q, says] : cases) {
    auto r = read_service_query(q, territories);
    ASSERT_FALSE(r) << says;
    EXPECT_EQ(r.error().code, Errc::kUsage);
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace eutl::server::web
