// verify_list_set against the real EU data in ../shared/realdata. Expected values come
// from realdata/MANIFEST.md (xmlsec1 CLI runs, DER comparison with the LOTL pointers).
#include <gtest/gtest.h>

#include <set>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

using test::at;
using test::find;
using test::has_reason;
using test::realdata;

std::vector<tsl::Bytes> oj_anchors() {
  auto a = load_pem_certificates(realdata() / "oj/oj-C276-2019-lotl-signers.pem");
  EXPECT_TRUE(a.has_value());
  return a ? *a : std::vector<tsl::Bytes>{};
}

ListSetResult verify_2023(const char* when, bool with_pivots = true) {
  std::vector<std::filesystem::path> paths{realdata() / "lotl/eu-lotl-seq332-2023-09-27.xml"};
  if (with_pivots) {
    paths.push_back(realdata() / "lotl/pivots/eu-lotl-pivot-282.xml");
    paths.push_back(realdata() / "lotl/pivots/eu-lotl-pivot-300.xml");
  }
  paths.push_back(realdata() / "tl/2023");
  ListSetRequest req;
  req.lotl_anchors = oj_anchors();
  req.at = at(when);
  req.threads = 2;
  return verify_list_set(test::load_inputs(paths), req);
}

TEST(ListSetRealData, Lotl332AnchoredThroughPivots282And300) {
  EUTL_REQUIRE_REALDATA();
  auto r = verify_2023("2023-10-28T00:00:00Z");
  ASSERT_TRUE(r.lotl.has_value());
  const auto& lotl = r.lists[*r.lotl];
  EXPECT_EQ(lotl.kind, ListKind::kLotl);
  EXPECT_EQ(lotl.status, ListStatus::kValid) << test::codes(lotl);
  ASSERT_TRUE(lotl.signature.signer_sha256.has_value());
  // MANIFEST: LOTL 332 signer sha256 f7e8e4e554fb7c7a…, announced by pivot 300.
  EXPECT_EQ(tsl::to_hex(*lotl.signature.signer_sha256).substr(0, 16), "f7e8e4e554fb7c7a");
  EXPECT_EQ(lotl.signature.matched, "pivot 300");
  for (const char* p : {"eu-lotl-pivot-282.xml", "eu-lotl-pivot-300.xml"}) {
    const auto* pivot = find(r, p);
    ASSERT_NE(pivot, nullptr);
    EXPECT_EQ(pivot->kind, ListKind::kPivot);
    // Pivots' NextUpdate (2021/2022) passed long ago: that must not fail the chain.
    EXPECT_EQ(pivot->status, ListStatus::kValid) << test::codes(*pivot);
    // MANIFEST: both pivots are signed by d2064fdd… (Patrick Kremer, OJ C 276/2019).
    EXPECT_EQ(tsl::to_hex(*pivot->signature.signer_sha256).substr(0, 16), "d2064fdd70f6982d");
  }
}

TEST(ListSetRealData, Lotl332FailsWithoutPivots) {
  EUTL_REQUIRE_REALDATA();
  auto r = verify_2023("2023-10-28T00:00:00Z", false);
  ASSERT_TRUE(r.lotl.has_value());
  const auto& lotl = r.lists[*r.lotl];
  EXPECT_EQ(lotl.status, ListStatus::kInvalid);
  EXPECT_TRUE(has_reason(lotl, "signer-not-trusted"));
  EXPECT_TRUE(has_reason(lotl, "pivot-missing"));
  // National lists cannot be trusted through an untrusted LOTL.
  const auto* at_list = find(r, "AT-seq63.xml");
  ASSERT_NE(at_list, nullptr);
  EXPECT_NE(at_list->status, ListStatus::kValid);
  EXPECT_TRUE(has_reason(*at_list, "lotl-not-valid"));
}

TEST(ListSetRealData, All2023ListsValidExceptFr112Expired) {
  EUTL_REQUIRE_REALDATA();
  auto r = verify_2023("2023-10-28T00:00:00Z");
  int tls = 0;
  for (const auto& l : r.lists) {
    if (l.kind != ListKind::kTl) continue;
    ++tls;
    ASSERT_TRUE(l.list.has_value()) << l.source;
    if (l.source.ends_with("FR-seq112.xml")) {
      // MANIFEST: FR seq 112 NextUpdate 2023-08-23, before the validation time.
      EXPECT_EQ(l.status, ListStatus::kExpired) << test::codes(l);
      EXPECT_TRUE(has_reason(l, "expired"));
      EXPECT_EQ(l.reasons.size(), 1u) << test::codes(l);
    } else {
      EXPECT_EQ(l.status, ListStatus::kValid) << l.source << ": " << test::codes(l);
      EXPECT_EQ(l.signature.matched, "pointer " + l.list->scheme.territory + " in LOTL 332") << l.source;
    }
  }
  EXPECT_EQ(tls, 30);
}

TEST(ListSetRealData, ListsIssuedAfterValidationTimeAreInvalid) {
  EUTL_REQUIRE_REALDATA();
  auto r = verify_2023("2023-10-01T00:00:00Z");
  // MANIFEST issue dates after 2023-10-01: CZ 10-13, EE 10-05, ES 10-24, HU 10-27, RO 10-18, SK 10-19.
  const std::set<std::string> later{"CZ-seq141.xml", "EE-seq62.xml", "ES-seq146.xml",
                                    "HU-seq76.xml",  "RO-seq61.xml", "SK-seq110.xml"};
  for (const auto& l : r.lists) {
    if (l.kind != ListKind::kTl) continue;
    std::string name = std::filesystem::path(l.source).filename().string();
    if (later.count(name)) {
      EXPECT_EQ(l.status, ListStatus::kInvalid) << name;
      EXPECT_TRUE(has_reason(l, "issued-in-future")) << name;
    } else {
      EXPECT_FALSE(has_reason(l, "issued-in-future")) << name;
    }
  }
}

TEST(ListSetRealData, Set2019AgainstLotl248) {
  EUTL_REQUIRE_REALDATA();
  ListSetRequest req;
  req.lotl_anchors = oj_anchors();
  req.at = at("2019-09-05T00:00:00Z");
  auto r = verify_list_set(
      test::load_inputs({realdata() / "lotl/eu-lotl-seq248-2019-09-04.xml", realdata() / "tl/2019"}), req);
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists[*r.lotl].status, ListStatus::kValid) << test::codes(r.lists[*r.lotl]);
  for (const auto& l : r.lists) {
    if (l.kind != ListKind::kTl) continue;
    if (l.source.ends_with("NL-seq41.xml")) {
      EXPECT_EQ(l.status, ListStatus::kExpired) << test::codes(l);
    } else if (l.source.ends_with("FR-seq59.xml")) {
      // MANIFEST: FR changed signer; seq 59's signer is only in LOTL 250.
      EXPECT_TRUE(has_reason(l, "signer-not-in-pointer")) << test::codes(l);
    } else {
      EXPECT_EQ(l.status, ListStatus::kValid) << l.source << ": " << test::codes(l);
    }
  }
}

TEST(ListSetRealData, Fr59ValidAgainstLotl250) {
  EUTL_REQUIRE_REALDATA();
  ListSetRequest req;
  req.lotl_anchors = oj_anchors();
  req.at = at("2019-10-10T00:00:00Z");  // FR seq 59 was issued 2019-10-09
  auto r = verify_list_set(test::load_inputs({realdata() / "lotl/eu-lotl-seq250-2019-10-04.xml",
                                              realdata() / "tl/2019/FR-seq59.xml"}),
                           req);
  const auto* fr = find(r, "FR-seq59.xml");
  ASSERT_NE(fr, nullptr);
  EXPECT_EQ(fr->status, ListStatus::kValid) << test::codes(*fr);
}

struct BrokenCase {
  const char* file;
  const char* code;
};

// Each file's defect from MANIFEST.md; all are checked against LOTL 248 at 2019-09-05.
const BrokenCase kBroken[] = {
    {"CZ-seq77-broken-sig.xml", "sig-digest-mismatch"},
    {"CZ-seq77-no-sig.xml", "sig-missing"},
    {"CZ-seq77-not-compliant.xml", "sig-digest-mismatch"},
    {"CZ-seq77-not-parsable.xml", "not-wellformed"},
    {"CZ-seq77-two-sigs.xml", "sig-multiple"},
    {"FR-seq65-docusign-excerpt.xml", "sig-digest-mismatch"},
    {"SK-seq95-altered-trust-service.xml", "sig-digest-mismatch"},
    {"SK-seq95-altered-tsp.xml", "sig-digest-mismatch"},
    {"eu-lotl-seq248-broken-sig.xml", "sig-digest-mismatch"},
    {"eu-lotl-seq248-non-compliant.xml", "sig-digest-mismatch"},
    {"eu-lotl-seq248-not-parsable.xml", "not-wellformed"},
    {"tl-pivot-191-mp-broken-sig.xml", "sig-digest-mismatch"},
    {"tl-pivot-247-mp-missing-pivot.xml", "sig-digest-mismatch"},
};

TEST(ListSetRealData, EveryBrokenFileFailsWithItsReason) {
  EUTL_REQUIRE_REALDATA();
  for (const auto& c : kBroken) {
    ListSetRequest req;
    req.lotl_anchors = oj_anchors();
    req.at = at("2019-09-05T00:00:00Z");
    auto r = verify_list_set(test::load_inputs({realdata() / "lotl/eu-lotl-seq248-2019-09-04.xml",
                                                realdata() / "broken" / c.file}),
                             req);
    const auto* l = find(r, c.file);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->status, ListStatus::kInvalid) << c.file << ": " << test::codes(*l);
    EXPECT_TRUE(has_reason(*l, c.code)) << c.file << ": " << test::codes(*l);
  }
}

TEST(ListSetRealData, MissingPivotIsReportedWhenTheBrokenPivotIsTheLotl) {
  EUTL_REQUIRE_REALDATA();
  // Alone, the doctored pivot 247 is the newest list of lists. MANIFEST: its content
  // was changed (refs 0/1) and it announces a pivot 227 that never existed.
  ListSetRequest req;
  req.lotl_anchors = oj_anchors();
  req.at = at("2019-09-05T00:00:00Z");
  auto r = verify_list_set(test::load_inputs({realdata() / "broken/tl-pivot-247-mp-missing-pivot.xml"}), req);
  ASSERT_TRUE(r.lotl.has_value());
  const auto& l = r.lists[*r.lotl];
  EXPECT_EQ(l.status, ListStatus::kInvalid);
  EXPECT_TRUE(has_reason(l, "sig-digest-mismatch")) << test::codes(l);
  bool names_227 = false;
  for (const auto* list : {&l.reasons, &l.warnings}) {
    for (const auto& reason : *list) {
      names_227 = names_227 || (reason.code == "pivot-missing" &&
                                reason.message.find("tl-pivot-227-mp.xml") != std::string::npos);
    }
  }
  EXPECT_TRUE(names_227) << test::codes(l);
}

TEST(ListSetRealData, StructureWarningsPassThroughForLv41) {
  EUTL_REQUIRE_REALDATA();
  auto r = verify_2023("2023-10-28T00:00:00Z");
  const auto* lv = find(r, "LV-seq41.xml");
  ASSERT_NE(lv, nullptr);
  EXPECT_EQ(lv->status, ListStatus::kValid);
  bool uri_warning = std::any_of(lv->warnings.begin(), lv->warnings.end(),
                                 [](const Reason& w) { return w.code == "uri-malformed"; });
  EXPECT_TRUE(uri_warning);
}

}  // namespace
}  // namespace eutl::verify
