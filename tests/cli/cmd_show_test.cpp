// `eutl show` end to end: the built CLI on real lists and generated fixtures.
// Expected numbers: realdata from xmllint XPath (see tests/tsl/parser_realdata_test.cpp
// for the expressions), fixtures from fixtures/MANIFEST.txt and the templates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_paths.h"

namespace eutl::test {
namespace {

std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// stdout only (stderr discarded) / stderr only (stdout discarded).
CommandResult show_stdout(const std::string& args) { return run_command(cli() + " show " + args + " 2>/dev/null"); }
CommandResult show_stderr(const std::string& args) {
  return run_command(cli() + " show " + args + " 2>&1 >/dev/null");
}

nlohmann::json show_json(const std::filesystem::path& file) {
  auto r = show_stdout("--json " + quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

TEST(ShowCli, JsonForANationalList) {
  auto j = show_json(fixtures() / "lists/tl-AA.xml");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["tsl_type"], "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric");
  EXPECT_EQ(j["territory"], "AA");
  EXPECT_EQ(j["sequence_number"], 7);
  EXPECT_EQ(j["version"], 5);
  EXPECT_EQ(j["issue_date"], "2025-01-01T00:00:00Z");
  EXPECT_EQ(j["next_update"], "2025-07-01T00:00:00Z");
  EXPECT_EQ(j["tsp_count"], 2);
  EXPECT_EQ(j["service_count"], 4);
  EXPECT_EQ(j["certificate_count"], 4);
  ASSERT_TRUE(j["pointers"].is_array());
  ASSERT_EQ(j["pointers"].size(), 1u);
  const auto& p = j["pointers"][0];
  EXPECT_EQ(p["territory"], "EU");
  EXPECT_EQ(p["location"], "https://127.0.0.1/lotl.xml");
  EXPECT_EQ(p["tsl_type"], "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists");
  EXPECT_EQ(p["mime_type"], "application/vnd.etsi.tsl+xml");
  EXPECT_EQ(p["certificate_count"], 1);
}

TEST(ShowCli, JsonForTheRealLotl) {
  EUTL_REQUIRE_REALDATA();
  auto j = show_json(realdata() / "lotl/eu-lotl-seq332-2023-09-27.xml");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["tsl_type"], "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists");
  EXPECT_EQ(j["territory"], "EU");
  EXPECT_EQ(j["sequence_number"], 332);
  EXPECT_EQ(j["next_update"], "2024-03-26T10:00:29Z");
  EXPECT_EQ(j["tsp_count"], 0);
  EXPECT_EQ(j["service_count"], 0);
  ASSERT_EQ(j["pointers"].size(), 43u);
  std::size_t certs = 0;
  for (const auto& p : j["pointers"]) certs += p["certificate_count"].get<std::size_t>();
  EXPECT_EQ(certs, 151u);  // xmllint: 151 X509Certificate under OtherTSLPointer
  EXPECT_EQ(j["pointers"][0]["location"], "https://ec.europa.eu/tools/lotl/eu-lotl.xml");
  EXPECT_EQ(j["pointers"][0]["certificate_count"], 6);
}

TEST(ShowCli, ClosedListHasNullNextUpdate) {
  EUTL_REQUIRE_REALDATA();
  auto j = show_json(realdata() / "tl/2023/UK-seq25.xml");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j.contains("next_update"));
  EXPECT_TRUE(j["next_update"].is_null());
  EXPECT_EQ(j["territory"], "UK");
  EXPECT_EQ(j["sequence_number"], 25);
  EXPECT_EQ(j["tsp_count"], 16);
  EXPECT_EQ(j["service_count"], 19);
  EXPECT_EQ(j["certificate_count"], 9);
}

TEST(ShowCli, TextSummary) {
  auto r = show_stdout(quote(fixtures() / "lists/tl-AA.xml"));
  EXPECT_EQ(r.exit_code, 0);
  for (const char* line : {"territory       AA", "sequence        7", "version         5",
                           "issued          2025-01-01T00:00:00Z", "next update     2025-07-01T00:00:00Z",
                           "providers       2", "services        4 current", "certificates    4",
                           "pointers        1", "https://127.0.0.1/lotl.xml"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  }
}

TEST(ShowCli, TextSummaryOfAClosedList) {
  EUTL_REQUIRE_REALDATA();
  auto r = show_stdout(quote(realdata() / "tl/2023/UK-seq25.xml"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("next update     none (closed list)"), std::string::npos) << r.out;
}

// Exit 2, nothing on stdout, exactly one line on stderr that says what is wrong.
void expect_input_error(const std::string& args, const std::string& what) {
  auto out = show_stdout(args);
  EXPECT_EQ(out.exit_code, 2) << args;
  EXPECT_EQ(out.out, "") << args;
  auto err = show_stderr(args);
  EXPECT_EQ(err.exit_code, 2) << args;
  ASSERT_FALSE(err.out.empty()) << args;
  EXPECT_EQ(err.out.find('\n'), err.out.size() - 1) << "not one line: " << err.out;
  EXPECT_EQ(err.out.rfind("eutl: ", 0), 0u) << err.out;
  EXPECT_NE(err.out.find(what), std::string::npos) << err.out;
}

class ScratchDir final {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "eutl-show-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) m_path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

TEST(ShowCli, MissingFileIsExit2) {
  ScratchDir dir;
  auto missing = dir.path() / "nope.xml";
  expect_input_error(quote(missing), missing.string() + ": cannot open");
}

TEST(ShowCli, DirectoryIsExit2) {
  ScratchDir dir;
  expect_input_error(quote(dir.path()), "is a directory");
}

TEST(ShowCli, NotATrustedListIsExit2) {
  expect_input_error(quote(fixtures() / "bad/not-a-tsl.xml"), "not a trusted list");
}

TEST(ShowCli, NotWellFormedIsExit2WithFileAndLine) {
  EUTL_REQUIRE_REALDATA();
  auto f = realdata() / "broken/CZ-seq77-not-parsable.xml";
  expect_input_error(quote(f), f.string() + ":596: Opening and ending tag mismatch");
}

TEST(ShowCli, HostileDocumentIsExit2) {
  ScratchDir dir;
  auto f = dir.path() / "xxe.xml";
  std::ofstream(f) << "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
  expect_input_error(quote(f), "DOCTYPE/DTD is not allowed");
  auto big = dir.path() / "big.xml";
  { std::ofstream(big) << "<r>"; }
  std::filesystem::resize_file(big, 200u << 20);  // sparse
  expect_input_error(quote(big), "exceeds the limit");
}

TEST(ShowCli, MissingArgumentIsExit2) {
  auto r = run_command(cli() + " show 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, ::testing::HasSubstr("FILE is required")) << "the parser names the missing argument";
}

}  // namespace
}  // namespace eutl::test
