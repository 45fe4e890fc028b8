// Newest valid wins: `import` then the store gives the same verdict as the same files
// given directly (`check --lists`), for every certificate in realdata/certs, on the real
// 2019, 2023 and 2026 sets, evaluated at one instant. The sets hold two lists for one
// territory where the newest is not valid (realdata MANIFEST.md, MANIFEST-2026.md):
// 2019 FR seq 59 (signer not in LOTL 248; seq 56 is valid) and 2026 RO seq 84 (signer
// not in LOTL 390; seq 83 is valid).
#include <gtest/gtest.h>

#include <filesystem>

#include "eutl/cache/refresh.h"
#include "eutl/trusted_lists.h"
#include "tests/test_paths.h"

namespace eutl::cache {
namespace {

namespace fs = std::filesystem;

struct RealSet {
  const char* name;
  const char* at;
  std::vector<const char*> files;  // relative to realdata
  const char* territory;           // with two lists
  std::uint64_t expected_sequence;  // the valid, older one
};

const RealSet kSets[] = {
    {"2019", "2019-10-10T00:00:00Z", {"lotl/eu-lotl-seq248-2019-09-04.xml", "tl/2019"}, "FR", 56},
    {"2023",
     "2023-10-28T00:00:00Z",
     {"lotl/eu-lotl-seq332-2023-09-27.xml", "lotl/pivots/eu-lotl-pivot-282.xml", "lotl/pivots/eu-lotl-pivot-300.xml",
      "tl/2023"},
     "",
     0},
    {"2026",
     "2026-08-21T00:00:00Z",
     {"lotl/eu-lotl-seq390-2026-08-03.xml", "lotl/pivots/eu-lotl-pivot-282.xml", "lotl/pivots/eu-lotl-pivot-300.xml",
      "lotl/pivots/eu-lotl-pivot-335.xml", "lotl/pivots/eu-lotl-pivot-341.xml", "lotl/pivots/eu-lotl-pivot-378.xml",
      "tl/2026"},
     "RO",
     83},
};

class ImportRealdata : public ::testing::TestWithParam<RealSet> {};

void expect_same(const verify::QualificationAtTime& a, const verify::QualificationAtTime& b, const std::string& what) {
  EXPECT_EQ(a.status, b.status) << what << "\n  store: " << a.reason << "\n  files: " << b.reason;
  EXPECT_EQ(a.qualified, b.qualified) << what;
  EXPECT_EQ(a.type, b.type) << what;
  EXPECT_EQ(a.qscd, b.qscd) << what;
}

TEST_P(ImportRealdata, StoreAndFilesGiveTheSameVerdictForEveryCertificate) {
  EUTL_REQUIRE_REALDATA();
  const RealSet& set = GetParam();
  const tsl::TimePoint at = tsl::parse_datetime(set.at).value().time;
  const fs::path anchors_pem = test::realdata() / "oj/oj-C276-2019-lotl-signers.pem";
  std::vector<fs::path> inputs;
  for (const char* f : set.files) {
    inputs.push_back(test::realdata() / f);
  }
  auto paths = verify::expand_list_inputs(inputs);
  ASSERT_TRUE(paths) << paths.error().message;
  auto read = verify::read_list_inputs(*paths);
  ASSERT_TRUE(read) << read.error().message;
  std::vector<ImportFile> files;
  for (auto& in : *read) {
    tsl::FileBytes storage;
    auto bytes = verify::input_bytes(in, storage);
    ASSERT_TRUE(bytes) << bytes.error().message;
    files.push_back({in.source, tsl::Bytes(bytes->begin(), bytes->end())});
  }

  const fs::path dir = fs::temp_directory_path() / ("eutl-import-real-" + std::to_string(::getpid()) + "-" + set.name);
  fs::remove_all(dir);
  {
    auto store = Store::open(dir);
    ASSERT_TRUE(store) << store.error().message;
    auto lock = store->lock_for_writing();
    ASSERT_TRUE(lock) << lock.error().message;
    RefreshRequest req;
    auto anchors = verify::load_pem_certificates(anchors_pem);
    ASSERT_TRUE(anchors);
    req.lotl_anchors = std::move(*anchors);
    req.at = at;
    req.created = at;
    auto report = import_lists(*store, *lock,
                               [](std::vector<verify::ListSetInput> in, const verify::ListSetRequest& r) {
                                 return verify::verify_list_set(std::move(in), r);
                               },
                               std::move(files), req);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->lotl_verified);
    if (*set.territory != '\0') {
      const ListRecord* l = report->snapshot.find_list(set.territory);
      ASSERT_NE(l, nullptr);
      EXPECT_EQ(l->sequence_number, set.expected_sequence);
      EXPECT_EQ(l->result, verify::ListStatus::kValid);
    }
    bool de_missing = false;
    for (const auto& m : report->missing) {
      de_missing = de_missing || m.territory == "DE";
    }
    EXPECT_TRUE(de_missing) << "DE is pointed to by the LOTL and absent from every real set";
  }

  ListSource from_store;
  from_store.store = dir;
  ListSource from_files;
  from_files.files = inputs;
  auto anchors = verify::load_pem_certificates(anchors_pem);
  ASSERT_TRUE(anchors);
  from_files.lotl_anchors = std::move(*anchors);
  auto stored = TrustedLists::load(from_store, at);
  ASSERT_TRUE(stored) << stored.error().message;
  auto direct = TrustedLists::load(from_files, at);
  ASSERT_TRUE(direct) << direct.error().message;
  EXPECT_EQ(stored->valid_count(), direct->valid_count());  // the newer twins are not valid

  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(test::realdata() / "certs")) {
    if (!e.is_regular_file() || e.path().extension() != ".pem") {
      continue;
    }
    auto certs = read_certificates(e.path());
    if (!certs || certs->empty()) {
      continue;
    }
    std::vector<verify::CertificateProfile> chain(certs->begin() + 1, certs->end());
    auto a = stored->check(certs->front(), chain, at, std::nullopt);
    auto b = direct->check(certs->front(), chain, at, std::nullopt);
    ASSERT_EQ(a.has_value(), b.has_value()) << e.path();
    if (!a) {
      continue;
    }
    const std::string what = std::string(set.name) + " " + e.path().filename().string();
    expect_same(a->overall, b->overall, what + " overall");
    expect_same(a->at_issuance, b->at_issuance, what + " at issuance");
    expect_same(a->at_time, b->at_time, what + " at time");
    ++compared;
  }
  EXPECT_GT(compared, 80);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Sets, ImportRealdata, ::testing::ValuesIn(kSets),
                         [](const auto& info) { return std::string("Set") + info.param.name; });

}  // namespace
}  // namespace eutl::cache
