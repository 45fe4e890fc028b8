// Readable names of the TS 119 612 service type identifiers (tsl/service_type_names.cpp):
// every identifier of V2.4.1 §5.5.1 as docs/etsi-reference.md §2.2 lists them, and
// every one the real 2026 lists use, has a name; anything else has none.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "eutl/tsl/parser.h"
#include "eutl/tsl/service_type_names.h"
#include "eutl/tsl/uris.h"
#include "tests/support/fixture_server.h"
#include "tests/test_paths.h"

namespace eutl::tsl {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPrefix = "http://uri.etsi.org/TrstSvc/Svctype/";

std::string type_uri(const std::string& suffix) { return std::string(kPrefix) + suffix; }

TEST(ServiceTypeNames, NamesTheV6TypesAndLabelsThemWithTheirShortForm) {
  EXPECT_EQ(service_type_name(type_uri("RemoteQSigCDManagement/Q")),
            "qualified management of remote signature creation devices (QSigCD)");
  EXPECT_EQ(service_type_name(type_uri("EAA/Q")), "qualified electronic attestation of attributes");
  EXPECT_EQ(service_type_label(type_uri("TSA/QTST")), "qualified time stamping (TSA/QTST)");
  // The legacy "TrstSvd" spelling of some lists names the same type.
  EXPECT_EQ(service_type_name("http://uri.etsi.org/TrstSvd/Svctype/TLIssuer"), "trusted list issuer");
}

TEST(ServiceTypeNames, AnUndefinedIdentifierHasNoNameAndIsShownAsGiven) {
  EXPECT_EQ(service_type_name(type_uri("CA/QC/Extra")), "");
  EXPECT_EQ(service_type_label(type_uri("CA/QC/Extra")), "CA/QC/Extra");
  EXPECT_EQ(service_type_name("urn:example:national-type"), "");
  EXPECT_EQ(service_type_label("urn:example:national-type"), "urn:example:national-type");
  EXPECT_EQ(service_type_name(""), "");
}

// The §2.2 table of docs/etsi-reference.md (compiled from TS 119 612 V2.4.1 and DSS):
// every backquoted suffix in its three rows.
TEST(ServiceTypeNames, EveryIdentifierOfTheReferenceTableHasAName) {
  const fs::path reference = test::realdata() / "../docs/etsi-reference.md";
  if (!fs::exists(reference)) {
    GTEST_SKIP() << "no ../shared/docs beside the checkout";
  }
  std::istringstream in(test::read_text(reference));
  const std::regex row(R"(^\| (Qualified|Non-qualified|National) \(§5\.5\.1\.[123]\) \|)");
  const std::regex code("`([A-Za-z0-9/_-]+)`");
  std::size_t names = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!std::regex_search(line, row)) {
      continue;
    }
    for (std::sregex_iterator it(line.begin(), line.end(), code), end; it != end; ++it) {
      EXPECT_NE(service_type_name(type_uri((*it)[1])), "") << (*it)[1];
      ++names;
    }
  }
  EXPECT_GE(names, 50u);  // 13 qualified, 24 non-qualified, 15 national
}

TEST(ServiceTypeNames, EveryTypeTheReal2026ListsUseHasAName) {
  EUTL_REQUIRE_REALDATA();
  if (!fs::exists(test::realdata() / "tl/2026")) {
    GTEST_SKIP() << "no 2026 set in ../shared/realdata";
  }
  std::set<std::string> uris;
  for (const auto& e : fs::directory_iterator(test::realdata() / "tl/2026")) {
    const std::string text = test::read_text(e.path());
    auto list = parse_trusted_list(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                                   e.path().string());
    ASSERT_TRUE(list) << e.path() << ": " << list.error().message;
    for (const auto& tsp : list->providers) {
      for (const auto& svc : tsp.services) {
        uris.insert(svc.current.type_uri);
        for (const auto& h : svc.history) {
          uris.insert(h.type_uri);
        }
      }
    }
  }
  EXPECT_TRUE(uris.contains(type_uri("RemoteQSealCDManagement/Q")));
  EXPECT_TRUE(uris.contains(type_uri("EAA/Q")));
  for (const std::string& uri : uris) {
    EXPECT_NE(service_type_name(uri), "") << uri;
  }
}

}  // namespace
}  // namespace eutl::tsl
