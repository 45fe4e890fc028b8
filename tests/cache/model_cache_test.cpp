// The model cache: round trip on the fixture and the real 2023 lists, fallback to the
// blobs on a corrupt, truncated, foreign or stale file, and freshness re-decided at
// the caller's time.
#include "eutl/cache/model_cache.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "cache/model_cache_file.h"
#include "eutl/tsl/xml_document.h"
#include "eutl/verify/list_freshness.h"
#include "tests/support/evidence_support.h"
#include "tests/cache/model_cache_test_support.h"

namespace eutl::cache {
namespace {

using detail::decode_model_cache;
using detail::encode_model_cache;
using detail::kModelCacheVersion;
using detail::model_cache_checksum;
using detail::model_cache_path;
using detail::read_model_cache;
using test::at;

std::vector<verify::CertificateProfile> fixture_certs() {
  std::vector<verify::CertificateProfile> out;
  for (const char* name : {"qes-natural", "qc-esig-noqscd", "qseal", "qwac", "ovcp-web", "pkc-plain", "lookalike",
                           "pre-eidas-qcp-plus"}) {
    auto ders = verify::read_certificate_file(test::fixtures() / "certs" / (std::string(name) + ".pem"));
    EXPECT_TRUE(ders.has_value()) << name;
    if (ders) {
      auto p = verify::read_certificate_profile(ders->front());
      EXPECT_TRUE(p.has_value()) << name;
      if (p) {
        out.push_back(std::move(*p));
      }
    }
  }
  return out;
}

// One bit of the file flipped halfway through, where the lists are.
bool flip_a_byte_in_the_middle(const std::filesystem::path& path) {
  auto bytes = tsl::read_file(path);
  if (!bytes || bytes->empty()) {
    return false;
  }
  (*bytes)[bytes->size() / 2] ^= 0x40;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes->data()), static_cast<std::streamsize>(bytes->size()));
  return static_cast<bool>(out);
}

class ModelCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(std::string("model-") +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = Store::open(m_dir);
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
    m_snapshot = test::import_fixture_lists(*m_store, test::fixture_set());
    ASSERT_FALSE(m_snapshot.id.empty());
  }
  void TearDown() override {
    if (!m_dir.empty()) {
      std::filesystem::remove_all(m_dir);
    }
  }

  std::filesystem::path file() const { return model_cache_path(*m_store, m_snapshot.id); }

  std::filesystem::path m_dir;
  std::optional<Store> m_store;
  Snapshot m_snapshot;
  const tsl::TimePoint m_at = at("2025-03-01T00:00:00Z");
};

TEST_F(ModelCacheTest, RoundTripEqualsVerificationOfTheBlobs) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  // The import verified all five fixture lists as valid (fixtures/MANIFEST.txt).
  ASSERT_EQ(verified->lists.size(), 5u);
  for (const auto& v : verified->lists) {
    EXPECT_EQ(v.status, verify::ListStatus::kValid) << v.source;
  }
  tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  auto decoded = decode_model_cache(bytes, m_snapshot);
  ASSERT_TRUE(decoded) << decoded.error().message;
  test::expect_same_lists(verified->lists, decoded->lists);
  EXPECT_EQ(decoded->lotl_anchors, verified->lotl_anchors);
  // Encoding what was decoded gives the same bytes: no field is lost one way only.
  EXPECT_EQ(encode_model_cache(m_snapshot, *decoded), bytes);
  auto certs = fixture_certs();
  ASSERT_FALSE(certs.empty());
  EXPECT_EQ(test::decisions(decoded->lists, certs, m_at), test::decisions(verified->lists, certs, m_at));
}

// A refresh's read of the heads keeps the LOTL's pointers and drops those of the
// pivots and national lists; everything else of the heads is as a whole read gives it.
TEST_F(ModelCacheTest, HeadsForARefreshKeepOnlyTheLotlsPointers) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  const tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  const IssuerScope heads_only = IssuerScope::of({});
  auto heads = decode_model_cache(bytes, m_snapshot, &heads_only, nullptr, detail::OtherPointers::kDropped);
  ASSERT_TRUE(heads) << heads.error().message;
  ASSERT_EQ(heads->lists.size(), verified->lists.size());
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < heads->lists.size(); ++i) {
    const verify::VerifiedList& whole = verified->lists[i];
    const verify::VerifiedList& head = heads->lists[i];
    ASSERT_TRUE(head.list && whole.list) << whole.source;
    EXPECT_TRUE(head.list->providers.empty()) << whole.source;
    if (whole.kind == verify::ListKind::kLotl) {
      EXPECT_EQ(head.list->scheme.pointers.size(), whole.list->scheme.pointers.size()) << whole.source;
      EXPECT_FALSE(head.list->scheme.pointers.empty()) << whole.source;
    } else {
      EXPECT_TRUE(head.list->scheme.pointers.empty()) << whole.source;
      dropped += whole.list->scheme.pointers.size();
    }
    EXPECT_EQ(head.list->scheme.sequence_number, whole.list->scheme.sequence_number) << whole.source;
    EXPECT_EQ(head.list->scheme.next_update, whole.list->scheme.next_update) << whole.source;
    EXPECT_EQ(head.status, whole.status) << whole.source;
  }
  EXPECT_GT(dropped, 0u) << "the fixture's pivot points to lists";
}

TEST_F(ModelCacheTest, FirstLoadRebuildsThenReadsTheFile) {
  auto first = load_snapshot_model(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->origin, ModelOrigin::kRebuilt) << first->note;
  EXPECT_TRUE(std::filesystem::exists(file()));
  auto second = load_snapshot_model(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->origin, ModelOrigin::kCache) << second->note;
  test::expect_same_lists(first->lists.lists, second->lists.lists);
}

TEST_F(ModelCacheTest, CorruptFileFallsBackToTheBlobsAndIsRewritten) {
  ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));
  ASSERT_TRUE(flip_a_byte_in_the_middle(file()));
  auto read = read_model_cache(*m_store, m_snapshot);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, Errc::kMalformed);
  auto loaded = load_snapshot_model(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->origin, ModelOrigin::kRebuilt);
  EXPECT_NE(loaded->note.find("checksum"), std::string::npos) << loaded->note;
  EXPECT_TRUE(read_model_cache(*m_store, m_snapshot)) << "the rebuilt file is valid again";
  auto direct = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(direct);
  test::expect_same_lists(direct->lists, loaded->lists.lists);
}

TEST_F(ModelCacheTest, TruncatedOrEmptyFileIsRejected) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  for (std::size_t keep : {std::size_t{0}, std::size_t{7}, std::size_t{44}, bytes.size() / 3, bytes.size() - 1}) {
    auto r = decode_model_cache(tsl::ByteView(bytes.data(), keep), m_snapshot);
    ASSERT_FALSE(r) << keep;
    EXPECT_EQ(r.error().code, Errc::kMalformed);
  }
}

TEST_F(ModelCacheTest, FileOfAnotherSnapshotIsStaleAndRebuilt) {
  ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));
  // A second import of only part of the set: another snapshot, other blobs.
  Snapshot other = test::import_fixture_lists(*m_store, {"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml"});
  ASSERT_NE(other.id, m_snapshot.id);
  std::filesystem::copy_file(file(), model_cache_path(*m_store, other.id));
  auto read = read_model_cache(*m_store, other);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("written for snapshot " + m_snapshot.id), std::string::npos)
      << read.error().message;
  auto loaded = load_snapshot_model(*m_store, other, m_at);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->origin, ModelOrigin::kRebuilt);
  auto direct = load_snapshot_lists(*m_store, other, m_at);
  ASSERT_TRUE(direct);
  test::expect_same_lists(direct->lists, loaded->lists.lists);
}

TEST_F(ModelCacheTest, SameIdWithOtherBlobsIsRejected) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  Snapshot changed = m_snapshot;
  ASSERT_FALSE(changed.lists.empty());
  changed.lists.back().in_use_digest = tsl::Sha256{};
  auto r = decode_model_cache(bytes, changed);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("list blobs differ"), std::string::npos) << r.error().message;
}

TEST_F(ModelCacheTest, OtherFormatVersionIsRejected) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  bytes[8] = static_cast<std::uint8_t>(kModelCacheVersion + 1);  // the u32 after the 8-byte magic
  // Recompute the trailer so only the version is wrong.
  std::uint64_t sum = model_cache_checksum(tsl::ByteView(bytes.data(), bytes.size() - 8));
  std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
  auto r = decode_model_cache(bytes, m_snapshot);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("format version"), std::string::npos) << r.error().message;
}

// Another snapshot of exactly the same blobs, as a refresh in which nothing changed makes.
Snapshot same_blobs_other_id(const Snapshot& s) {
  Snapshot to = s;
  to.id.back() = to.id.back() == '0' ? '1' : '0';
  return to;
}

// Handing the file over rewrites the id and the JSON digest and nothing else: the
// checksum (which starts after them) is neither checked nor recomputed, so the 10 MB
// are not read twice. `to` has no JSON in the store: the file is bound to none.
TEST_F(ModelCacheTest, MoveRewritesTheIdAlone) {
  ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));
  auto before = tsl::read_file(file());
  ASSERT_TRUE(before);
  const Snapshot to = same_blobs_other_id(m_snapshot);
  ASSERT_TRUE(detail::move_model_cache(*m_store, m_snapshot, to));
  EXPECT_FALSE(std::filesystem::exists(file()));
  auto after = tsl::read_file(model_cache_path(*m_store, to.id));
  ASSERT_TRUE(after);
  tsl::Bytes expected = *before;
  const std::size_t id_at = 8 + 4 + 4;  // magic, version, length of the id
  std::memcpy(expected.data() + id_at, to.id.data(), to.id.size());
  const tsl::Sha256 none{};
  ASSERT_NE(std::memcmp(before->data() + id_at + to.id.size(), none.data(), none.size()), 0) << "bound before";
  std::memcpy(expected.data() + id_at + to.id.size(), none.data(), none.size());
  EXPECT_TRUE(expected == *after) << "only the id and the JSON digest differ";
  auto read = read_model_cache(*m_store, to);
  ASSERT_TRUE(read) << read.error().message;
  auto direct = load_snapshot_lists(*m_store, to, m_at);
  ASSERT_TRUE(direct);
  verify::reassess_freshness(read->lists, m_at);
  test::expect_same_lists(direct->lists, read->lists);
}

// A corrupt file handed over stays corrupt: the next read finds it out and the lists
// are verified again from the blobs.
TEST_F(ModelCacheTest, CorruptFileMovedIsRejectedAtTheNextRead) {
  ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));
  ASSERT_TRUE(flip_a_byte_in_the_middle(file()));
  const Snapshot to = same_blobs_other_id(m_snapshot);
  ASSERT_TRUE(detail::move_model_cache(*m_store, m_snapshot, to));
  auto read = read_model_cache(*m_store, to);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("checksum"), std::string::npos) << read.error().message;
  auto loaded = load_snapshot_model(*m_store, to, m_at);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->origin, ModelOrigin::kRebuilt);
}

// With a scope, only the lists that may hold an issuer of the certificate come with
// their providers, and the decision is the one the whole set gives.
TEST_F(ModelCacheTest, ScopedReadDecodesOnlyTheListsThatMayHoldAnIssuer) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  const tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  for (const verify::CertificateProfile& cert : fixture_certs()) {
    SCOPED_TRACE(cert.subject);
    const verify::CertificateProfile* one[] = {&cert};
    const IssuerScope scope = IssuerScope::of(one);
    auto scoped = decode_model_cache(bytes, m_snapshot, &scope);
    ASSERT_TRUE(scoped) << scoped.error().message;
    ASSERT_EQ(scoped->lists.size(), verified->lists.size());
    for (std::size_t i = 0; i < scoped->lists.size(); ++i) {
      const verify::VerifiedList& whole = verified->lists[i];
      const verify::VerifiedList& part = scoped->lists[i];
      EXPECT_EQ(part.status, whole.status);
      EXPECT_EQ(part.list->scheme.sequence_number, whole.list->scheme.sequence_number);
      const bool holds = scope.may_hold(anchor_keys(*whole.list));
      EXPECT_EQ(part.list->providers.size(), holds ? whole.list->providers.size() : 0u) << whole.source;
    }
    EXPECT_EQ(test::decisions(scoped->lists, {cert}, m_at), test::decisions(verified->lists, {cert}, m_at));
  }
  // The LOTL and the pivots list no trust service: they never hold an issuer.
  const auto certs = fixture_certs();
  const verify::CertificateProfile* qes[] = {&certs.front()};
  const IssuerScope scope = IssuerScope::of(qes);
  auto scoped = decode_model_cache(bytes, m_snapshot, &scope);
  ASSERT_TRUE(scoped);
  std::size_t whole = 0;
  for (const auto& v : scoped->lists) {
    whole += v.list->providers.empty() ? 0 : 1;
  }
  EXPECT_GE(whole, 1u) << "the list of the issuer of " << certs.front().subject;
  EXPECT_LT(whole, scoped->lists.size()) << "not every list";
}

// The header keeps each list's size, so that a reader of the heads alone (a refresh)
// records the same service and certificate counts as one that decodes every list.
TEST_F(ModelCacheTest, EveryListsSizeIsReadWithoutItsBody) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  const tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  const IssuerScope heads_only = IssuerScope::of({});
  std::vector<detail::ListSize> sizes;
  auto heads = decode_model_cache(bytes, m_snapshot, &heads_only, &sizes);
  ASSERT_TRUE(heads) << heads.error().message;
  ASSERT_EQ(sizes.size(), verified->lists.size());
  std::uint64_t services = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const tsl::TrustedList& whole = *verified->lists[i].list;
    EXPECT_EQ(sizes[i].services, whole.service_count()) << verified->lists[i].source;
    EXPECT_EQ(sizes[i].certificates, whole.certificate_count()) << verified->lists[i].source;
    EXPECT_TRUE(heads->lists[i].list->providers.empty());
    services += sizes[i].services;
  }
  EXPECT_GT(services, 0u);
}

// Each list's body has its own checksum: a read of every list finds a flipped byte in
// the last one; a read scoped to a certificate whose issuer is not in it does not read it.
TEST_F(ModelCacheTest, ACorruptBodyIsFoundByItsOwnChecksum) {
  auto verified = load_snapshot_lists(*m_store, m_snapshot, m_at);
  ASSERT_TRUE(verified);
  tsl::Bytes bytes = encode_model_cache(m_snapshot, *verified);
  bytes[bytes.size() - 10] ^= 0x01;  // inside the body of the last list
  auto whole = decode_model_cache(bytes, m_snapshot);
  ASSERT_FALSE(whole);
  EXPECT_NE(whole.error().message.find("checksum mismatch in list " + std::to_string(verified->lists.size() - 1)),
            std::string::npos)
      << whole.error().message;
  const IssuerScope nothing = IssuerScope::of({});
  auto scoped = decode_model_cache(bytes, m_snapshot, &nothing);
  ASSERT_TRUE(scoped) << scoped.error().message;
  for (const auto& v : scoped->lists) {
    EXPECT_TRUE(v.list->providers.empty()) << v.source;
  }
}

// Written at 2025-03-01, read after the fixtures' NextUpdate (2025-07-01) and before
// their issue date (2025-01-01): the statuses follow the new time, exactly as a fresh
// verification of the blobs at that time says.
TEST_F(ModelCacheTest, FreshnessIsDecidedAtTheRequestedTime) {
  ASSERT_TRUE(load_snapshot_model(*m_store, m_snapshot, m_at));
  for (const char* t : {"2025-08-01T00:00:00Z", "2024-12-01T00:00:00Z", "2025-06-30T23:59:59Z"}) {
    auto cached = load_snapshot_model(*m_store, m_snapshot, at(t));
    ASSERT_TRUE(cached);
    EXPECT_EQ(cached->origin, ModelOrigin::kCache);
    auto direct = load_snapshot_lists(*m_store, m_snapshot, at(t));
    ASSERT_TRUE(direct);
    SCOPED_TRACE(t);
    test::expect_same_lists(direct->lists, cached->lists.lists);
  }
  auto expired = load_snapshot_model(*m_store, m_snapshot, at("2025-08-01T00:00:00Z"));
  ASSERT_TRUE(expired);
  for (const auto& v : expired->lists.lists) {
    if (v.kind != verify::ListKind::kPivot) {
      EXPECT_NE(v.status, verify::ListStatus::kValid) << v.source;
    }
  }
}

// The real 2023 set: LOTL 332, pivots 282 and 300, 30 national lists.
TEST(ModelCacheRealData, RoundTripOf2023SetKeepsEveryDecision) {
  EUTL_REQUIRE_REALDATA();
  const auto real = test::realdata();
  auto anchors = verify::load_pem_certificates(real / "oj/oj-C276-2019-lotl-signers.pem");
  ASSERT_TRUE(anchors);
  std::vector<ImportFile> files;
  std::vector<std::filesystem::path> paths{real / "lotl/eu-lotl-seq332-2023-09-27.xml",
                                           real / "lotl/pivots/eu-lotl-pivot-282.xml",
                                           real / "lotl/pivots/eu-lotl-pivot-300.xml"};
  for (const auto& e : std::filesystem::directory_iterator(real / "tl/2023")) {
    paths.push_back(e.path());
  }
  for (const auto& p : paths) {
    auto bytes = tsl::read_file(p);
    ASSERT_TRUE(bytes) << p;
    files.push_back({p.string(), std::move(*bytes)});
  }
  auto dir = test::temp_dir("model-real");
  auto store = Store::open(dir);
  ASSERT_TRUE(store);
  RefreshRequest req;
  req.lotl_anchors = *anchors;
  req.at = at("2023-10-30T00:00:00Z");
  req.created = req.at;
  Snapshot snapshot;
  {
    auto lock = store->lock_for_writing();
    ASSERT_TRUE(lock);
    auto report = import_lists(*store, *lock,
                               [](std::vector<verify::ListSetInput> i, const verify::ListSetRequest& r) {
                                 return verify::verify_list_set(std::move(i), r);
                               },
                               std::move(files), req);
    ASSERT_TRUE(report) << report.error().message;
    snapshot = report->snapshot;
  }
  auto verified = load_snapshot_lists(*store, snapshot, req.at);
  ASSERT_TRUE(verified);
  ASSERT_EQ(verified->lists.size(), 33u);
  // MANIFEST.md: all 30 national lists verify and are anchored through LOTL 332.
  std::size_t valid = 0;
  for (const auto& v : verified->lists) {
    valid += v.status == verify::ListStatus::kValid ? 1 : 0;
  }
  EXPECT_GE(valid, 31u);
  tsl::Bytes bytes = encode_model_cache(snapshot, *verified);
  auto decoded = decode_model_cache(bytes, snapshot);
  ASSERT_TRUE(decoded) << decoded.error().message;
  test::expect_same_lists(verified->lists, decoded->lists);
  EXPECT_EQ(encode_model_cache(snapshot, *decoded), bytes);

  std::vector<verify::CertificateProfile> certs;
  for (const char* sub : {"qualified", "non-qualified", "ca", "untrusted"}) {
    for (const auto& e : std::filesystem::directory_iterator(real / "certs" / sub)) {
      auto ders = verify::read_certificate_file(e.path());
      if (ders) {
        if (auto p = verify::read_certificate_profile(ders->front()); p) {
          certs.push_back(std::move(*p));
        }
      }
    }
  }
  ASSERT_GT(certs.size(), 80u);
  const std::vector<std::string> expected = test::decisions(verified->lists, certs, req.at);
  EXPECT_EQ(test::decisions(decoded->lists, certs, req.at), expected);
  // Each certificate decided on only the lists that may hold its issuer: the same
  // decision, from a few of the 33 lists.
  std::size_t bodies = 0;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const verify::CertificateProfile* one[] = {&certs[i]};
    const IssuerScope scope = IssuerScope::of(one);
    auto scoped = decode_model_cache(bytes, snapshot, &scope);
    ASSERT_TRUE(scoped) << scoped.error().message;
    EXPECT_EQ(test::decisions(scoped->lists, {certs[i]}, req.at).front(), expected[i]) << certs[i].subject;
    for (const auto& v : scoped->lists) {
      bodies += v.list && !v.list->providers.empty() ? 1 : 0;
    }
  }
  EXPECT_LT(bodies, certs.size() * 3) << "about one or two lists per certificate, not 33";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace eutl::cache
