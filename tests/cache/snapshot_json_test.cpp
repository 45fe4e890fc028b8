// The snapshot's JSON edge: digests and times are typed in memory (tsl::Sha256,
// tsl::TimePoint) and spelled as lower-case hex and "YYYY-MM-DDTHH:MM:SSZ" on disk, so
// reading then writing a snapshot eutl wrote gives the same bytes; anything else in a
// digest or time field (a damaged or hostile file) is refused, naming the key.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eutl/cache/snapshot.h"
#include "eutl/cache/store.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class SnapshotJsonFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("eutl-snapjson-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // `eutl import` into the test's store; the snapshot files it leaves.
  std::vector<fs::path> import(const std::string& anchors, const std::string& at, const std::vector<fs::path>& in) {
    std::string cmd = test::cli() + " import --store " + quote(m_dir) + " --lotl-signers " + quote(anchors) +
                      " --at " + at;
    for (const fs::path& p : in) {
      cmd += " " + quote(p);
    }
    auto r = test::run_command(cmd + " >/dev/null 2>&1");
    EXPECT_LE(r.exit_code, 1) << cmd;  // 1: some national list not valid (real data)
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(m_dir / "snapshots")) {
      out.push_back(e.path());
    }
    EXPECT_FALSE(out.empty());
    return out;
  }

  // Each file reads into typed fields and writes back to the very same bytes.
  void expect_round_trip(const std::vector<fs::path>& files) {
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store);
    for (const fs::path& f : files) {
      const std::string text = read_text(f);
      auto s = snapshot_from_json(text, f.stem().string());
      ASSERT_TRUE(s) << s.error().message;
      EXPECT_EQ(snapshot_to_json(*s), text) << f;
      ASSERT_TRUE(s->lotl.in_use_digest.has_value()) << f;
      EXPECT_TRUE(store->read_blob(*s->lotl.in_use_digest)) << f;  // the digest names the blob
      EXPECT_TRUE(s->lotl.issue_date.has_value()) << f;
      EXPECT_EQ(s->lotl.verified_at, s->validation_time) << f;
      ASSERT_FALSE(s->lotl_anchor_digests.empty()) << f;
      for (const tsl::Sha256& d : s->lotl_anchor_digests) {
        EXPECT_TRUE(store->has_blob(d)) << f;
      }
      for (const ListRecord& l : s->lists) {
        EXPECT_EQ(l.in_use_digest.has_value(), l.in_use != InUse::kNone) << f << " " << l.territory;
      }
    }
  }

  fs::path m_dir;
};

TEST_F(SnapshotJsonFiles, FixtureSnapshotRoundTripsByteForByte) {
  const fs::path fx = test::fixtures();
  expect_round_trip(import((fx / "pki/oj-anchors.pem").string(), test::kFixtureAt, {fx / "lists"}));
}

TEST_F(SnapshotJsonFiles, RealSnapshotsOf2023And2026RoundTripByteForByte) {
  EUTL_REQUIRE_REALDATA();
  const fs::path rd = test::realdata();
  const std::string anchors = (rd / "oj/oj-C276-2019-lotl-signers.pem").string();
  import(anchors, "2023-10-28T00:00:00Z",
         {rd / "lotl/eu-lotl-seq332-2023-09-27.xml", rd / "lotl/pivots/eu-lotl-pivot-282.xml",
          rd / "lotl/pivots/eu-lotl-pivot-300.xml", rd / "tl/2023"});
  const std::vector<fs::path> both = import(
      anchors, "2026-08-21T00:00:00Z",
      {rd / "lotl/eu-lotl-seq390-2026-08-03.xml", rd / "lotl/pivots/eu-lotl-pivot-282.xml",
       rd / "lotl/pivots/eu-lotl-pivot-300.xml", rd / "lotl/pivots/eu-lotl-pivot-335.xml",
       rd / "lotl/pivots/eu-lotl-pivot-341.xml", rd / "lotl/pivots/eu-lotl-pivot-378.xml", rd / "tl/2026"});
  ASSERT_EQ(both.size(), 2u);
  expect_round_trip(both);
}

// A small snapshot with every digest and time field set.
std::string sample_json() {
  Snapshot s;
  s.created = tsl::parse_datetime("2025-03-01T12:00:00Z").value().time;
  s.validation_time = tsl::parse_datetime("2025-03-01T00:00:00Z").value().time;
  s.origin = "import";
  s.lotl_anchor_digests = {tsl::sha256(tsl::as_bytes("anchor"))};
  s.lotl.territory = "EU";
  ListRecord l;
  l.territory = "AA";
  l.in_use = InUse::kFetched;
  l.in_use_digest = tsl::sha256(tsl::as_bytes("list"));
  l.issue_date = s.validation_time;
  l.next_update = s.created;
  l.signer_sha256 = tsl::sha256(tsl::as_bytes("signer"));
  l.verified_at = s.validation_time;
  l.fetch.digest = l.in_use_digest;
  s.lists.push_back(l);
  return snapshot_to_json(s);
}

// The sample with the first `"key": …` (after `after`) given another value.
std::string with(const std::string& key, const std::string& value, const std::string& after = "") {
  std::string j = sample_json();
  const std::string k = "\"" + key + "\": ";
  const std::size_t at = j.find(k, after.empty() ? 0 : j.find(after));
  EXPECT_NE(at, std::string::npos) << key;
  const std::size_t start = at + k.size();
  const std::size_t end = j[start] == '[' ? j.find(']', start) + 1 : j.find_first_of(",\n", start);
  return j.replace(start, end - start, value);
}

TEST(SnapshotJson, TypedFieldsReadBackAndEmptyMeansNone) {
  const std::string j = sample_json();
  auto s = snapshot_from_json(j, "id");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->lists.at(0).in_use_digest, tsl::sha256(tsl::as_bytes("list")));
  EXPECT_EQ(tsl::format_time(*s->lists.at(0).next_update), "2025-03-01T12:00:00Z");
  EXPECT_EQ(snapshot_to_json(*s), j);
  EXPECT_FALSE(s->lotl.in_use_digest);  // "" in the file
  EXPECT_FALSE(s->lotl.issue_date);
  EXPECT_NE(j.find("\"next_update\": \"\""), std::string::npos);  // the LOTL's: none
}

struct Malformed {
  const char* key;
  const char* value;
  const char* after;     // the object the key is in ("" for the first occurrence)
  const char* expected;  // in the message
};

const Malformed kMalformed[] = {
    {"in_use_digest", "\"not-hex\"", "\"lists\": [", "lists[0].in_use_digest: not a SHA-256 digest"},
    {"in_use_digest", "\"ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789\"", "\"lists\": [",
     "lists[0].in_use_digest: not a SHA-256 digest"},
    {"digest", "\"0123\"", "\"lists\": [", "lists[0].fetch.digest: not a SHA-256 digest"},
    {"signer_sha256", "\"../../etc/passwd\"", "\"lists\": [", "lists[0].signer_sha256: not a SHA-256 digest"},
    {"lotl_anchor_digests", "[\"\"]", "", "lotl_anchor_digests[0]: empty"},
    {"lotl_anchor_digests", "[\"x\"]", "", "lotl_anchor_digests[0]: not a SHA-256 digest"},
    {"issue_date", "\"2025-13-01T00:00:00Z\"", "\"lists\": [", "lists[0].issue_date: not an xsd:dateTime"},
    {"next_update", "\"soon\"", "\"lists\": [", "lists[0].next_update: not an xsd:dateTime"},
    {"verified_at", "\"2025-03-01T01:00:00+01:00\"", "\"lists\": [", "lists[0].verified_at: not an xsd:dateTime"},
    {"issue_date", "\"yesterday\"", "\"lotl\": {", "lotl.issue_date: not an xsd:dateTime"},
    {"created", "\"\"", "", "created: missing"},
    {"validation_time", "\"2025-03-01\"", "", "validation_time: not an xsd:dateTime"},
    {"in_use_digest", "42", "\"lists\": [", "type must be string"},
    {"pivots", "{\"a\": 1}", "", "snapshot id: pivots: not an array"},
};

TEST(SnapshotJson, AMalformedDigestOrTimeIsRefusedNamingTheKey) {
  for (const Malformed& m : kMalformed) {
    auto r = snapshot_from_json(with(m.key, m.value, m.after), "id");
    ASSERT_FALSE(r) << m.key << " = " << m.value;
    EXPECT_EQ(r.error().code, Errc::kMalformed);
    EXPECT_NE(r.error().message.find(m.expected), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("snapshot id: ", 0), 0u) << r.error().message;
  }
}

TEST(SnapshotJson, AnOverlongBadValueIsQuotedShortAndEscaped) {
  auto r = snapshot_from_json(with("next_update", "\"" + std::string(5000, 'x') + "\\u0007\"", "\"lists\": ["), "id");
  ASSERT_FALSE(r);
  EXPECT_LT(r.error().message.size(), 300u);
  EXPECT_NE(r.error().message.find("xxx...\""), std::string::npos) << r.error().message;
}

TEST(SnapshotJson, ABadValueCutInsideAUtf8SequenceIsStillReportedByKey) {
  std::string long_utf8;
  for (int i = 0; i < 60; ++i) {
    long_utf8 += "\xc3\xa9";  // é: the cut at 80 bytes falls inside one
  }
  auto r = snapshot_from_json(with("signer_sha256", "\"x" + long_utf8 + "\"", "\"lists\": ["), "id");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("lists[0].signer_sha256: not a SHA-256 digest"), std::string::npos)
      << r.error().message;
}

TEST_F(SnapshotJsonFiles, TheStoreNamesTheFileOfAMalformedSnapshot) {
  auto store = Store::open(m_dir);
  ASSERT_TRUE(store);
  const std::string id = "20250301T120000Z-000-0123456789abcdef";
  const fs::path file = m_dir / "snapshots" / (id + ".json");
  std::ofstream(file) << with("issue_date", "\"2025-02-30T00:00:00Z\"", "\"lists\": [");
  auto r = store->read_snapshot(id);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::kMalformed);
  EXPECT_EQ(r.error().message, file.string() + ": snapshot " + id +
                                   ": lists[0].issue_date: not an xsd:dateTime in UTC (YYYY-MM-DDTHH:MM:SSZ): "
                                   "\"2025-02-30T00:00:00Z\"");
  ASSERT_TRUE(store->set_current(id));
  auto status = test::run_command(test::cli() + " status --store " + quote(m_dir) + " 2>&1");
  EXPECT_EQ(status.exit_code, 2);  // input error, not a crash or an internal error
  EXPECT_NE(status.out.find(file.string() + ": snapshot " + id + ": lists[0].issue_date"), std::string::npos)
      << status.out;
}

}  // namespace
}  // namespace eutl::cache
