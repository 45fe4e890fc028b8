// ../shared/realdata/broken/: lists that are tampered, unsigned or not well-formed.
// Those that are not well-formed XML are refused with "FILE:LINE: what"; the others are
// well-formed trusted lists and read fine (their faults show at signature verification).
//
// Expected values from `xmllint --noout broken/F` (exit status 1 and the first
// "F:LINE: parser error : ..." line) and MANIFEST.md ("NOT PARSEABLE XML (mismatched
// tag: line 596 ...)"), not from our parser.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "eutl/tsl/parser.h"
#include "tests/test_paths.h"

namespace eutl::tsl {
namespace {

struct BrokenCase {
  const char* file;
  bool well_formed;
  long error_line;           // first error line reported by xmllint (not well-formed only)
  const char* error_excerpt;  // what xmllint says there
};

constexpr BrokenCase kBroken[] = {
    {"CZ-seq77-broken-sig.xml", true, 0, ""},
    {"CZ-seq77-no-sig.xml", true, 0, ""},
    {"CZ-seq77-not-compliant.xml", true, 0, ""},
    {"CZ-seq77-not-parsable.xml", false, 596, "Opening and ending tag mismatch: ServiceHistoryInstance"},
    {"CZ-seq77-two-sigs.xml", true, 0, ""},
    {"FR-seq65-docusign-excerpt.xml", true, 0, ""},
    {"SK-seq95-altered-trust-service.xml", true, 0, ""},
    {"SK-seq95-altered-tsp.xml", true, 0, ""},
    {"eu-lotl-seq248-broken-sig.xml", true, 0, ""},
    {"eu-lotl-seq248-non-compliant.xml", true, 0, ""},
    {"eu-lotl-seq248-not-parsable.xml", false, 2056, "Opening and ending tag mismatch: SchemeOperatorName"},
    {"tl-pivot-191-mp-broken-sig.xml", true, 0, ""},
    {"tl-pivot-247-mp-missing-pivot.xml", true, 0, ""},
};

class RealdataBroken : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(RealdataBroken, RefusedOnlyWhenNotWellFormed) {
  EUTL_REQUIRE_REALDATA();
  const BrokenCase& c = GetParam();
  auto path = test::realdata() / "broken" / c.file;
  auto bytes = read_file(path);
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto list = parse_trusted_list(*bytes, path.string());
  if (c.well_formed) {
    EXPECT_TRUE(list) << list.error().message;
    return;
  }
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, Errc::kMalformed);
  const std::string prefix = path.string() + ":" + std::to_string(c.error_line) + ": ";
  EXPECT_EQ(list.error().message.substr(0, prefix.size()), prefix) << list.error().message;
  EXPECT_NE(list.error().message.find(c.error_excerpt), std::string::npos) << list.error().message;
  EXPECT_EQ(list.error().message.find('\n'), std::string::npos) << "one line";
}

std::string broken_name(const ::testing::TestParamInfo<BrokenCase>& info) {
  std::string name = info.param.file;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllBroken, RealdataBroken, ::testing::ValuesIn(kBroken), broken_name);

TEST(RealdataBrokenTable, CoversEveryFile) {
  EUTL_REQUIRE_REALDATA();
  std::set<std::string> in_table;
  for (const auto& c : kBroken) in_table.insert(c.file);
  std::size_t on_disk = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::realdata() / "broken")) {
    if (e.path().extension() == ".xml") {
      ++on_disk;
      EXPECT_TRUE(in_table.count(e.path().filename().string())) << e.path();
    }
  }
  EXPECT_EQ(on_disk, std::size(kBroken));
}

// CZ-seq77-not-compliant lacks TSLVersionIdentifier (diff against tl/2019/CZ-seq77.xml):
// readable, version 0, and the omission is reported.
TEST(RealdataBroken, MissingVersionIsAWarning) {
  EUTL_REQUIRE_REALDATA();
  auto path = test::realdata() / "broken/CZ-seq77-not-compliant.xml";
  auto bytes = read_file(path);
  ASSERT_TRUE(bytes);
  auto list = parse_trusted_list(*bytes, path.string());
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->scheme.version, 0);
  EXPECT_EQ(list->scheme.sequence_number, 77u);
  bool warned = false;
  for (const auto& w : list->warnings) warned = warned || w.code == "version-missing";
  EXPECT_TRUE(warned);
}

// CZ-seq77-no-sig has its ds:Signature removed (MANIFEST: "UNSIGNED (no ds:Signature)").
TEST(RealdataBroken, UnsignedListHasNoSignature) {
  EUTL_REQUIRE_REALDATA();
  auto path = test::realdata() / "broken/CZ-seq77-no-sig.xml";
  auto bytes = read_file(path);
  ASSERT_TRUE(bytes);
  auto list = parse_trusted_list(*bytes, path.string());
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_FALSE(list->has_signature);
}

}  // namespace
}  // namespace eutl::tsl
