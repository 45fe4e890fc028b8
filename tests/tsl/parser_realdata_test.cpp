// Every real trusted list under ../shared/realdata parses, and what we read matches
// facts computed independently of our parser.
//
// How the table was computed (once, when this test was written; NOT from our output):
// for each file F, xmllint (libxml2 20914) with namespace-checked XPath, where
// e(X) = *[local-name()="X" and namespace-uri()="http://uri.etsi.org/02231/v2#"],
// R = /e(TrustServiceStatusList), SI = R/e(SchemeInformation),
// SVC = R/e(TrustServiceProviderList)/e(TrustServiceProvider)/e(TSPServices)/e(TSPService):
//   sequence    normalize-space(SI/e(TSLSequenceNumber))
//   territory   normalize-space(SI/e(SchemeTerritory))
//   version     normalize-space(SI/e(TSLVersionIdentifier))
//   tsps        count(R/e(TrustServiceProviderList)/e(TrustServiceProvider))
//   services    count(SVC)
//   certs       count(SVC/e(ServiceInformation)/e(ServiceDigitalIdentity)/e(DigitalId)/e(X509Certificate))
//   pointers    count(SI/e(PointersToOtherTSL)/e(OtherTSLPointer))
//   ptr_certs   count(SI/e(PointersToOtherTSL)/e(OtherTSLPointer)/e(ServiceDigitalIdentities)
//                     /e(ServiceDigitalIdentity)/e(DigitalId)/e(X509Certificate))
//   history     count(SVC/e(ServiceHistory)/e(ServiceHistoryInstance))
//   issued      normalize-space(SI/e(ListIssueDateTime))
//   next        normalize-space(SI/e(NextUpdate)/e(dateTime))   ("" = closed list)
// e.g. xmllint --xpath 'count(/*[local-name()="TrustServiceStatusList" and namespace-uri()=
//      "http://uri.etsi.org/02231/v2#"]/...)' tl/2023/AT-seq63.xml
// Cross-checks: sequence/version/issue/nextUpdate agree with MANIFEST.md; SK-seq95's 214
// certificates agree with DSS SKCertificateTest ("214 trusted certs loaded from the TL").
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "eutl/tsl/parser.h"
#include "tests/test_paths.h"

namespace eutl::tsl {
namespace {

struct ListFacts {
  const char* file;  // relative to realdata/
  std::uint64_t sequence;
  const char* territory;
  int version;
  std::size_t tsps;
  std::size_t services;
  std::size_t certs;
  std::size_t pointers;
  std::size_t pointer_certs;
  std::size_t history;
  const char* issued;
  const char* next_update;  // "" for a closed list
};

// clang-format off
constexpr ListFacts kFacts[] = {
    {"lotl/eu-lotl-seq248-2019-09-04.xml", 248, "EU", 5, 0, 0, 0, 44, 119, 0, "2019-09-04T08:00:00Z", "2020-03-04T00:00:00Z"},
    {"lotl/eu-lotl-seq250-2019-10-04.xml", 250, "EU", 5, 0, 0, 0, 44, 121, 0, "2019-10-04T11:00:00Z", "2020-04-04T00:00:00Z"},
    {"lotl/eu-lotl-seq332-2023-09-27.xml", 332, "EU", 5, 0, 0, 0, 43, 151, 0, "2023-09-27T09:00:29Z", "2024-03-26T10:00:29Z"},
    {"lotl/eu-lotl-seq369-2025-07-31.xml", 369, "EU", 5, 0, 0, 0, 43, 144, 0, "2025-07-31T12:55:53Z", "2026-01-21T13:55:53Z"},
    {"lotl/eu-lotl-seq385-2026-04-15.xml", 385, "EU", 5, 0, 0, 0, 43, 146, 0, "2026-04-15T06:30:37Z", "2026-10-07T13:33:37Z"},
    {"lotl/eu-lotl-seq386-2026-04-28.xml", 386, "EU", 6, 0, 0, 0, 43, 145, 0, "2026-04-28T21:59:59Z", "2026-10-21T13:10:30Z"},
    {"lotl/eu-lotl-seq388-2026-05-22.xml", 388, "EU", 6, 0, 0, 0, 43, 147, 0, "2026-05-22T13:16:35Z", "2026-11-18T12:16:35Z"},
    {"lotl/eu-lotl-seq390-2026-08-03.xml", 390, "EU", 6, 0, 0, 0, 43, 147, 0, "2026-08-03T13:16:38Z", "2027-01-27T13:16:38Z"},
    {"lotl/pivots/eu-lotl-pivot-282.xml", 282, "EU", 5, 0, 0, 0, 44, 125, 0, "2021-02-09T09:00:00Z", "2021-08-08T00:00:00Z"},
    {"lotl/pivots/eu-lotl-pivot-300.xml", 300, "EU", 5, 0, 0, 0, 43, 135, 0, "2021-10-25T08:30:00Z", "2022-04-24T08:30:00Z"},
    {"lotl/pivots/eu-lotl-pivot-335.xml", 335, "EU", 5, 0, 0, 0, 43, 158, 0, "2023-11-24T07:00:44Z", "2024-05-22T06:00:44Z"},
    {"lotl/pivots/eu-lotl-pivot-341.xml", 341, "EU", 5, 0, 0, 0, 43, 151, 0, "2024-05-31T08:10:34Z", "2024-12-01T09:10:34Z"},
    {"lotl/pivots/tl-pivot-172-mp.xml", 172, "EU", 5, 0, 0, 0, 47, 117, 0, "2017-05-16T04:00:00Z", "2017-11-15T00:00:00Z"},
    {"lotl/pivots/tl-pivot-191-mp.xml", 191, "EU", 5, 0, 0, 0, 46, 120, 0, "2017-12-12T07:00:00Z", "2018-06-08T00:00:00Z"},
    {"lotl/pivots/tl-pivot-226-mp.xml", 226, "EU", 5, 0, 0, 0, 46, 132, 0, "2018-12-17T10:00:00Z", "2019-06-14T00:00:00Z"},
    {"lotl/pivots/tl-pivot-247-mp.xml", 247, "EU", 5, 0, 0, 0, 44, 121, 0, "2019-08-13T06:00:00Z", "2020-02-13T00:00:00Z"},
    {"lotl/pivots/eu-lotl-pivot-378.xml", 378, "EU", 5, 0, 0, 0, 43, 145, 0, "2026-01-21T07:23:26Z", "2026-07-15T12:23:26Z"},
    {"tl/2019/AT-seq42.xml", 42, "AT", 5, 7, 33, 39, 1, 8, 44, "2019-08-26T01:00:00Z", "2020-02-26T00:00:00Z"},
    {"tl/2019/BE-seq43.xml", 43, "BE", 5, 9, 26, 27, 1, 8, 18, "2019-06-13T00:00:00Z", "2019-12-13T00:00:00Z"},
    {"tl/2019/BG-seq27.xml", 27, "BG", 5, 7, 56, 58, 1, 8, 65, "2019-09-03T01:00:00Z", "2020-03-03T00:00:00Z"},
    {"tl/2019/CY-seq31.xml", 31, "CY", 5, 1, 2, 2, 1, 8, 0, "2019-07-17T01:00:00Z", "2020-01-17T00:00:00Z"},
    {"tl/2019/CZ-seq77.xml", 77, "CZ", 5, 6, 133, 133, 1, 8, 74, "2019-08-23T08:00:00Z", "2020-02-23T00:00:00Z"},
    {"tl/2019/DK-seq22.xml", 22, "DK", 5, 1, 1, 1, 1, 8, 1, "2019-08-05T01:00:00Z", "2020-02-05T00:00:00Z"},
    {"tl/2019/EL-seq42.xml", 42, "EL", 5, 5, 59, 59, 1, 8, 32, "2019-07-24T01:00:00Z", "2020-01-24T00:00:00Z"},
    {"tl/2019/ES-seq88.xml", 88, "ES", 5, 33, 149, 177, 1, 8, 212, "2019-08-08T01:00:00Z", "2020-02-08T00:00:00Z"},
    {"tl/2019/FI-seq32.xml", 32, "FI", 5, 1, 7, 7, 1, 8, 5, "2019-08-12T01:00:00Z", "2020-02-12T00:00:00Z"},
    {"tl/2019/FR-seq56.xml", 56, "FR", 5, 24, 121, 126, 1, 8, 127, "2019-09-04T01:00:00Z", "2020-03-04T00:00:00Z"},
    {"tl/2019/FR-seq59.xml", 59, "FR", 5, 24, 125, 130, 1, 8, 129, "2019-10-09T01:00:00Z", "2020-04-09T00:00:00Z"},
    {"tl/2019/HR-seq27.xml", 27, "HR", 5, 3, 17, 17, 1, 8, 22, "2019-06-12T01:00:00Z", "2019-12-12T00:00:00Z"},
    {"tl/2019/HU-seq51.xml", 51, "HU", 5, 8, 262, 281, 1, 8, 349, "2019-09-03T14:00:00Z", "2020-02-01T11:00:00Z"},
    {"tl/2019/IE-seq17.xml", 17, "IE", 5, 3, 4, 4, 1, 8, 2, "2019-07-29T01:00:00Z", "2020-01-29T00:00:00Z"},
    {"tl/2019/IS-seq13.xml", 13, "IS", 5, 1, 3, 4, 1, 8, 3, "2019-06-14T01:00:00Z", "2019-12-14T00:00:00Z"},
    {"tl/2019/IT-seq141.xml", 141, "IT", 5, 48, 363, 363, 1, 8, 573, "2019-09-04T08:00:00Z", "2020-02-27T00:00:00Z"},
    {"tl/2019/LI-seq30.xml", 30, "LI", 5, 4, 9, 9, 1, 8, 15, "2019-08-26T01:00:00Z", "2020-02-26T00:00:00Z"},
    {"tl/2019/LT-seq50.xml", 50, "LT", 5, 5, 51, 51, 1, 8, 97, "2019-07-18T01:00:00Z", "2020-01-18T00:00:00Z"},
    {"tl/2019/LU-seq37.xml", 37, "LU", 5, 3, 11, 11, 1, 8, 24, "2019-08-07T01:00:00Z", "2020-02-07T00:00:00Z"},
    {"tl/2019/LV-seq28.xml", 28, "LV", 5, 1, 25, 25, 1, 8, 41, "2019-09-02T01:00:00Z", "2020-03-02T00:00:00Z"},
    {"tl/2019/MT-seq30.xml", 30, "MT", 5, 2, 5, 5, 1, 8, 6, "2019-07-15T01:00:00Z", "2020-01-15T00:00:00Z"},
    {"tl/2019/NL-seq41.xml", 41, "NL", 5, 11, 50, 50, 1, 8, 93, "2019-01-24T12:00:00Z", "2019-07-24T08:00:00Z"},
    {"tl/2019/NO-seq50.xml", 50, "NO", 5, 14, 30, 31, 1, 8, 41, "2019-09-02T01:00:00Z", "2020-03-02T00:00:00Z"},
    {"tl/2019/PL-seq110.xml", 110, "PL", 5, 10, 102, 104, 1, 8, 133, "2019-08-26T01:00:00Z", "2019-11-25T00:00:00Z"},
    {"tl/2019/PT-seq49.xml", 49, "PT", 5, 9, 51, 53, 1, 8, 53, "2019-09-03T01:00:00Z", "2020-02-29T00:00:00Z"},
    {"tl/2019/SE-seq32.xml", 32, "SE", 5, 2, 5, 5, 1, 8, 6, "2019-06-24T01:00:00Z", "2019-12-24T00:00:00Z"},
    {"tl/2019/SI-seq37.xml", 37, "SI", 5, 7, 60, 60, 1, 8, 62, "2019-08-20T00:00:00Z", "2020-02-20T00:00:00Z"},
    {"tl/2019/SK-seq59.xml", 59, "SK", 5, 6, 116, 143, 1, 8, 65, "2019-08-23T07:00:00Z", "2020-02-19T00:00:00Z"},
    {"tl/2019/UK-seq20.xml", 20, "UK", 5, 16, 19, 9, 1, 8, 21, "2019-08-31T01:00:00Z", "2020-02-29T00:00:00Z"},
    {"tl/2023/AT-seq63.xml", 63, "AT", 5, 7, 80, 93, 1, 6, 46, "2023-09-21T18:59:08Z", "2024-03-21T19:59:08Z"},
    {"tl/2023/BE-seq66.xml", 66, "BE", 5, 15, 99, 105, 1, 6, 32, "2023-09-19T00:00:24Z", "2024-03-18T01:00:24Z"},
    {"tl/2023/BG-seq45.xml", 45, "BG", 5, 7, 77, 77, 1, 6, 77, "2023-09-04T07:23:59Z", "2024-03-04T08:23:59Z"},
    {"tl/2023/CY-seq45.xml", 45, "CY", 5, 1, 8, 8, 1, 6, 2, "2023-08-02T08:15:37Z", "2024-02-02T09:15:37Z"},
    {"tl/2023/CZ-seq141.xml", 141, "CZ", 5, 8, 340, 340, 1, 6, 75, "2023-10-13T08:30:00Z", "2024-04-10T08:30:07Z"},
    {"tl/2023/DK-seq33.xml", 33, "DK", 5, 3, 13, 13, 1, 7, 1, "2023-07-10T07:40:14Z", "2024-01-10T08:40:14Z"},
    {"tl/2023/EE-seq62.xml", 62, "EE", 5, 2, 54, 56, 1, 6, 70, "2023-10-05T01:00:07Z", "2024-04-05T01:00:07Z"},
    {"tl/2023/EL-seq69.xml", 69, "EL", 5, 5, 120, 120, 1, 6, 65, "2023-07-24T12:30:21Z", "2024-01-24T13:30:21Z"},
    {"tl/2023/ES-seq146.xml", 146, "ES", 5, 60, 302, 329, 1, 6, 285, "2023-10-24T00:00:00Z", "2024-04-13T00:00:00Z"},
    {"tl/2023/FI-seq45.xml", 45, "FI", 5, 1, 19, 19, 1, 6, 9, "2023-09-27T10:14:32Z", "2024-03-27T11:14:32Z"},
    {"tl/2023/FR-seq112.xml", 112, "FR", 5, 33, 190, 199, 1, 6, 198, "2023-02-23T01:00:07Z", "2023-08-23T00:00:07Z"},
    {"tl/2023/HR-seq48.xml", 48, "HR", 5, 4, 32, 32, 1, 6, 25, "2023-09-01T12:40:12Z", "2024-03-01T13:40:12Z"},
    {"tl/2023/HU-seq76.xml", 76, "HU", 5, 10, 295, 322, 1, 6, 354, "2023-10-27T12:00:00Z", "2024-04-23T12:00:00Z"},
    {"tl/2023/IE-seq29.xml", 29, "IE", 5, 4, 8, 10, 1, 6, 4, "2023-06-21T14:42:42Z", "2023-12-21T15:42:42Z"},
    {"tl/2023/IS-seq24.xml", 24, "IS", 5, 2, 5, 6, 1, 6, 3, "2023-09-18T10:30:20Z", "2024-03-18T11:30:20Z"},
    {"tl/2023/IT-seq194.xml", 194, "IT", 5, 53, 451, 451, 1, 7, 606, "2023-09-26T01:00:00Z", "2024-03-26T00:00:00Z"},
    {"tl/2023/LI-seq40.xml", 40, "LI", 5, 4, 9, 9, 1, 6, 20, "2023-09-27T10:15:49Z", "2024-03-27T11:15:49Z"},
    {"tl/2023/LT-seq66.xml", 66, "LT", 5, 8, 64, 64, 1, 6, 99, "2023-06-02T10:38:04Z", "2023-12-02T11:38:04Z"},
    {"tl/2023/LU-seq51.xml", 51, "LU", 5, 3, 19, 19, 1, 6, 30, "2023-09-15T06:20:26Z", "2024-03-15T07:20:26Z"},
    {"tl/2023/LV-seq41.xml", 41, "LV", 5, 1, 29, 29, 1, 7, 50, "2023-09-12T01:00:00Z", "2024-03-12T00:00:00Z"},
    {"tl/2023/MT-seq46.xml", 46, "MT", 5, 3, 7, 9, 1, 6, 7, "2023-08-29T12:03:57Z", "2024-02-29T13:03:57Z"},
    {"tl/2023/NL-seq65.xml", 65, "NL", 5, 13, 74, 84, 1, 6, 125, "2023-09-28T12:00:15Z", "2024-03-28T13:00:15Z"},
    {"tl/2023/NO-seq71.xml", 71, "NO", 5, 14, 46, 47, 1, 6, 49, "2023-09-28T12:32:17Z", "2024-03-28T13:32:17Z"},
    {"tl/2023/PL-seq139.xml", 139, "PL", 5, 12, 114, 118, 1, 6, 136, "2023-09-19T08:03:51Z", "2023-12-19T09:03:51Z"},
    {"tl/2023/PT-seq79.xml", 79, "PT", 5, 10, 88, 90, 1, 6, 72, "2023-09-12T13:09:31Z", "2024-03-12T14:09:31Z"},
    {"tl/2023/RO-seq61.xml", 61, "RO", 5, 7, 123, 127, 1, 6, 97, "2023-10-18T09:31:34Z", "2024-04-18T09:31:34Z"},
    {"tl/2023/SE-seq48.xml", 48, "SE", 5, 3, 7, 7, 1, 6, 6, "2023-06-02T13:59:56Z", "2023-12-02T14:59:56Z"},
    {"tl/2023/SI-seq69.xml", 69, "SI", 5, 9, 83, 83, 1, 6, 100, "2023-06-28T13:53:06Z", "2023-12-28T14:53:06Z"},
    {"tl/2023/SK-seq110.xml", 110, "SK", 5, 10, 169, 238, 1, 6, 65, "2023-10-19T12:00:00Z", "2024-03-07T01:00:10Z"},
    {"tl/2023/UK-seq25.xml", 25, "UK", 5, 16, 19, 9, 1, 8, 27, "2020-12-31T22:59:59Z", ""},
    {"tl/other/DE-seq22-2015.xml", 22, "DE", 4, 14, 413, 413, 2, 4, 111, "2015-08-12T10:00:00Z", "2016-02-10T23:00:00Z"},
    {"tl/other/FI-seq49-v5-2024.xml", 49, "FI", 5, 1, 19, 19, 1, 7, 14, "2024-11-14T08:11:01Z", "2025-05-14T07:11:01Z"},
    {"tl/other/FI-seq49-v6-2024.xml", 49, "FI", 6, 1, 19, 19, 1, 7, 14, "2024-11-14T08:11:01Z", "2025-05-14T07:11:01Z"},
    {"tl/other/IS-seq35-v6-2025.xml", 35, "IS", 6, 2, 7, 8, 1, 7, 3, "2025-08-25T13:10:00Z", "2026-02-24T13:10:00Z"},
    {"tl/other/IE-seq18-2019.xml", 18, "IE", 5, 3, 4, 4, 1, 8, 2, "2019-09-04T01:00:00Z", "2020-03-04T00:00:00Z"},
    {"tl/other/SK-seq95-2022.xml", 95, "SK", 5, 9, 156, 214, 1, 6, 65, "2022-10-19T12:00:00Z", "2023-02-14T12:00:00Z"},
};
// clang-format on

Result<TrustedList> load(const std::filesystem::path& path) {
  auto bytes = read_file(path);
  if (!bytes) {
    return std::move(bytes).error();
  }
  auto doc = XmlDocument::parse(*bytes, path.string());
  if (!doc) {
    return std::move(doc).error();
  }
  return read_trusted_list(*doc);
}

std::size_t history_count(const TrustedList& l) {
  std::size_t n = 0;
  for (const auto& p : l.providers) {
    for (const auto& s : p.services) n += s.history.size();
  }
  return n;
}

std::size_t pointer_cert_count(const TrustedList& l) {
  std::size_t n = 0;
  for (const auto& p : l.scheme.pointers) n += p.certificate_count();
  return n;
}

class RealdataParse : public ::testing::TestWithParam<ListFacts> {};

TEST_P(RealdataParse, MatchesXpathFacts) {
  EUTL_REQUIRE_REALDATA();
  const ListFacts& f = GetParam();
  auto list = load(test::realdata() / f.file);
  ASSERT_TRUE(list) << list.error().message;
  const SchemeInformation& s = list->scheme;
  EXPECT_EQ(s.sequence_number, f.sequence);
  EXPECT_EQ(s.territory, f.territory);
  EXPECT_EQ(s.version, f.version);
  EXPECT_EQ(list->providers.size(), f.tsps);
  EXPECT_EQ(list->service_count(), f.services);
  EXPECT_EQ(list->certificate_count(), f.certs);
  EXPECT_EQ(s.pointers.size(), f.pointers);
  EXPECT_EQ(pointer_cert_count(*list), f.pointer_certs);
  EXPECT_EQ(history_count(*list), f.history);
  EXPECT_EQ(format_time(s.issue_date), f.issued);
  EXPECT_EQ(format_time(s.next_update, ""), f.next_update);
  EXPECT_EQ(list->is_lotl(), std::string_view(f.territory) == "EU");
  EXPECT_TRUE(list->has_signature);
  // Every certificate the list holds was decoded: none reported as unparsable.
  for (const auto& w : list->warnings) {
    EXPECT_NE(w.code, "cert-unparsable") << w.message;
    EXPECT_NE(w.code, "cert-base64") << w.message;
  }
}

std::string test_name(const ::testing::TestParamInfo<ListFacts>& info) {
  std::string name = info.param.file;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllLists, RealdataParse, ::testing::ValuesIn(kFacts), test_name);

// The table covers every list in the judged directories: a file added later without
// facts fails here instead of being skipped.
TEST(RealdataParseTable, CoversEveryFile) {
  EUTL_REQUIRE_REALDATA();
  std::set<std::string> in_table;
  for (const auto& f : kFacts) in_table.insert(f.file);
  for (const char* dir : {"lotl", "lotl/pivots", "tl/2019", "tl/2023", "tl/other"}) {
    for (const auto& e : std::filesystem::directory_iterator(test::realdata() / dir)) {
      if (e.is_regular_file() && e.path().extension() == ".xml") {
        std::string rel = std::string(dir) + "/" + e.path().filename().string();
        EXPECT_TRUE(in_table.count(rel)) << rel << " has no row in kFacts";
      }
    }
  }
  EXPECT_EQ(in_table.size(), std::size(kFacts));
}

// LOTL 332 pointer details, from
//   xmllint --xpath '//*[local-name()="OtherTSLPointer"]//*[local-name()="SchemeTerritory"]/text()'
//   xmllint --xpath '//*[local-name()="OtherTSLPointer"]//*[local-name()="MimeType"]/text()' | sort | uniq -c
//   xmllint --xpath '(//*[local-name()="OtherTSLPointer"])[1]/*[local-name()="TSLLocation"]/text()'
//   xmllint --xpath 'count((//*[local-name()="OtherTSLPointer"])[1]//*[local-name()="X509Certificate"])'
TEST(RealdataParseLotl332, PointerDetails) {
  EUTL_REQUIRE_REALDATA();
  auto list = load(test::realdata() / "lotl/eu-lotl-seq332-2023-09-27.xml");
  ASSERT_TRUE(list) << list.error().message;
  std::string territories;
  std::size_t xml = 0;
  std::size_t pdf = 0;
  for (const auto& p : list->scheme.pointers) {
    territories += p.territory + " ";
    xml += p.mime_type == "application/vnd.etsi.tsl+xml";
    pdf += p.mime_type == "application/pdf";
  }
  EXPECT_EQ(territories,
            "EU AT BE BG BG CY CZ CZ DE DK DK EE EE EL ES ES FI FR FR HR HU HU IE IS IS IT LI LT LU LU LV MT NL NO NO "
            "PL PT PT RO SE SI SK UK ");
  EXPECT_EQ(xml, 32u);
  EXPECT_EQ(pdf, 11u);
  ASSERT_FALSE(list->scheme.pointers.empty());
  const auto& first = list->scheme.pointers.front();
  EXPECT_EQ(first.location, "https://ec.europa.eu/tools/lotl/eu-lotl.xml");
  EXPECT_EQ(first.certificate_count(), 6u);
  EXPECT_EQ(first.identities.size(), 6u);
  EXPECT_EQ(first.tsl_type, TslType::kEuListOfLists);
}

}  // namespace
}  // namespace eutl::tsl
