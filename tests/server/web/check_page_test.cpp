// GET / and POST /check called directly: the form, its accessibility, the answers to
// input the check cannot use, and a real result page.
#include "server/web/check_page.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "server/web/form_data.h"
#include "tests/server/web/web_test_context.h"
#include "tests/support/text_file.h"

namespace eutl::server::web {
namespace {

using ::eutl::test::read_text;

using ::eutl::test::contains;

class CheckPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_lists = test::fixture_lists(); }
  static void TearDownTestSuite() { s_lists.reset(); }

  void SetUp() override {
    m_parts.config.evidence_dir = std::filesystem::temp_directory_path() / ("eutl-web-evidence-" + std::to_string(::getpid()));
  }
  void TearDown() override { std::filesystem::remove_all(m_parts.config.evidence_dir); }

  Response post(const std::string& type, const std::string& body, const std::string& problem = {}) {
    Request r;
    r.method = Method::kPost;
    r.path = "/check";
    r.content_type = type;
    r.body = body;
    return check_post(r, m_parts.make(s_lists, test::at("2025-03-01T12:00:00Z"), problem));
  }
  static std::string urlencoded(const std::string& certificate, const std::string& claim) {
    return "certificate=" + form_encode(certificate) + "&claim=" + form_encode(claim) + "&at=";
  }

  static std::shared_ptr<const TrustedLists> s_lists;
  test::ContextParts m_parts;
};
std::shared_ptr<const TrustedLists> CheckPageTest::s_lists;

TEST_F(CheckPageTest, TheFormWorksWithoutJavaScriptAndLabelsEveryControl) {
  const Response r = check_form_page(Request{}, m_parts.make(s_lists, test::at("2025-03-01")));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(contains(r.body, "<form id=\"check-form\" class=\"check\" method=\"post\" action=\"/check\" "
                          "enctype=\"multipart/form-data\">"));
  EXPECT_TRUE(contains(r.body, "<h1>Is this an EU qualified certificate?</h1>"));
  // Every input, select and textarea has a <label for=its id>.
  const std::regex control(R"re(<(?:input|select|textarea) id="([a-z-]+)")re");
  std::size_t controls = 0;
  for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), control); it != std::sregex_iterator(); ++it) {
    ++controls;
    EXPECT_TRUE(contains(r.body, "<label for=\"" + (*it)[1].str() + "\">")) << (*it)[1].str();
  }
  EXPECT_EQ(controls, 5u);  // certificate, file, claim, at, host
  // The host name form needs JavaScript (POST /v1/check-site): hidden until app.js shows it.
  EXPECT_TRUE(contains(r.body, "<form id=\"site-form\" class=\"check\" hidden>"));
  EXPECT_FALSE(contains(r.body, "lists-problem"));
}

TEST_F(CheckPageTest, ProblemsWithTheListsAreShownEscaped) {
  const Response r = check_form_page(Request{}, m_parts.make(nullptr, test::at("2025-03-01"), "<b>stale</b> lists"));
  EXPECT_TRUE(contains(r.body, "id=\"lists-problem\""));
  EXPECT_TRUE(contains(r.body, "&lt;b&gt;stale&lt;/b&gt; lists"));
}

TEST_F(CheckPageTest, InputTheCheckCannotUseGetsTheFormBackWithTheReason) {
  const std::string key = read_text(eutl::test::fixtures() / "certs/qwac.key");
  const std::string boundary = "--b1\r\nContent-Disposition: form-data; name=\"certificate\"\r\n\r\n";
  const struct {
    std::string type;
    std::string body;
    int status;
    const char* says;
  } cases[] = {
      {"application/x-www-form-urlencoded", urlencoded("", "qwac"), 400, "no certificate"},
      {"application/x-www-form-urlencoded", urlencoded("  \r\n ", "qwac"), 400, "no certificate"},
      {"application/x-www-form-urlencoded", urlencoded(key, ""), 400, "private key"},
      {"application/x-www-form-urlencoded", urlencoded("not a certificate", ""), 400, "no certificate"},
      {"application/x-www-form-urlencoded", "certificate=%zz", 400, "hex digits"},
      {"application/x-www-form-urlencoded", "certificate=" + std::string(200 * 1024, 'A'), 413, "longer than"},
      {"application/json", R"({"certificate":"x"})", 415, "multipart/form-data"},
      {"multipart/form-data", boundary + "x", 400, "closing boundary"},
      {"multipart/form-data",
       boundary + "pasted\r\n--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.der\"\r\n\r\n0\r\n--b1--",
       400, "not both"},
  };
  for (const auto& c : cases) {
    const Response r = post(c.type, c.body);
    EXPECT_EQ(r.status, c.status) << c.says;
    EXPECT_TRUE(contains(r.body, "<div class=\"error\" id=\"error\" role=\"alert\">")) << c.says;
    EXPECT_TRUE(contains(r.body, c.says)) << c.says << "\n" << r.body.substr(0, 2000);
    EXPECT_TRUE(contains(r.body, "id=\"check-form\"")) << "the form comes back";
    EXPECT_FALSE(contains(r.body, "-----BEGIN PRIVATE KEY")) << "never echo a key";
  }
}

// The page runs server::run_check (server/api/check_service.cpp), the same check POST /v1/check runs.
TEST_F(CheckPageTest, AFixtureQwacGivesAResultPageWithTheEvidenceLinks) {
  const std::string pem = read_text(eutl::test::fixtures() / "certs/qwac.pem");
  const Response r = post("application/x-www-form-urlencoded", urlencoded(pem, "qwac"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "data-verdict=\"confirmed\"")) << r.body;
  const std::regex link(R"re(<a id="report-link" href="/v1/evidence/([0-9a-f]{64})/report">)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.body, m, link)) << r.body;
  EXPECT_TRUE(contains(r.body, "<a id=\"record-link\" href=\"/v1/evidence/" + m[1].str() + "\" download="));

  // The same through multipart, the certificate uploaded as DER this time.
  const std::string der_cmd = "openssl x509 -outform DER -in '" + (eutl::test::fixtures() / "certs/qwac.pem").string() + "'";
  const std::string der = eutl::test::run_command(der_cmd).out;
  ASSERT_FALSE(der.empty());
  const std::string body = "--XYZ\r\nContent-Disposition: form-data; name=\"certificate\"\r\n\r\n\r\n"
                           "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"qwac.der\"\r\n"
                           "Content-Type: application/x-x509-ca-cert\r\n\r\n" + der +
                           "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"claim\"\r\n\r\nqes\r\n--XYZ--\r\n";
  const Response multi = post("multipart/form-data", body);
  ASSERT_EQ(multi.status, 200) << multi.body;
  EXPECT_TRUE(contains(multi.body, "data-verdict=\"refuted\""));
}

}  // namespace
}  // namespace eutl::server::web
