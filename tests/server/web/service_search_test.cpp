// The service browser's search over the fixture lists: the filters of `eutl list`
// (eutl::list_services), pages, and refusals of values that can match nothing.
#include "server/web/service_search.h"

#include <gtest/gtest.h>

#include "tests/server/web/web_test_context.h"

namespace eutl::server::web {
namespace {

class ServiceSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_lists = test::fixture_lists(); }
  static void TearDownTestSuite() { s_lists.reset(); }
  static ServiceMatches search(std::map<std::string, std::string> q, std::size_t per_page = kServicesPerPage) {
    auto query = read_service_query(q);
    EXPECT_TRUE(query) << (query ? "" : query.error().message);
    auto r = search_services(*s_lists, query ? *query : ServiceQuery{}, per_page);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : ServiceMatches{};
  }
  static std::shared_ptr<const TrustedLists> s_lists;
};
std::shared_ptr<const TrustedLists> ServiceSearchTest::s_lists;

TEST_F(ServiceSearchTest, EveryServiceWithoutFilters) {
  ASSERT_TRUE(s_lists);
  const auto all = search({});
  EXPECT_EQ(all.total, s_lists->index().services().size());
  EXPECT_EQ(all.rows.size(), std::min(all.total, kServicesPerPage));
  EXPECT_EQ(service_territories(*s_lists), (std::vector<std::string>{"AA", "BB", "CC"}));
}

TEST_F(ServiceSearchTest, FiltersCombine) {
  const auto bb = search({{"territory", "bb"}});
  ASSERT_GT(bb.total, 0u);
  for (const ServiceRow& r : bb.rows) {
    EXPECT_EQ(r.territory, "BB");
  }
  const auto beta = search({{"name", "  BETA qualified website "}, {"type", "ca/qc"}, {"status", "GRANTED"}});
  ASSERT_EQ(beta.total, 1u);
  EXPECT_EQ(beta.rows[0].id, "BB/1/1");
  EXPECT_EQ(beta.rows[0].provider, "Beta Certification");
  EXPECT_EQ(beta.rows[0].type, "CA/QC");
  EXPECT_EQ(beta.rows[0].status, "granted");
  EXPECT_EQ(search({{"name", "no such provider"}}).total, 0u);
}

TEST_F(ServiceSearchTest, PagesSplitTheMatches) {
  const std::size_t total = s_lists->index().services().size();
  ASSERT_GE(total, 3u);
  const auto p1 = search({{"page", "1"}}, 2);
  const auto p2 = search({{"page", "2"}}, 2);
  EXPECT_EQ(p1.total, total);
  EXPECT_EQ(p1.rows.size(), 2u);
  EXPECT_NE(p1.rows[0].id, p2.rows[0].id);
  const auto past = search({{"page", "999"}}, 2);
  EXPECT_TRUE(past.rows.empty());
  EXPECT_EQ(past.total, total);
}

TEST_F(ServiceSearchTest, ValuesThatMatchNothingAreRefused) {
  const std::pair<std::map<std::string, std::string>, const char*> filters[] = {
      {{{"territory", "ZZ"}}, "valid values: AA, BB, CC"},
      {{{"type", "CA/XX"}}, "CA/QC"},
      {{{"status", "<script>"}}, "granted"},
  };
  for (const auto& [q, says] : filters) {
    auto r = search_services(*s_lists, read_service_query(q).value());
    ASSERT_FALSE(r) << says;
    EXPECT_EQ(r.error().code, Errc::kUsage);
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
  }
  const std::pair<std::map<std::string, std::string>, const char*> query[] = {
      {{{"page", "0"}}, "page"},
      {{{"page", "two"}}, "page"},
      {{{"page", "1x"}}, "page"},
      {{{"name", std::string(201, 'a')}}, "200"},
  };
  for (const auto& [q, says] : query) {
    auto r = read_service_query(q);
    ASSERT_FALSE(r) << says;
    EXPECT_EQ(r.error().code, Errc::kUsage);
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace eutl::server::web
