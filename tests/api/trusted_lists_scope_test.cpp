// eutl::TrustedLists::load with ListSource::scope (the one-off `eutl check --store`):
// from the model cache, only the lists that may hold an issuer of the certificate are
// decoded whole, and the decision, printed as `eutl check --json` prints it, is the
// one the whole set gives, for every real certificate against the real 2023 and 2026
// sets (listed, unlisted, issued under an expired list, look-alikes).
#include "eutl/trusted_lists.h"

#include <gtest/gtest.h>

#include "eutl/evidence_from_lists.h"
#include "tests/support/cli_stores.h"
#include "tests/support/instant.h"

namespace eutl {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> real_certificate_files() {
  std::vector<fs::path> out;
  for (const char* sub : {"qualified", "non-qualified", "ca", "untrusted"}) {
    for (const auto& e : fs::directory_iterator(test::realdata() / "certs" / sub)) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every real certificate decided at `at` against the store's whole set and against the
// lists its scope brings in: the same `check --json`.
void expect_scoped_decisions_equal_whole(const fs::path& store, tsl::TimePoint at) {
  auto whole = TrustedLists::load(ListSource{.store = store}, at);
  ASSERT_TRUE(whole) << whole.error().message;
  ASSERT_FALSE(whole->scoped());
  std::size_t decoded = 0;
  std::size_t checked = 0;
  for (const fs::path& file : real_certificate_files()) {
    SCOPED_TRACE(file.filename().string());
    auto certs = read_certificates(file);
    ASSERT_TRUE(certs) << certs.error().message;
    const std::vector<verify::CertificateProfile> chain(certs->begin() + 1, certs->end());
    std::vector<const verify::CertificateProfile*> all;
    for (const auto& c : *certs) {
      all.push_back(&c);
    }
    auto scoped = TrustedLists::load(ListSource{.store = store, .scope = cache::IssuerScope::of(all)}, at);
    ASSERT_TRUE(scoped) << scoped.error().message;
    EXPECT_TRUE(scoped->scoped());
    ASSERT_EQ(scoped->lists().size(), whole->lists().size());
    for (const auto& v : scoped->lists()) {
      decoded += v.list && !v.list->providers.empty() ? 1 : 0;
    }
    auto expected = whole->check(certs->front(), chain, at, std::nullopt);
    auto got = scoped->check(certs->front(), chain, at, std::nullopt);
    ASSERT_TRUE(expected && got);
    EXPECT_EQ(check_json(*scoped, certs->front(), *got), check_json(*whole, certs->front(), *expected));
    ++checked;
  }
  EXPECT_GT(checked, 80u);
  EXPECT_LT(decoded, checked * 3) << "about one or two lists per certificate, not all " << whole->lists().size();
}

TEST(TrustedListsScope, RealCertificatesDecideAsWithTheWhole2023Set) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = test::fresh_store_dir("scope-2023");
  auto r = test::import_real_2023_store(store);
  ASSERT_TRUE(fs::exists(store / "current")) << r.out;
  expect_scoped_decisions_equal_whole(store, test::at("2023-10-28T00:00:00Z"));
  fs::remove_all(store);
}

TEST(TrustedListsScope, RealCertificatesDecideAsWithTheWhole2026Set) {
  EUTL_REQUIRE_REALDATA();
  const fs::path store = test::fresh_store_dir("scope-2026");
  auto r = test::import_real_2026_store(store);
  ASSERT_TRUE(fs::exists(store / "current")) << r.out;
  expect_scoped_decisions_equal_whole(store, test::at(test::kReal2026At));
  fs::remove_all(store);
}

// A scope is for the current snapshot's model cache: a chosen snapshot is re-verified
// from its blobs whole, and the lists come whole.
TEST(TrustedListsScope, AChosenSnapshotIsLoadedWhole) {
  const fs::path store = test::fresh_store_dir("scope-chosen");
  auto r = test::import_fixture_lists(store);
  ASSERT_TRUE(fs::exists(store / "current")) << r.out;
  auto lists = TrustedLists::load(ListSource{.store = store, .snapshot = "current", .scope = cache::IssuerScope::of({})},
                                  test::at("2025-03-01T00:00:00Z"));
  ASSERT_TRUE(lists) << lists.error().message;
  EXPECT_FALSE(lists->scoped());
  EXPECT_GT(lists->index().services().size(), 0u);
  // The first load of the current snapshot writes its model cache; the next reads it.
  ASSERT_TRUE(TrustedLists::load(ListSource{.store = store}, test::at("2025-03-01T00:00:00Z")));
  auto current = TrustedLists::load(ListSource{.store = store, .scope = cache::IssuerScope::of({})},
                                    test::at("2025-03-01T00:00:00Z"));
  ASSERT_TRUE(current) << current.error().message;
  EXPECT_TRUE(current->scoped());
  EXPECT_EQ(current->index().services().size(), 0u) << "an empty scope brings in no list";
  fs::remove_all(store);
}

}  // namespace
}  // namespace eutl
