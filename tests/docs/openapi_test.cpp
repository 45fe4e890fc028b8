// docs/openapi.json against the real answers: every /v1 route of api_routes() is
// documented (and nothing documented under /v1 is missing from it, the operations
// routes aside), and every answer of every handler, called for real over the fixture
// store, has a status the document declares for that route, a declared content type,
// and a body that validates against the schema declared for that status
// (tests/docs/validate_json.py, python3-jsonschema; $refs into docs/schemas/).
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <iterator>
#include <set>

#include "server/api/api_routes.h"
#include "tests/cli/product_cli_support.h"
#include "tests/docs/json_schema_check.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json openapi() {
  std::ifstream in(source_dir() / "docs/openapi.json", std::ios::binary);
  return json::parse(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), nullptr,
                     false);
}

std::string method_name(server::Method m) { return m == server::Method::kPost ? "post" : "get"; }

// The operations routes the server core answers (documented here, served by it).
const std::set<std::string> kOpsPaths{"/healthz", "/readyz", "/metrics", "/v1/refresh"};

TEST(OpenApiDocument, DocumentsExactlyTheApiRoutesAndTheOperationsRoutes) {
  const json doc = openapi();
  ASSERT_TRUE(doc.is_object()) << "docs/openapi.json is not JSON";
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> served;
  for (const server::Route& r : server::api_routes()) {
    served.insert(method_name(r.method) + " " + r.pattern);
    EXPECT_TRUE(doc["paths"].contains(r.pattern)) << r.pattern << " is not in docs/openapi.json";
    EXPECT_TRUE(doc["paths"][r.pattern].contains(method_name(r.method))) << r.pattern;
  }
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(served.count(method + " " + path) == 1 || kOpsPaths.count(path) == 1)
          << method << " " << path << " is documented but not served";
      EXPECT_TRUE(op.contains("responses")) << path;
    }
  }
  for (const std::string& ops : kOpsPaths) {
    EXPECT_TRUE(doc["paths"].contains(ops)) << ops;
  }
  EXPECT_EQ(doc["paths"]["/healthz"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
               ["schema"]["const"],
            "eutl-health/1");
}

class OpenApiAnswers : public ApiContextTest {
 protected:
  void SetUp() override {
    ApiContextTest::SetUp();
    m_doc = openapi();
    ASSERT_TRUE(m_doc.is_object());
    m_dir = make_scratch("openapi-answers");
    for (const auto& e : fs::directory_iterator(source_dir() / "docs/schemas")) {
      fs::copy_file(e.path(), m_dir / e.path().filename());
    }
  }
  void TearDown() override {
    fs::remove_all(m_dir);
    ApiContextTest::TearDown();
  }

  // Calls the handler of `pattern` and checks its answer against the document.
  server::Response call(const std::string& pattern, server::Request request, int want_status) {
    const server::Route* route = nullptr;
    for (const server::Route& r : m_routes) {
      route = r.pattern == pattern && r.method == request.method ? &r : route;
    }
    EXPECT_NE(route, nullptr) << pattern;
    if (route == nullptr) {
      return {};
    }
    const server::Response answer = route->handler(request, context(m_with_lists));
    EXPECT_EQ(answer.status, want_status) << pattern << ": " << answer.content().substr(0, 400);
    check(pattern, method_name(request.method), answer);
    m_seen.insert(pattern);
    return answer;
  }

  void check(const std::string& pattern, const std::string& method, const server::Response& answer) {
    const json& responses = m_doc["paths"][pattern][method]["responses"];
    const std::string status = std::to_string(answer.status);
    ASSERT_TRUE(responses.contains(status)) << pattern << " answered " << status << ", not documented";
    const std::string media = answer.content_type.substr(0, answer.content_type.find(';'));
    const json& content = responses[status]["content"];
    ASSERT_TRUE(content.contains(media)) << pattern << " " << status << " answered " << media;
    if (media != "application/json") {
      return;
    }
    json schema = content[media]["schema"];
    std::string schema_name;
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];
      ASSERT_TRUE(ref.starts_with("schemas/")) << ref;
      schema_name = ref.substr(8);
    } else {
      schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
      schema_name = "inline-" + std::to_string(std::hash<std::string>{}(schema.dump())) + ".schema.json";
      std::ofstream(m_dir / schema_name) << schema.dump();
    }
    std::string route = pattern.substr(1);
    for (char& c : route) {
      c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    const fs::path body = m_dir / ("answer-" + std::to_string(++m_files) + "-" + route + "-" + status + ".json");
    std::ofstream(body, std::ios::binary) << answer.content();
    m_bodies[schema_name].push_back(body);
  }

  // One validator run per schema, over every answer that declares it.
  void validate_all() {
    for (const auto& [schema, bodies] : m_bodies) {
      std::string files;
      for (const fs::path& b : bodies) {
        files += " " + shell_quote(b);
      }
      const auto v = run_validator(shell_quote(m_dir / schema) + files);
      EXPECT_EQ(v.exit_code, 0) << "answers do not match " << schema << ":\n" << v.out;
    }
  }

  std::string pem(const char* name) {
    std::ifstream in(fixtures() / "certs" / name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  json m_doc;
  fs::path m_dir;
  int m_files = 0;
  bool m_with_lists = true;
  std::vector<server::Route> m_routes = server::api_routes();
  std::set<std::string> m_seen;
  std::map<std::string, std::vector<fs::path>> m_bodies;  // schema file -> answers declaring it
};

TEST_F(OpenApiAnswers, EveryHandlersAnswersMatchTheDocument) {
  // POST /v1/check
  const auto checked = call("/v1/check", api_post("/v1/check", "application/x-pem-file", pem("qwac.pem"), {{"for", "wsa"}}), 200);
  const std::string id = body_json(checked).value("evidence_id", "");
  call("/v1/check", api_post("/v1/check", "application/x-pem-file", "garbage"), 400);
  call("/v1/check", api_post("/v1/check", "application/x-pem-file", pem("qwac.pem"), {{"for", "nope"}}), 400);
  call("/v1/check", api_post("/v1/check", "image/gif", "GIF89a"), 415);
  // POST /v1/check-site
  call("/v1/check-site", api_post("/v1/check-site", "application/json", "{\"host\":\"example.eu\"}"), 403);
  m_config.allow_site_checks = true;
  call("/v1/check-site", api_post("/v1/check-site", "application/json", "{\"host\":\"127.0.0.1\"}"), 403);
  call("/v1/check-site", api_post("/v1/check-site", "application/json", "{}"), 400);
  m_config.allow_private_sites = true;
  {
    const auto scratch = make_scratch("openapi-site");
    OpenSslServer server(fixtures() / "certs/qwac.pem", fixtures() / "certs/qwac.key",
                         fixtures() / "pki/ca-qwac-BB.pem", scratch);
    ASSERT_GT(server.port(), 0);
    call("/v1/check-site",
         api_post("/v1/check-site", "application/json",
                  json({{"host", "127.0.0.1"}, {"port", server.port()}}).dump()),
         200);
    fs::remove_all(scratch);
  }
  // The evidence routes.
  const std::map<std::string, std::string> with_id{{"id", id}};
  call("/v1/evidence/{id}", api_get("/v1/evidence/" + id, {}, with_id), 200);
  call("/v1/evidence/{id}/verify", api_get("/v1/evidence/" + id + "/verify", {}, with_id), 200);
  call("/v1/evidence/{id}/report", api_get("/v1/evidence/" + id + "/report", {}, with_id), 200);
  for (const char* p : {"/v1/evidence/{id}", "/v1/evidence/{id}/verify", "/v1/evidence/{id}/report"}) {
    call(p, api_get(p, {}, {{"id", "../../etc/passwd"}}), 400);
    call(p, api_get(p, {}, {{"id", std::string(64, 'e')}}), 404);
  }
  // The catalogue.
  call("/v1/status", api_get("/v1/status"), 200);
  call("/v1/services", api_get("/v1/services", {{"type", "CA/QC"}}), 200);
  call("/v1/services", api_get("/v1/services", {{"type", "nope"}}), 400);
  const std::string service = body_json(call("/v1/services", api_get("/v1/services"), 200))[0]["id"];
  const auto a = service.find('/');
  const auto b = service.find('/', a + 1);
  const std::string pattern = "/v1/services/{territory}/{tsp}/{service}";
  call(pattern, api_get("/v1/services/" + service, {}, {{"territory", service.substr(0, a)},
                                                       {"tsp", service.substr(a + 1, b - a - 1)},
                                                       {"service", service.substr(b + 1)}}), 200);
  call(pattern, api_get("/v1/services/AA/99/9", {}, {{"territory", "AA"}, {"tsp", "99"}, {"service", "9"}}), 404);
  call(pattern, api_get("/v1/services/x", {}, {{"territory", "x"}, {"tsp", "y"}, {"service", "z"}}), 400);
  call("/v1/export.pem", api_get("/v1/export.pem", {{"for", "wsa"}}), 200);
  call("/v1/export.pem", api_get("/v1/export.pem", {{"for", "x"}}), 400);
  call("/v1/anchors", api_get("/v1/anchors"), 200);
  call("/v1/openapi.json", api_get("/v1/openapi.json"), 200);
  // No snapshot loaded.
  m_with_lists = false;
  call("/v1/check", api_post("/v1/check", "application/x-pem-file", pem("qwac.pem")), 503);
  call("/v1/check-site", api_post("/v1/check-site", "application/json", "{\"host\":\"127.0.0.1\"}"), 503);
  call("/v1/services", api_get("/v1/services"), 503);
  call(pattern, api_get("/v1/services/AA/1/1", {}, {{"territory", "AA"}, {"tsp", "1"}, {"service", "1"}}), 503);
  call("/v1/export.pem", api_get("/v1/export.pem"), 503);
  m_config.store = m_store / "missing";
  call("/v1/status", api_get("/v1/status"), 503);

  for (const server::Route& r : m_routes) {
    EXPECT_EQ(m_seen.count(r.pattern), 1u) << r.pattern << " was not called";
  }
  validate_all();
}

}  // namespace
}  // namespace eutl::test
