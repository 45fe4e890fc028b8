// Anchors only ever help (verify/pivot_chain.cpp): a list of lists is trusted when its
// signer is an anchor OR is announced by a verified, older list of the chain, so a
// superset of anchors never makes a list invalid. On the real EU lists
// (realdata/MANIFEST.md and MANIFEST-2026.md):
// - OJ C 276/2019 -> pivot 282 (d2064fdd) -> 300 (d2064fdd; announces f7e8e4e5) ->
//   335 (f7e8e4e5; announces e0a620fb) -> 341 (e0a620fb) -> 378 (e0a620fb);
// - OJ C/2026/1944 names d2064fdd and e0a620fb (among 6), but not f7e8e4e5: pivot 335
//   is trusted only through what the verified pivot 300 announces.
#include <gtest/gtest.h>

#include <map>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

using test::find;
using test::realdata;

std::vector<tsl::Bytes> anchors(std::initializer_list<const char*> files) {
  std::vector<tsl::Bytes> out;
  for (const char* f : files) {
    auto a = load_pem_certificates(realdata() / "oj" / f);
    EXPECT_TRUE(a.has_value()) << f;
    if (a) {
      out.insert(out.end(), a->begin(), a->end());
    }
  }
  return out;
}

constexpr const char* kOj2019 = "oj-C276-2019-lotl-signers.pem";
constexpr const char* kOj2026 = "oj-C2026-1944-lotl-signers.pem";

ListSetResult run_with_anchors(const std::vector<std::filesystem::path>& paths, std::vector<tsl::Bytes> lotl_anchors,
                  const char* when) {
  ListSetRequest req;
  req.lotl_anchors = std::move(lotl_anchors);
  req.at = test::at(when);
  req.threads = 2;
  return verify_list_set(test::load_inputs(paths), req);
}

std::vector<std::filesystem::path> pivots(std::initializer_list<int> seqs) {
  std::vector<std::filesystem::path> out;
  for (int s : seqs) {
    out.push_back(realdata() / ("lotl/pivots/eu-lotl-pivot-" + std::to_string(s) + ".xml"));
  }
  return out;
}

bool has_warning(const VerifiedList& l, const std::string& code) {
  return std::any_of(l.warnings.begin(), l.warnings.end(), [&](const Reason& r) { return r.code == code; });
}

// Per list (by file name): status, reason codes and what authorised the signer.
std::map<std::string, std::string> outcomes(const ListSetResult& r) {
  std::map<std::string, std::string> out;
  for (const auto& l : r.lists) {
    std::string s = std::string(to_string(l.status)) + " [";
    for (const auto& reason : l.reasons) {
      s += reason.code + " ";
    }
    out[std::filesystem::path(l.source).filename().string()] = s + "]";
  }
  return out;
}

void expect_all_lists_of_lists_valid(const ListSetResult& r) {
  ASSERT_TRUE(r.lotl.has_value());
  for (const auto& l : r.lists) {
    if (l.kind == ListKind::kTl) {
      continue;
    }
    EXPECT_EQ(l.status, ListStatus::kValid) << l.source << ": " << test::codes(l);
    EXPECT_FALSE(has_warning(l, "pivot-not-on-chain")) << l.source;
    EXPECT_FALSE(l.signature.matched.empty()) << l.source;
  }
}

// The reproduction: OJ C/2026/1944 anchors sign LOTL 369 directly, and pivot 335 must
// still be valid through pivot 300.
TEST(ListSetAnchorUnion, Oj2026AnchorsWithLotl369AndItsPivots) {
  EUTL_REQUIRE_REALDATA();
  auto paths = pivots({282, 300, 335, 341});
  paths.push_back(realdata() / "lotl/eu-lotl-seq369-2025-07-31.xml");
  auto r = run_with_anchors(paths, anchors({kOj2026}), "2025-08-15T00:00:00Z");
  ASSERT_EQ(r.lists.size(), 5u);
  expect_all_lists_of_lists_valid(r);
  const auto* p335 = find(r, "eu-lotl-pivot-335.xml");
  ASSERT_NE(p335, nullptr);
  EXPECT_EQ(p335->kind, ListKind::kPivot);
  // MANIFEST: pivot 335 is signed by f7e8e4e5…, which pivot 300 announces.
  EXPECT_EQ(tsl::to_hex(*p335->signature.signer_sha256).substr(0, 16), "f7e8e4e554fb7c7a");
  EXPECT_EQ(p335->signature.matched, "pivot 300");
  EXPECT_EQ(r.lists[*r.lotl].list->scheme.sequence_number, 369u);
}

// The same lists with the 2019 anchors (the chain is needed) and with both sets.
TEST(ListSetAnchorUnion, Lotl369IsValidWithEitherOrBothAnchorSets) {
  EUTL_REQUIRE_REALDATA();
  auto paths = pivots({282, 300, 335, 341});
  paths.push_back(realdata() / "lotl/eu-lotl-seq369-2025-07-31.xml");
  auto old_only = run_with_anchors(paths, anchors({kOj2019}), "2025-08-15T00:00:00Z");
  auto both = run_with_anchors(paths, anchors({kOj2019, kOj2026}), "2025-08-15T00:00:00Z");
  expect_all_lists_of_lists_valid(old_only);
  expect_all_lists_of_lists_valid(both);
  EXPECT_EQ(outcomes(old_only), outcomes(both));
}

// 2023 set: the right anchors are OJ C 276/2019; adding OJ C/2026/1944 changes nothing.
TEST(ListSetAnchorUnion, Set2023SameResultsWithAddedAnchors) {
  EUTL_REQUIRE_REALDATA();
  auto paths = pivots({282, 300});
  paths.push_back(realdata() / "lotl/eu-lotl-seq332-2023-09-27.xml");
  paths.push_back(realdata() / "tl/2023");
  auto right = run_with_anchors(paths, anchors({kOj2019}), "2023-10-28T00:00:00Z");
  auto both = run_with_anchors(paths, anchors({kOj2019, kOj2026}), "2023-10-28T00:00:00Z");
  expect_all_lists_of_lists_valid(both);
  EXPECT_EQ(outcomes(right), outcomes(both));
  // MANIFEST: every 2023 list but FR seq 112 (expired) is valid.
  int valid = 0;
  for (const auto& l : both.lists) {
    valid += l.status == ListStatus::kValid ? 1 : 0;
  }
  EXPECT_EQ(valid, 32);
}

// 2026 set with every pivot LOTL 390 names: the right anchors are OJ C/2026/1944
// (LOTL 390's signer e0a620fb is one); adding OJ C 276/2019 changes nothing, and the
// 2019 anchors alone reach LOTL 390 through the chain.
TEST(ListSetAnchorUnion, Set2026SameResultsWithAddedAnchors) {
  EUTL_REQUIRE_REALDATA();
  auto paths = pivots({282, 300, 335, 341, 378});
  paths.push_back(realdata() / "lotl/eu-lotl-seq390-2026-08-03.xml");
  paths.push_back(realdata() / "tl/2026");
  auto right = run_with_anchors(paths, anchors({kOj2026}), "2026-08-22T00:00:00Z");
  auto both = run_with_anchors(paths, anchors({kOj2019, kOj2026}), "2026-08-22T00:00:00Z");
  auto old_only = run_with_anchors(paths, anchors({kOj2019}), "2026-08-22T00:00:00Z");
  expect_all_lists_of_lists_valid(right);
  expect_all_lists_of_lists_valid(both);
  expect_all_lists_of_lists_valid(old_only);
  EXPECT_EQ(outcomes(right), outcomes(both));
  EXPECT_EQ(outcomes(right), outcomes(old_only));
  // MANIFEST-2026: HR seq 52 and RO seq 84 are signed by certificates LOTL 390 does not list.
  for (const char* name : {"HR-seq52.xml", "RO-seq84.xml"}) {
    const auto* l = find(both, name);
    ASSERT_NE(l, nullptr);
    EXPECT_NE(l->status, ListStatus::kValid) << name;
  }
  const auto* ro83 = find(both, "RO-seq83.xml");
  ASSERT_NE(ro83, nullptr);
  EXPECT_EQ(ro83->status, ListStatus::kValid) << test::codes(*ro83);
}

// A missing pivot is not needed when the LOTL's signer is trusted anyway: a warning,
// not a reason, and the pivots that are given are still walked.
TEST(ListSetAnchorUnion, MissingPivotIsOnlyAWarningWhenTheLotlIsAnchored) {
  EUTL_REQUIRE_REALDATA();
  auto paths = pivots({282, 300, 341});  // 335 absent
  paths.push_back(realdata() / "lotl/eu-lotl-seq369-2025-07-31.xml");
  auto r = run_with_anchors(paths, anchors({kOj2026}), "2025-08-15T00:00:00Z");
  ASSERT_TRUE(r.lotl.has_value());
  const auto& lotl = r.lists[*r.lotl];
  EXPECT_EQ(lotl.status, ListStatus::kValid) << test::codes(lotl);
  EXPECT_TRUE(has_warning(lotl, "pivot-missing"));
  for (int seq : {282, 300, 341}) {
    const auto* p = find(r, "eu-lotl-pivot-" + std::to_string(seq) + ".xml");
    ASSERT_NE(p, nullptr);
    // 341's signer e0a620fb is an OJ C/2026/1944 anchor: valid without 335.
    EXPECT_EQ(p->status, ListStatus::kValid) << seq << ": " << test::codes(*p);
    EXPECT_FALSE(has_warning(*p, "pivot-not-on-chain")) << seq;
  }
}

}  // namespace
}  // namespace eutl::verify
