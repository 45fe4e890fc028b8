// Refresh over the loopback HTTPS server with injected faults: every fault is
// reported for its territory and the last good list stays in use; an unchanged
// refresh downloads no list bytes. Verification is the stand-in of
// tests/support/synthetic_lists.h (signatures are tests/verify's business).
#include "eutl/cache/refresh.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/support/https_server.h"
#include "tests/support/synthetic_lists.h"

namespace eutl::cache {
namespace {

using test::Fault;
using test::HttpsServer;

const char* const kIssued = "2025-01-01T00:00:00Z";
const char* const kNext = "2025-07-01T00:00:00Z";

tsl::TimePoint at_time() { return tsl::parse_datetime("2025-03-01T00:00:00Z").value().time; }

struct Territory {
  const char* code;
  Fault fault;             // injected in the faulty round
  net::FetchStatus expected;    // fetch status then
  const char* replacement; // "bad-signature", "expired", "not-xml" or nullptr: body changes instead of a fault
};

const std::vector<Territory> kTerritories = {
    {"AA", Fault::kNotFound, net::FetchStatus::kHttpError, nullptr},
    {"BB", Fault::kServerError, net::FetchStatus::kHttpError, nullptr},
    {"CC", Fault::kReset, net::FetchStatus::kNetworkError, nullptr},
    {"DD", Fault::kHalfBody, net::FetchStatus::kTruncated, nullptr},
    {"EE", Fault::kStall, net::FetchStatus::kTimeout, nullptr},
    {"FF", Fault::kHuge, net::FetchStatus::kTooLarge, nullptr},
    {"GG", Fault::kRedirectLoop, net::FetchStatus::kTooManyRedirects, nullptr},
    {"HH", Fault::kNone, net::FetchStatus::kOk, "bad-signature"},
    {"II", Fault::kNone, net::FetchStatus::kOk, "expired"},
    {"JJ", Fault::kNone, net::FetchStatus::kNotXml, "not-xml"},
    {"KK", Fault::kNone, net::FetchStatus::kTlsError, nullptr},  // served by a server with a wrong certificate
    {"LL", Fault::kNone, net::FetchStatus::kNotModified, nullptr},  // unchanged: the control
};

class RefreshFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("eutl-refresh-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
    std::vector<test::SyntheticPointer> pointers;
    for (const auto& t : kTerritories) {
      // KK lives on port 8443, which connect_to maps to the good or the bad server.
      const std::string host = std::string(t.code) == "KK" ? "https://127.0.0.1:8443" : "https://127.0.0.1";
      pointers.push_back({t.code, host + "/tl-" + t.code + ".xml"});
      const std::string body = test::synthetic_list(t.code, 1, kIssued, kNext);
      m_server.set_route(std::string("/tl-") + t.code + ".xml", {body, Fault::kNone});
    }
    m_server.set_route("/lotl.xml", {test::synthetic_list("EU", 10, kIssued, kNext, pointers,
                                                          {"https://127.0.0.1/pivot-9.xml", "https://oj.example/"}),
                                     Fault::kNone});
    m_server.set_route("/pivot-9.xml", {test::synthetic_list("EU", 9, kIssued, kNext, {{"AA", "x"}}), Fault::kNone});
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  net::FetchOptions options(bool bad_tls) const {
    net::FetchOptions o;
    o.cacert = m_server.ca_file().string();
    o.connect_to = {m_server.connect_to(), "127.0.0.1:8443:127.0.0.1:" +
                                               std::to_string(bad_tls ? m_bad_tls.port() : m_server.port())};
    o.total_timeout = std::chrono::milliseconds(1500);
    o.connect_timeout = std::chrono::milliseconds(1000);
    o.low_speed_time = std::chrono::seconds(1);
    o.max_body_bytes = 1 << 20;
    o.max_retries = 1;
    o.retry_backoff = std::chrono::milliseconds(50);
    return o;
  }

  RefreshReport refresh(bool bad_tls = false) {
    auto store = Store::open(m_dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    net::Fetcher fetcher(options(bad_tls));
    RefreshRequest req;
    req.lotl_url = "https://127.0.0.1/lotl.xml";
    req.lotl_anchors = {tsl::Bytes{1, 2, 3}};
    req.at = at_time();
    req.created = at_time() + std::chrono::seconds(++m_clock);
    auto r = refresh_from_network(*store, *lock, fetcher, test::fake_verify, req);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return std::move(*r);
  }

  std::filesystem::path m_dir;
  HttpsServer m_server;
  HttpsServer m_bad_tls{/*certificate_name_ok=*/false};
  int m_clock = 0;
};

TEST_F(RefreshFixture, FirstRefreshUsesEveryList) {
  RefreshReport r = refresh();
  EXPECT_TRUE(r.lotl_verified);
  EXPECT_EQ(r.list_failures, 0u);
  ASSERT_EQ(r.snapshot.lists.size(), kTerritories.size());
  ASSERT_EQ(r.snapshot.pivots.size(), 1u);
  EXPECT_EQ(r.snapshot.pivots[0].sequence_number, 9u);
  EXPECT_EQ(r.snapshot.lotl.sequence_number, 10u);
  for (const ListRecord& l : r.snapshot.lists) {
    EXPECT_EQ(l.in_use, InUse::kFetched) << l.territory;
    EXPECT_EQ(l.result, verify::ListStatus::kValid) << l.territory;
    EXPECT_EQ(l.fetch.status, net::FetchStatus::kOk) << l.territory;
    EXPECT_FALSE(l.fetch.etag.empty()) << l.territory;
  }
  auto store = Store::open(m_dir);
  auto cur = store->current();
  ASSERT_TRUE(cur && *cur);
  EXPECT_EQ((*cur)->id, r.snapshot.id);
}

TEST_F(RefreshFixture, UnchangedRefreshDownloadsNoListBytes) {
  refresh();
  m_server.reset_counters();
  RefreshReport r = refresh();  // its CPU time is measured in bench/refresh_bench.cpp
  EXPECT_EQ(r.list_bytes_downloaded, 0u);
  EXPECT_EQ(m_server.body_bytes_sent(), 0u);  // LOTL included
  EXPECT_EQ(m_server.requests("/pivot-9.xml"), 0);  // pivots already stored are not refetched
  for (const ListRecord& l : r.snapshot.lists) {
    EXPECT_EQ(l.fetch.status, net::FetchStatus::kNotModified) << l.territory;
    EXPECT_EQ(l.in_use, InUse::kFetched) << l.territory;
    EXPECT_EQ(l.result, verify::ListStatus::kValid) << l.territory;
  }
}

TEST_F(RefreshFixture, FaultsNeverReplaceTheLastGoodList) {
  RefreshReport good = refresh();
  std::map<std::string, std::optional<tsl::Sha256>> good_digest;
  for (const ListRecord& l : good.snapshot.lists) {
    good_digest[l.territory] = l.in_use_digest;
  }
  for (const auto& t : kTerritories) {
    const std::string path = std::string("/tl-") + t.code + ".xml";
    if (t.replacement == nullptr) {
      m_server.set_fault(path, t.fault);
    } else if (std::string(t.replacement) == "bad-signature") {
      m_server.set_route(path, {test::synthetic_list(t.code, 2, kIssued, kNext, {}, {}, true), Fault::kNone});
    } else if (std::string(t.replacement) == "expired") {
      m_server.set_route(path, {test::synthetic_list(t.code, 2, "2024-06-01T00:00:00Z", "2024-12-01T00:00:00Z"),
                                Fault::kNone});
    } else {
      m_server.set_route(path, {"503 Service Unavailable", Fault::kNone});
    }
  }
  RefreshReport bad = refresh(/*bad_tls=*/true);
  EXPECT_EQ(bad.list_failures, kTerritories.size() - 1);  // all but the control
  auto store = Store::open(m_dir);
  for (const auto& t : kTerritories) {
    const ListRecord* l = bad.snapshot.find_list(t.code);
    ASSERT_NE(l, nullptr) << t.code;
    EXPECT_EQ(l->fetch.status, t.expected) << t.code << ": " << l->fetch.error;
    EXPECT_EQ(l->in_use_digest, good_digest[t.code]) << t.code;
    EXPECT_EQ(l->result, verify::ListStatus::kValid) << t.code;
    EXPECT_EQ(l->sequence_number, 1u) << t.code;
    ASSERT_TRUE(l->in_use_digest.has_value()) << t.code;
    EXPECT_TRUE(store->read_blob(*l->in_use_digest).has_value()) << t.code;
    if (std::string(t.code) != "LL") {
      EXPECT_EQ(l->in_use, InUse::kKept) << t.code;
    }
  }
  // The rejected bytes are recorded as what was obtained, with their verdict.
  EXPECT_EQ(bad.snapshot.find_list("HH")->fetch.result, verify::ListStatus::kInvalid);
  EXPECT_EQ(bad.snapshot.find_list("II")->fetch.result, verify::ListStatus::kExpired);
  EXPECT_NE(bad.snapshot.find_list("HH")->fetch.digest, good_digest["HH"]);
}

TEST_F(RefreshFixture, LotlFailureKeepsTheLastGoodLotl) {
  RefreshReport good = refresh();
  m_server.set_fault("/lotl.xml", Fault::kServerError);
  RefreshReport r = refresh();
  EXPECT_FALSE(r.lotl_verified);
  EXPECT_EQ(r.snapshot.lotl.fetch.status, net::FetchStatus::kHttpError);
  EXPECT_EQ(r.snapshot.lotl.in_use, InUse::kKept);
  EXPECT_EQ(r.snapshot.lotl.in_use_digest, good.snapshot.lotl.in_use_digest);
  EXPECT_EQ(r.snapshot.lists.size(), kTerritories.size());  // pointers of the kept LOTL
}

TEST_F(RefreshFixture, NewerValidListReplacesTheOldOne) {
  refresh();
  const std::string newer = test::synthetic_list("AA", 2, kIssued, kNext);
  m_server.set_route("/tl-AA.xml", {newer, Fault::kNone});
  m_server.reset_counters();
  RefreshReport r = refresh();
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_EQ(aa->sequence_number, 2u);
  EXPECT_EQ(aa->in_use, InUse::kFetched);
  EXPECT_EQ(r.list_bytes_downloaded, newer.size());  // only AA's new bytes
  EXPECT_EQ(m_server.body_bytes_sent(), newer.size());
}

}  // namespace
}  // namespace eutl::cache
