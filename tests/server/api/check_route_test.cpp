// POST /v1/check called directly over the fixture store at 2025-03-01: PEM, DER and
// JSON bodies, the answer byte-equal to `eutl check --json` apart from evidence_id,
// the evidence record kept under its digest, and the input errors with their codes.
#include "server/api/check_route.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "eutl/tsl/bytes.h"
#include "eutl/tsl/read_file.h"
#include "server/api/evidence_store.h"
#include "tests/support/api_context.h"

namespace eutl::test {
namespace {

using nlohmann::json;

std::string file_text(const std::filesystem::path& p) {
  auto bytes = tsl::read_file(p, tsl::FileKind::kCertificate);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

std::string der_of(const std::filesystem::path& pem) {
  return run_command("openssl x509 -in " + shell_quote(pem) + " -outform DER 2>/dev/null").out;
}

// The answer without its first key (evidence_id), as `eutl check --json` prints it.
std::string without_evidence_id(std::string_view body) {
  const auto line_end = body.find('\n', 2);
  return "{\n" + std::string(body.substr(line_end + 1));
}

class CheckRoute : public ApiContextTest {};

TEST_F(CheckRoute, PemAnswerIsTheCheckJsonOfTheCliPlusEvidenceId) {
  const auto cert = fixtures() / "certs/qwac.pem";
  const server::Response r = server::check_route(
      api_post("/v1/check", "application/x-pem-file", file_text(cert), {{"for", "wsa"}, {"at", "2025-03-01"}}),
      context());
  ASSERT_EQ(r.status, 200) << r.content();
  EXPECT_EQ(r.content_type, "application/json");
  const json answer = body_json(r);
  ASSERT_TRUE(answer.is_object()) << r.content();
  EXPECT_EQ(answer["schema"], "eutl-check/1");
  EXPECT_EQ(answer["claim"], "qwac");
  EXPECT_EQ(answer["verdict"], "confirmed") << r.content();
  const std::string id = answer["evidence_id"];
  EXPECT_TRUE(server::is_evidence_id(id)) << id;
  EXPECT_TRUE(r.content().starts_with("{\n  \"evidence_id\": \"" + id + "\",\n")) << r.content().substr(0, 120);

  const auto by_cli = run_command(cli() + " check " + shell_quote(cert) + " --json --for wsa --at 2025-03-01" + store());
  EXPECT_EQ(by_cli.exit_code, 0) << by_cli.out;
  EXPECT_EQ(without_evidence_id(r.content()), by_cli.out);
  ASSERT_EQ(m_verdicts.answers().size(), 1u);
  EXPECT_EQ(m_verdicts.answers().front(), Answer::kYes);

  // The record is kept under the SHA-256 of its bytes.
  const auto record = m_store / "evidence" / (id + ".json");
  ASSERT_TRUE(std::filesystem::is_regular_file(record));
  auto bytes = tsl::read_file(record, tsl::FileKind::kEvidence);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(tsl::to_hex(tsl::sha256(*bytes)), id);
  EXPECT_EQ(json::parse(*bytes)["schema"], "eutl-evidence/3");
}

TEST_F(CheckRoute, DerAndJsonBodiesGiveTheSameDecision) {
  const auto cert = fixtures() / "certs/qes-natural.pem";
  const server::Response pem = server::check_route(
      api_post("/v1/check", "application/x-pem-file", file_text(cert), {{"for", "qes"}}), context());
  const std::string der = der_of(cert);
  ASSERT_FALSE(der.empty());
  const server::Response der_answer =
      server::check_route(api_post("/v1/check", "application/pkix-cert", der, {{"for", "qes"}}), context());
  const json body = {{"certificate", tsl::base64_encode(tsl::as_bytes(der))}, {"claim", "qes"},
                     {"at", "2025-03-01T00:00:00Z"}};
  const server::Response js = server::check_route(api_post("/v1/check", "application/json", body.dump()), context());
  ASSERT_EQ(pem.status, 200) << pem.content();
  ASSERT_EQ(der_answer.status, 200) << der_answer.content();
  ASSERT_EQ(js.status, 200) << js.content();
  EXPECT_EQ(pem.content(), der_answer.content());
  EXPECT_EQ(pem.content(), js.content());
  EXPECT_EQ(body_json(js)["claim"], "qes");
}

TEST_F(CheckRoute, AVerdictOtherThanYesIsStill200) {
  const server::Response r = server::check_route(
      api_post("/v1/check", "application/x-pem-file", file_text(fixtures() / "certs/pkc-plain.pem"), {{"for", "qes"}}),
      context());
  ASSERT_EQ(r.status, 200) << r.content();
  EXPECT_EQ(body_json(r)["verdict"], "refuted") << r.content();
  EXPECT_EQ(m_verdicts.answers(), std::vector<Answer>{Answer::kNo});
}

TEST_F(CheckRoute, TheSameRequestInTheSameSecondIsAnsweredFromTheMemo) {
  server::RequestContext ctx = context();
  ctx.checks = std::make_shared<server::CheckMemo>();
  const std::string pem = file_text(fixtures() / "certs/qwac.pem");
  const server::Response first =
      server::check_route(api_post("/v1/check", "application/x-pem-file", pem, {{"for", "wsa"}}), ctx);
  ASSERT_EQ(first.status, 200) << first.content();
  const std::string id = body_json(first)["evidence_id"];
  ASSERT_TRUE(std::filesystem::remove(m_store / "evidence" / (id + ".json")));
  // Kept twice: under the check's inputs (run_check) and under the request's bytes, which
  // the route looks up before it decodes anything.
  EXPECT_EQ(ctx.checks->size(), 2u);
  EXPECT_EQ(m_verdicts.kept_answers(), 0);

  // The same bytes: the same answer, and nothing decided or written again.
  const server::Response again =
      server::check_route(api_post("/v1/check", "application/x-pem-file", pem, {{"for", "wsa"}}), ctx);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.content(), first.content());
  EXPECT_FALSE(std::filesystem::exists(m_store / "evidence" / (id + ".json")));
  EXPECT_EQ(m_verdicts.answers(), (std::vector<Answer>{Answer::kYes, Answer::kYes}));
  EXPECT_EQ(m_verdicts.kept_answers(), 1);
  EXPECT_EQ(ctx.checks->size(), 2u);
  // Sent from where the memo keeps it, not copied.
  ASSERT_NE(again.shared_body, nullptr);
  EXPECT_EQ(again.shared_body, first.shared_body);

  // Another claim in the query is another check.
  const server::Response other =
      server::check_route(api_post("/v1/check", "application/x-pem-file", pem, {{"for", "qes"}}), ctx);
  ASSERT_EQ(other.status, 200) << other.content();
  EXPECT_EQ(body_json(other)["claim"], "qes");
  EXPECT_NE(body_json(other)["evidence_id"], id);

  // An input error is never kept: asked again, it is refused again.
  for (int i = 0; i < 2; ++i) {
    const server::Response bad =
        server::check_route(api_post("/v1/check", "application/x-pem-file", "not a certificate"), ctx);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(error_code(bad), "bad_certificate");
  }
}

TEST_F(CheckRoute, InputErrorsHaveStableCodes) {
  const std::string pem = file_text(fixtures() / "certs/qwac.pem");
  struct Case {
    server::Request request;
    int status;
    const char* code;
  };
  const std::vector<Case> cases = {
      {api_post("/v1/check", "application/x-pem-file", "not a certificate"), 400, "bad_certificate"},
      {api_post("/v1/check", "application/x-pem-file", ""), 400, "bad_certificate"},
      {api_post("/v1/check", "application/pkix-cert", std::string(300000, '\x30')), 400, "bad_certificate"},
      {api_post("/v1/check", "application/x-pem-file", pem, {{"for", "qxyz"}}), 400, "bad_claim"},
      {api_post("/v1/check", "application/x-pem-file", pem, {{"at", "yesterday"}}), 400, "bad_time"},
      {api_post("/v1/check", "application/json", "{\"certificate\": "), 400, "bad_json"},
      {api_post("/v1/check", "application/json", "[1, 2]"), 400, "bad_json"},
      {api_post("/v1/check", "application/json", "{\"chain\": []}"), 400, "bad_json"},
      {api_post("/v1/check", "application/json", json({{"certificate", pem}, {"claim", 7}}).dump()), 400, "bad_json"},
      {api_post("/v1/check", "application/json", json({{"certificate", "%%%"}}).dump()), 400, "bad_certificate"},
      {api_post("/v1/check", "application/json", json({{"certificate", pem}, {"chain", {"nope"}}}).dump()), 400,
       "bad_certificate"},
      {api_post("/v1/check", "application/json", json({{"certificate", pem}, {"claim", "qwack"}}).dump()), 400,
       "bad_claim"},
      {api_post("/v1/check", "image/png", pem), 415, "unsupported_media_type"},
  };
  for (const Case& c : cases) {
    const server::Response r = server::check_route(c.request, context());
    EXPECT_EQ(r.status, c.status) << c.code << ": " << r.content();
    EXPECT_EQ(error_code(r), c.code) << r.content();
    EXPECT_FALSE(body_json(r)["error"].value("message", "").empty()) << r.content();
  }
  EXPECT_TRUE(m_verdicts.answers().empty());
  EXPECT_FALSE(std::filesystem::exists(m_store / "evidence"));
}

TEST_F(CheckRoute, WithoutASnapshotTheAnswerIs503SayingWhy) {
  const server::Response r = server::check_route(
      api_post("/v1/check", "application/x-pem-file", file_text(fixtures() / "certs/qwac.pem")), context(false));
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(error_code(r), "no_lists");
  EXPECT_EQ(body_json(r)["error"]["message"], "no snapshot loaded yet");
}

}  // namespace
}  // namespace eutl::test
