// Monotonic lists (ETSI TS 119 612 V2.4.1 §5.3.2), refused bodies never stored, and
// what a fetch downloads and follows, over the loopback HTTPS server and by import,
// with the GENERATED, signed fixture lists and the real verifier. bad/tl-AA-seq8.xml
// and bad/lotl-seq103.xml are genuinely signed newer lists: once they are in use, the
// genuine lists/tl-AA.xml (seq 7) and lists/lotl.xml (seq 102) are rollbacks.
#include <gtest/gtest.h>

#include <filesystem>

#include "eutl/cache/refresh.h"
#include "tests/support/fixture_server.h"
#include "tests/support/instant.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;
using test::Fault;
using test::HttpsServer;

bool has_reason(const std::vector<ReasonCode>& reasons, std::string_view code, const std::string& needle = {}) {
  for (const auto& r : reasons) {
    if (r.code == code && r.message.find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::uint64_t tree_size(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      total += e.file_size();
    }
  }
  return total;
}

class Rollback : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(test::fixtures() / "bad/tl-AA-seq8.xml")) << "fixtures not generated: build eutl_fixtures";
    m_dir = fs::temp_directory_path() / ("eutl-rollback-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    ASSERT_EQ(test::serve_fixture_lists(m_server, test::fixtures()), 5);
    auto anchors = verify::load_pem_certificates(test::fixtures() / "pki/oj-anchors.pem");
    ASSERT_TRUE(anchors) << anchors.error().message;
    m_anchors = std::move(*anchors);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  net::FetchOptions options() const {
    net::FetchOptions o;
    o.cacert = m_server.ca_file().string();
    o.connect_to = {m_server.connect_to()};
    o.total_timeout = std::chrono::milliseconds(5000);
    o.max_body_bytes = 32u << 20;
    o.max_retries = 0;
    return o;
  }

  RefreshRequest request() {
    RefreshRequest req;
    req.lotl_url = test::kFixtureLotlUrl;
    req.lotl_anchors = m_anchors;
    req.at = test::at(test::kFixtureAt);
    req.created = test::at(test::kFixtureAt) + std::chrono::seconds(++m_clock);
    return req;
  }

  RefreshReport refresh() {
    auto store = Store::open(m_dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    net::Fetcher fetcher(options());
    auto r = refresh_from_network(*store, *lock, fetcher, &verify::verify_list_set, request());
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RefreshReport{};
  }

  RefreshReport import(const std::vector<std::string>& files) {
    auto store = Store::open(m_dir);
    EXPECT_TRUE(store.has_value());
    auto lock = store->lock_for_writing();
    EXPECT_TRUE(lock.has_value());
    std::vector<ImportFile> in;
    for (const auto& f : files) {
      const std::string text = test::read_text(test::fixtures() / f);
      in.push_back({f, tsl::Bytes(text.begin(), text.end())});
    }
    auto r = import_lists(*store, *lock, &verify::verify_list_set, std::move(in), request());
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RefreshReport{};
  }

  bool stored(const std::optional<tsl::Sha256>& digest) const {
    return digest && Store::open(m_dir)->has_blob(*digest);
  }

  void serve(const std::string& path, const std::string& fixture_file) {
    m_server.set_route(path, {test::read_text(test::fixtures() / fixture_file), Fault::kNone});
  }

  fs::path m_dir;
  HttpsServer m_server;
  std::vector<tsl::Bytes> m_anchors;
  int m_clock = 0;
};

TEST_F(Rollback, NationalListRollbackOverHttpsIsRefused) {
  serve("/tl-AA.xml", "bad/tl-AA-seq8.xml");
  RefreshReport newer = refresh();
  ASSERT_EQ(newer.list_failures, 0u);
  const ListRecord* aa = newer.snapshot.find_list("AA");
  ASSERT_EQ(aa->sequence_number, 8u);
  const std::optional<tsl::Sha256> seq8 = aa->in_use_digest;

  serve("/tl-AA.xml", "lists/tl-AA.xml");  // genuine, validly signed, still inside NextUpdate: seq 7
  RefreshReport r = refresh();
  EXPECT_EQ(r.list_failures, 1u);
  aa = r.snapshot.find_list("AA");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kOk);
  EXPECT_EQ(aa->fetch.result, verify::ListStatus::kValid);  // the signature is fine: the sequence number is not
  EXPECT_TRUE(has_reason(aa->fetch.reasons, kReasonRollback, "TSLSequenceNumber 7 obtained, 8 in use"))
      << (aa->fetch.reasons.empty() ? "" : aa->fetch.reasons.back().message);
  EXPECT_TRUE(refused(aa->fetch));
  EXPECT_EQ(aa->in_use, InUse::kKept);
  EXPECT_EQ(aa->in_use_digest, seq8);
  EXPECT_EQ(aa->sequence_number, 8u);
  EXPECT_EQ(aa->result, verify::ListStatus::kValid);
  EXPECT_FALSE(stored(aa->fetch.digest));  // refused bytes: digest and size only
  EXPECT_GT(aa->fetch.bytes, 0u);

  // Unchanged on the server: a 304 repeats the refusal without downloading again.
  RefreshReport again = refresh();
  aa = again.snapshot.find_list("AA");
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kNotModified);
  EXPECT_TRUE(refused(aa->fetch));
  EXPECT_EQ(aa->in_use_digest, seq8);
  EXPECT_EQ(again.list_failures, 1u);
  EXPECT_EQ(again.list_bytes_downloaded, 0u);
}

TEST_F(Rollback, SameSequenceNumberWithOtherBytesIsRefused) {
  RefreshReport first = refresh();
  ASSERT_EQ(first.list_failures, 0u);
  const std::optional<tsl::Sha256> seq7 = first.snapshot.find_list("AA")->in_use_digest;
  serve("/tl-AA.xml", "bad/tl-AA-seq7-reissued.xml");
  RefreshReport r = refresh();
  EXPECT_EQ(r.list_failures, 1u);
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_EQ(aa->fetch.result, verify::ListStatus::kValid);
  EXPECT_TRUE(has_reason(aa->fetch.reasons, kReasonSequenceReused, "TSLSequenceNumber 7 obtained, 7 in use"));
  EXPECT_EQ(aa->in_use, InUse::kKept);
  EXPECT_EQ(aa->in_use_digest, seq7);
}

TEST_F(Rollback, NewerListReplacesTheOneInUse) {
  ASSERT_EQ(refresh().list_failures, 0u);
  serve("/tl-AA.xml", "bad/tl-AA-seq8.xml");
  RefreshReport r = refresh();
  EXPECT_EQ(r.list_failures, 0u);
  EXPECT_EQ(r.snapshot.find_list("AA")->in_use, InUse::kFetched);
  EXPECT_EQ(r.snapshot.find_list("AA")->sequence_number, 8u);
}

TEST_F(Rollback, LotlRollbackOverHttpsIsRefused) {
  serve("/lotl.xml", "bad/lotl-seq103.xml");
  RefreshReport newer = refresh();
  ASSERT_TRUE(newer.lotl_verified);
  ASSERT_EQ(newer.snapshot.lotl.sequence_number, 103u);
  const std::optional<tsl::Sha256> lotl103 = newer.snapshot.lotl.in_use_digest;

  serve("/lotl.xml", "lists/lotl.xml");  // seq 102, genuine
  RefreshReport r = refresh();
  EXPECT_FALSE(r.lotl_verified);
  EXPECT_EQ(r.snapshot.lotl.fetch.result, verify::ListStatus::kValid);
  EXPECT_TRUE(has_reason(r.snapshot.lotl.fetch.reasons, kReasonRollback, "TSLSequenceNumber 102 obtained, 103 in use"));
  EXPECT_EQ(r.snapshot.lotl.in_use, InUse::kKept);
  EXPECT_EQ(r.snapshot.lotl.in_use_digest, lotl103);
  EXPECT_EQ(r.snapshot.lotl.sequence_number, 103u);
  EXPECT_EQ(r.snapshot.lotl.result, verify::ListStatus::kValid);
  EXPECT_FALSE(stored(r.snapshot.lotl.fetch.digest));
}

TEST_F(Rollback, RollbackByImportIsRefusedForListAndLotl) {
  RefreshReport newer = import({"bad/lotl-seq103.xml", "lists/pivot-101.xml", "bad/tl-AA-seq8.xml",
                                "lists/tl-BB.xml", "lists/tl-CC.xml"});
  ASSERT_TRUE(newer.lotl_verified);
  ASSERT_EQ(newer.list_failures, 0u);
  ASSERT_EQ(newer.snapshot.find_list("AA")->sequence_number, 8u);

  RefreshReport r = import({"lists/lotl.xml", "lists/pivot-101.xml", "lists/tl-AA.xml"});
  EXPECT_FALSE(r.lotl_verified);
  EXPECT_TRUE(has_reason(r.snapshot.lotl.fetch.reasons, kReasonRollback, "102 obtained, 103 in use"));
  EXPECT_EQ(r.snapshot.lotl.sequence_number, 103u);
  EXPECT_EQ(r.list_failures, 1u);
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_TRUE(has_reason(aa->fetch.reasons, kReasonRollback, "7 obtained, 8 in use"));
  EXPECT_EQ(aa->sequence_number, 8u);
  EXPECT_EQ(aa->in_use, InUse::kKept);
  EXPECT_EQ(aa->result, verify::ListStatus::kValid);
}

TEST_F(Rollback, FreshStoreAcceptsWhateverIsValid) {
  RefreshReport r = import({"lists/lotl.xml", "lists/pivot-101.xml", "lists/tl-AA.xml"});
  EXPECT_TRUE(r.lotl_verified);
  EXPECT_EQ(r.list_failures, 0u);
  EXPECT_EQ(r.snapshot.find_list("AA")->sequence_number, 7u);
  EXPECT_EQ(r.snapshot.find_list("AA")->in_use, InUse::kFetched);
}

TEST_F(Rollback, ImportUsesTheNewestValidListOfATerritory) {
  // seq 8 with one signed byte changed: the newest, but invalid.
  std::string tampered = test::read_text(test::fixtures() / "bad/tl-AA-seq8.xml");
  const auto pos = tampered.find("Alpha Qualified CA 1");
  ASSERT_NE(pos, std::string::npos);
  tampered[pos + 19] = '7';
  const fs::path file = fs::temp_directory_path() / ("eutl-tl-AA-seq8-tampered-" + std::to_string(::getpid()) + ".xml");
  { std::ofstream(file, std::ios::binary) << tampered; }
  RefreshReport r = import({"lists/lotl.xml", "lists/pivot-101.xml", "lists/tl-AA.xml", file.string()});
  fs::remove(file);
  const ListRecord* aa = r.snapshot.find_list("AA");
  ASSERT_NE(aa, nullptr);
  EXPECT_EQ(aa->sequence_number, 7u);
  EXPECT_EQ(aa->result, verify::ListStatus::kValid);
  EXPECT_EQ(aa->url, "lists/tl-AA.xml");
  EXPECT_EQ(r.list_failures, 0u);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("seq 8, invalid"), std::string::npos) << r.notes[0];
}

TEST_F(Rollback, TwentyMegabyteJunkBodiesDoNotGrowTheStore) {
  ASSERT_EQ(refresh().list_failures, 0u);
  const std::uint64_t before = tree_size(m_dir);
  // Not XML, XML but not a list, and a list-looking body that does not verify.
  m_server.set_route("/tl-AA.xml", {std::string(20u << 20, 'x'), Fault::kNone});
  m_server.set_route("/tl-BB.xml", {"<?xml version=\"1.0\"?><junk>" + std::string(20u << 20, ' ') + "</junk>",
                                    Fault::kNone});
  std::string cc = test::read_text(test::fixtures() / "lists/tl-CC.xml");
  cc.insert(cc.rfind("</TrustServiceStatusList>"), std::string(20u << 20, ' '));
  m_server.set_route("/tl-CC.xml", {cc, Fault::kNone});
  RefreshReport r = refresh();
  EXPECT_EQ(r.list_failures, 3u);
  for (const char* t : test::kFixtureTerritories) {
    const ListRecord* l = r.snapshot.find_list(t);
    EXPECT_EQ(l->in_use, InUse::kKept) << t;
    EXPECT_GE(l->fetch.bytes, 20u << 20) << t;
    EXPECT_TRUE(l->fetch.digest.has_value()) << t;
    EXPECT_FALSE(stored(l->fetch.digest)) << t;
  }
  EXPECT_LT(tree_size(m_dir) - before, 1u << 20);  // one snapshot record, no body
}

TEST_F(Rollback, ErrorPageIsNotCountedAsListBytes) {
  ASSERT_EQ(refresh().list_failures, 0u);
  m_server.set_route("/tl-AA.xml", {std::string(50'000, 'e'), Fault::kNotFoundPage});
  RefreshReport r = refresh();
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kHttpError);
  EXPECT_EQ(aa->fetch.http_status, 404);
  EXPECT_EQ(aa->fetch.bytes, 0u);
  EXPECT_EQ(r.list_bytes_downloaded, 0u);  // BB and CC: 304
}

TEST_F(Rollback, HttpsIsNeverRedirectedToHttp) {
  ASSERT_EQ(refresh().list_failures, 0u);
  m_server.set_route("/tl-AA.xml", {"http://127.0.0.1:" + std::to_string(m_server.port()) + "/tl-AA.xml",
                                    Fault::kRedirect});
  RefreshReport r = refresh();
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kInsecureRedirect) << aa->fetch.error;
  EXPECT_NE(aa->fetch.error.find("http://127.0.0.1"), std::string::npos) << aa->fetch.error;
  EXPECT_EQ(aa->in_use, InUse::kKept);
  EXPECT_EQ(m_server.requests("/tl-AA.xml"), 2);  // the clean fetch and the redirect: never the http URL
}

TEST_F(Rollback, HttpsToHttpsRedirectIsFollowed) {
  ASSERT_EQ(refresh().list_failures, 0u);
  serve("/moved/tl-AA.xml", "bad/tl-AA-seq8.xml");
  m_server.set_route("/tl-AA.xml", {"https://127.0.0.1/moved/tl-AA.xml", Fault::kRedirect});
  RefreshReport r = refresh();
  const ListRecord* aa = r.snapshot.find_list("AA");
  EXPECT_EQ(aa->fetch.status, net::FetchStatus::kOk) << aa->fetch.error;
  EXPECT_EQ(aa->sequence_number, 8u);
}

}  // namespace
}  // namespace eutl::cache
