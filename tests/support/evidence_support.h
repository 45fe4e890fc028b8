// Shared by the evidence tests: a store with the fixture lists imported, and a record
// made against its snapshot exactly as `eutl check --snapshot … --evidence` does.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "eutl/cache/snapshot_lists.h"
#include "eutl/evidence/evidence.h"
#include "eutl/cache/refresh.h"
#include "eutl/cache/store.h"
#include "eutl/tsl/xml_document.h"
#include "tests/support/instant.h"
#include "tests/support/text_file.h"
#include "tests/test_paths.h"

namespace eutl::test {

inline std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("eutl-evidence-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Imports fixture files (relative to fixtures()) into the store at 2025-03-01, with
// `anchors_pem` (fixtures-relative) as the LOTL anchors. With `copy_to`, the files are
// first copied there and imported from the copies (so a test can take them away).
inline cache::Snapshot import_fixture_lists(const cache::Store& store, const std::vector<std::string>& files,
                                            const std::filesystem::path& copy_to = {},
                                            const std::string& anchors_pem = "pki/oj-anchors.pem") {
  auto anchors = verify::load_pem_certificates(fixtures() / anchors_pem);
  EXPECT_TRUE(anchors.has_value());
  cache::RefreshRequest req;
  req.lotl_anchors = anchors ? *anchors : std::vector<tsl::Bytes>{};
  req.at = at("2025-03-01T00:00:00Z");
  req.created = at("2025-03-01T00:00:00Z");
  std::vector<cache::ImportFile> in;
  for (const auto& f : files) {
    std::filesystem::path from = fixtures() / f;
    if (!copy_to.empty()) {
      std::filesystem::create_directories(copy_to);
      const auto to = copy_to / from.filename();
      std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
      from = to;
    }
    auto bytes = tsl::read_file(from);
    EXPECT_TRUE(bytes.has_value()) << f;
    in.push_back({from.string(), bytes ? *bytes : tsl::Bytes{}});
  }
  auto lock = store.lock_for_writing();
  EXPECT_TRUE(lock.has_value());
  auto verifier = [](std::vector<verify::ListSetInput> i, const verify::ListSetRequest& r) {
    return verify::verify_list_set(std::move(i), r);
  };
  auto report = cache::import_lists(store, *lock, verifier, std::move(in), req);
  EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().message);
  return report ? report->snapshot : cache::Snapshot{};
}

inline const std::vector<std::string>& fixture_set() {
  static const std::vector<std::string> kSet{"lists/pivot-101.xml", "lists/lotl.xml", "lists/tl-AA.xml",
                                             "lists/tl-BB.xml", "lists/tl-CC.xml"};
  return kSet;
}

// A record for `cert` (fixtures-relative) at T against `snapshot`.
// With `anchors`, the record uses those facts of the anchors (DecisionLists::anchors).
inline std::string make_record(const cache::Store& store, const cache::Snapshot& snapshot, const std::string& cert,
                               const char* t, const std::string& claim = "",
                               const evidence::RecordAnchors* anchors = nullptr) {
  auto lists = cache::load_snapshot_lists(store, snapshot, snapshot.validation_time);
  EXPECT_TRUE(lists.has_value());
  if (!lists) {
    return "";
  }
  auto ders = verify::read_certificate_file(fixtures() / cert);
  EXPECT_TRUE(ders.has_value()) << cert;
  auto profile = verify::read_certificate_profile(ders->front());
  EXPECT_TRUE(profile.has_value());
  tsl::ServiceIndex index = tsl::ServiceIndex::build(verify::valid_index_inputs(lists->lists));
  verify::QualificationEngine engine(index);
  verify::QualificationRequest req;
  req.certificate = &*profile;
  req.at = at(t);
  if (!claim.empty()) {
    req.claim = *verify::parse_claim(claim);
  }
  auto result = engine.decide(req);
  EXPECT_TRUE(result.has_value());
  const evidence::DecisionLists basis{lists->lists, index, lists->lotl_anchors, lists->verified_at, snapshot.id, {},
                                      anchors};
  const evidence::RecordStamp stamp{"test", tsl::parse_datetime("2025-03-02T10:00:00Z")->time};
  auto record = evidence::make_evidence_record(basis, *profile, {}, req.at, claim, *result, stamp);
  EXPECT_TRUE(record.has_value());
  return record ? *record : "";
}

inline void write_text(const std::filesystem::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// Flips one bit of the byte at `offset` of a file.
inline void flip_byte(const std::filesystem::path& p, std::size_t offset) {
  std::string s = read_text(p);
  ASSERT_LT(offset, s.size());
  s[offset] = static_cast<char>(s[offset] ^ 0x01);
  write_text(p, s);
}

// A test over a fresh store with fixture_set() imported: records are made against its
// snapshot and re-verified against the store, as `eutl evidence verify --store` does.
class FixtureRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = cache::Store::open(m_dir / "store");
    ASSERT_TRUE(store);
    m_store.emplace(std::move(*store));
    m_snapshot = import_fixture_lists(*m_store, fixture_set());
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  evidence::EvidenceCheck verify(const std::string& text) const {
    evidence::EvidenceSources s;
    s.store = m_dir / "store";
    auto r = evidence::verify_evidence(text, s);
    EXPECT_TRUE(r.has_value());
    return r ? *r : evidence::EvidenceCheck{};
  }
  // Every finding, one "where: message" line each, for a failure message.
  static std::string differences(const evidence::EvidenceCheck& c) {
    std::string all;
    for (const auto& d : c.differences) {
      all += d.where + ": " + d.message + "\n";
    }
    return all;
  }

  std::filesystem::path m_dir;
  std::optional<cache::Store> m_store;
  cache::Snapshot m_snapshot;
};

}  // namespace eutl::test
