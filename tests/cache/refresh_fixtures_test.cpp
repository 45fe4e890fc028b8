// Refresh over the loopback HTTPS server serving the GENERATED, signed fixture lists,
// verified by the real verifier (verify_list_set, anchored in pki/oj-anchors.pem).
// Each fault is injected after a clean fetch: the refresh finishes, reports the
// fault for its territory, and the store keeps serving the last good list; once the
// fault is gone the list is fetched again, and an unchanged refresh after that
// downloads zero list bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "eutl/cache/refresh.h"
#include "tests/support/fixture_server.h"
#include "tests/support/instant.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;
using test::Fault;
using test::HttpsServer;

class FixtureRefresh : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "MANIFEST.txt")) << "fixtures not generated: build eutl_fixtures";
    // A parameterised test is named "Name/0": one directory, not "Name" holding "0" (which
    // TearDown would remove, leaving "Name" behind in /tmp).
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '-');
    m_dir = fs::temp_directory_path() / ("eutl-fixrefresh-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(m_dir);
    ASSERT_EQ(test::serve_fixture_lists(m_server, test::fixtures()), 5);
    auto anchors = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors) << anchors.error().message;
    m_anchors = std::move(*anchors);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Short timeouts so the 30 s stall ends the attempt quickly; one retry.
  net::FetchOptions options(const HttpsServer& target) const {
    net::FetchOptions o;
    o.cacert = m_server.ca_file().string();  // trusts the good server's certificate only
    o.connect_to = {target.connect_to()};
    o.total_timeout = std::chrono::milliseconds(1500);
    o.connect_timeout = std::chrono::milliseconds(1000);
    o.low_speed_time = std::chrono::seconds(1);
    o.max_body_bytes = 4u << 20;
    o.max_retries = 1;
    o.retry_backoff = std::chrono::milliseconds(50);
    return o;
  }

  RefreshReport refresh() { return refresh_via(m_server); }

  RefreshReport refresh_via(const HttpsServer& target) {
    auto store = Store::open(m_dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    net::Fetcher fetcher(options(target));
    RefreshRequest req;
    req.lotl_url = test::kFixtureLotlUrl;
    req.lotl_anchors = m_anchors;
    req.at = test::at(test::kFixtureAt);
    req.created = test::at(test::kFixtureAt) + std::chrono::seconds(++m_clock);
    auto r = refresh_from_network(*store, *lock, fetcher, &verify::verify_list_set, req);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RefreshReport{};
  }

  // The bytes the store serves now (current snapshot) for a territory.
  std::string served(const std::string& territory) const {
    auto store = Store::open(m_dir);
    auto cur = store->current();
    if (!cur || !*cur) {
      return "<no current snapshot>";
    }
    const ListRecord* l = (*cur)->find_list(territory);
    if (l == nullptr) {
      return "<no record>";
    }
    if (!l->in_use_digest) {
      return "<no blob>";
    }
    auto bytes = store->read_blob(*l->in_use_digest);
    return bytes ? std::string(bytes->begin(), bytes->end()) : "<no blob>";
  }

  static std::string fixture_list(const std::string& territory) {
    return test::read_text(test::fixtures() / "lists" / ("tl-" + territory + ".xml"));
  }

  fs::path m_dir;
  HttpsServer m_server;
  std::vector<tsl::Bytes> m_anchors;
  int m_clock = 0;
};

TEST_F(FixtureRefresh, CleanFetchVerifiesEveryFixtureList) {
  const auto seq = test::manifest_sequences(test::fixtures());
  ASSERT_EQ(seq.size(), 4u);
  RefreshReport r = refresh();
  EXPECT_TRUE(r.lotl_verified);
  EXPECT_EQ(r.list_failures, 0u);
  EXPECT_EQ(r.snapshot.lotl.result, verify::ListStatus::kValid);
  EXPECT_EQ(r.snapshot.lotl.sequence_number, seq.at("EU"));
  ASSERT_EQ(r.snapshot.pivots.size(), 1u);
  EXPECT_EQ(r.snapshot.pivots[0].url, "https://127.0.0.1/pivot-101.xml");
  ASSERT_EQ(r.snapshot.lists.size(), 3u);
  std::uint64_t total = 0;
  for (const char* t : test::kFixtureTerritories) {
    const ListRecord* l = r.snapshot.find_list(t);
    ASSERT_NE(l, nullptr) << t;
    EXPECT_EQ(l->result, verify::ListStatus::kValid) << t << ": " << (l->reasons.empty() ? "" : l->reasons[0].message);
    EXPECT_EQ(l->in_use, InUse::kFetched) << t;
    EXPECT_EQ(l->fetch.status, net::FetchStatus::kOk) << t;
    EXPECT_EQ(l->sequence_number, seq.at(t)) << t;
    EXPECT_EQ(served(t), fixture_list(t)) << t;
    total += fixture_list(t).size();
  }
  EXPECT_EQ(r.list_bytes_downloaded, total);
}

TEST_F(FixtureRefresh, UnchangedFetchDownloadsZeroListBytes) {
  RefreshReport first = refresh();
  ASSERT_EQ(first.list_failures, 0u);
  m_server.reset_counters();
  RefreshReport r = refresh();
  EXPECT_TRUE(r.lotl_verified);
  EXPECT_EQ(r.list_failures, 0u);
  EXPECT_EQ(r.list_bytes_downloaded, 0u);
  EXPECT_EQ(m_server.body_bytes_sent(), 0u);  // LOTL included: 304 too
  EXPECT_EQ(m_server.requests("/pivot-101.xml"), 0);  // a stored pivot is not asked for again
  EXPECT_EQ(r.snapshot.lotl.fetch.status, net::FetchStatus::kNotModified);
  for (const char* t : test::kFixtureTerritories) {
    const ListRecord* l = r.snapshot.find_list(t);
    ASSERT_NE(l, nullptr) << t;
    EXPECT_EQ(l->fetch.status, net::FetchStatus::kNotModified) << t;
    EXPECT_EQ(l->fetch.bytes, 0u) << t;
    EXPECT_EQ(l->result, verify::ListStatus::kValid) << t;
    EXPECT_EQ(l->in_use_digest, first.snapshot.find_list(t)->in_use_digest) << t;
  }
}

struct FaultCase {
  const char* name;
  const char* territory;
  Fault fault;              // injected at the list's path…
  const char* replacement;  // …or, when set, this file of fixtures/ served there instead
  net::FetchStatus status;       // expected fetch status of the faulty round
  int attempts;             // requests made (max_retries = 1: transient faults make 2)
  const char* obtained;     // expected verification result of the obtained bytes; "" none
};

void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.name; }

class FixtureFault : public FixtureRefresh, public ::testing::WithParamInterface<FaultCase> {};

TEST_P(FixtureFault, ReportsTheFaultAndKeepsServingTheLastGoodList) {
  const FaultCase& c = GetParam();
  const std::string path = test::fixture_list_path(c.territory);
  RefreshReport good = refresh();
  ASSERT_EQ(good.list_failures, 0u);
  const std::optional<tsl::Sha256> good_digest = good.snapshot.find_list(c.territory)->in_use_digest;

  if (c.replacement != nullptr) {
    m_server.set_route(path, {test::read_text(test::fixtures() / c.replacement), Fault::kNone});
  } else {
    m_server.set_fault(path, c.fault);
  }
  RefreshReport bad = refresh();
  EXPECT_TRUE(bad.lotl_verified);
  EXPECT_EQ(bad.list_failures, 1u);
  const ListRecord* l = bad.snapshot.find_list(c.territory);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->fetch.status, c.status) << l->fetch.error;
  EXPECT_EQ(l->fetch.attempts, c.attempts);
  EXPECT_EQ(result_name(l->fetch), c.obtained);
  if (c.status != net::FetchStatus::kOk) {
    EXPECT_FALSE(l->fetch.error.empty());
  } else {
    EXPECT_FALSE(l->fetch.reasons.empty());  // why the new bytes were refused
    EXPECT_NE(l->fetch.digest, good_digest);
  }
  EXPECT_EQ(l->in_use, InUse::kKept);
  EXPECT_EQ(l->in_use_digest, good_digest);
  EXPECT_EQ(l->result, verify::ListStatus::kValid);
  EXPECT_EQ(served(c.territory), fixture_list(c.territory));
  for (const char* other : test::kFixtureTerritories) {
    if (std::string(other) != c.territory) {
      EXPECT_EQ(bad.snapshot.find_list(other)->fetch.status, net::FetchStatus::kNotModified) << other;
      EXPECT_EQ(bad.snapshot.find_list(other)->in_use, InUse::kFetched) << other;
    }
  }

  // Fault gone: the list is current again. After a fault that delivered nothing the
  // validators of the list in use are sent, so the recovery is a 304; after refused
  // bytes (other validators) the good list is downloaded once. Then nothing is.
  m_server.set_route(path, {fixture_list(c.territory), Fault::kNone});
  RefreshReport back = refresh();
  EXPECT_EQ(back.list_failures, 0u);
  const ListRecord* b = back.snapshot.find_list(c.territory);
  EXPECT_EQ(b->in_use_digest, good_digest);
  EXPECT_EQ(b->in_use, InUse::kFetched);
  if (c.status != net::FetchStatus::kOk) {
    EXPECT_EQ(b->fetch.status, net::FetchStatus::kNotModified);
    EXPECT_EQ(back.list_bytes_downloaded, 0u);
  } else {
    EXPECT_EQ(b->fetch.status, net::FetchStatus::kOk);
    EXPECT_EQ(back.list_bytes_downloaded, fixture_list(c.territory).size());
  }
  m_server.reset_counters();
  RefreshReport unchanged = refresh();
  EXPECT_EQ(unchanged.list_failures, 0u);
  EXPECT_EQ(unchanged.list_bytes_downloaded, 0u);
  EXPECT_EQ(m_server.body_bytes_sent(), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Faults, FixtureFault,
    ::testing::Values(
        FaultCase{"NotFound", "AA", Fault::kNotFound, nullptr, net::FetchStatus::kHttpError, 1, ""},
        FaultCase{"ServerError", "BB", Fault::kServerError, nullptr, net::FetchStatus::kHttpError, 2, ""},
        FaultCase{"ConnectionReset", "CC", Fault::kReset, nullptr, net::FetchStatus::kNetworkError, 2, ""},
        FaultCase{"HalfBody", "AA", Fault::kHalfBody, nullptr, net::FetchStatus::kTruncated, 2, ""},
        FaultCase{"Stall30s", "BB", Fault::kStall, nullptr, net::FetchStatus::kTimeout, 2, ""},
        FaultCase{"OneGigabyteBody", "CC", Fault::kHuge, nullptr, net::FetchStatus::kTooLarge, 1, ""},
        FaultCase{"RedirectLoop", "AA", Fault::kRedirectLoop, nullptr, net::FetchStatus::kTooManyRedirects, 1, ""},
        // MANIFEST.txt: "reject: digest mismatch".
        FaultCase{"Tampered", "AA", Fault::kNone, "bad/tl-AA-tampered.xml", net::FetchStatus::kOk, 1, "invalid"},
        // MANIFEST.txt: "reject: signature valid but signer announced nowhere".
        FaultCase{"UntrustedSigner", "AA", Fault::kNone, "bad/tl-AA-untrusted-signer.xml", net::FetchStatus::kOk, 1,
                  "invalid"},
        // MANIFEST.txt: "expired: NextUpdate 2024-01-01; signature valid".
        FaultCase{"Expired", "AA", Fault::kNone, "bad/tl-AA-expired.xml", net::FetchStatus::kOk, 1, "expired"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(FixtureRefresh, InvalidTlsCertificateKeepsEveryList) {
  RefreshReport good = refresh();
  ASSERT_EQ(good.list_failures, 0u);
  HttpsServer wrong_name(/*certificate_name_ok=*/false);
  test::serve_fixture_lists(wrong_name, test::fixtures());
  RefreshReport r = refresh_via(wrong_name);
  EXPECT_FALSE(r.lotl_verified);  // the LOTL could not be refreshed either
  EXPECT_EQ(r.snapshot.lotl.fetch.status, net::FetchStatus::kTlsError) << r.snapshot.lotl.fetch.error;
  EXPECT_EQ(r.snapshot.lotl.in_use, InUse::kKept);
  EXPECT_EQ(r.snapshot.lotl.result, verify::ListStatus::kValid);
  EXPECT_EQ(r.list_failures, 3u);
  EXPECT_EQ(wrong_name.requests(test::fixture_list_path("AA")), 0);  // refused before any request
  for (const char* t : test::kFixtureTerritories) {
    const ListRecord* l = r.snapshot.find_list(t);
    ASSERT_NE(l, nullptr) << t;
    EXPECT_EQ(l->fetch.status, net::FetchStatus::kTlsError) << t;
    EXPECT_EQ(l->in_use, InUse::kKept) << t;
    EXPECT_EQ(l->in_use_digest, good.snapshot.find_list(t)->in_use_digest) << t;
    EXPECT_EQ(l->result, verify::ListStatus::kValid) << t;
    EXPECT_EQ(served(t), fixture_list(t)) << t;
  }
}

TEST_F(FixtureRefresh, LotlWithBadSignatureKeepsTheLastGoodLotl) {
  RefreshReport good = refresh();
  ASSERT_TRUE(good.lotl_verified);
  // The LOTL with one signed byte changed (a pointer's URL): its digest no longer matches.
  std::string tampered = test::read_text(test::fixtures() / "lists/lotl.xml");
  const auto pos = tampered.find("tl-CC.pdf");
  ASSERT_NE(pos, std::string::npos);
  tampered.replace(pos, 9, "tl-CC.PDF");
  m_server.set_route("/lotl.xml", {tampered, Fault::kNone});
  RefreshReport r = refresh();
  EXPECT_FALSE(r.lotl_verified);
  EXPECT_EQ(r.snapshot.lotl.in_use, InUse::kKept);
  EXPECT_EQ(r.snapshot.lotl.in_use_digest, good.snapshot.lotl.in_use_digest);
  EXPECT_EQ(r.snapshot.lotl.result, verify::ListStatus::kValid);
  EXPECT_NE(r.snapshot.lotl.fetch.result, verify::ListStatus::kValid);
  for (const char* t : test::kFixtureTerritories) {
    EXPECT_EQ(r.snapshot.find_list(t)->result, verify::ListStatus::kValid) << t;
    EXPECT_EQ(served(t), fixture_list(t)) << t;
  }
}

}  // namespace
}  // namespace eutl::cache
