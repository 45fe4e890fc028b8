// The /v1 route handlers called directly, as the server core calls them: a store of the
// fixture lists imported at 2025-03-01 (tests/support/cli_stores.h), the TrustedLists of
// its current snapshot, a ServerConfig over that store and a RequestContext at the
// fixture time. No socket: a handler is a function of Request and RequestContext.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eutl/outcome.h"
#include "eutl/trusted_lists.h"
#include "eutl/tsl/time.h"
#include "server/http_message.h"
#include "server/route.h"
#include "tests/support/cli_stores.h"

namespace eutl::test {

// Counts the verdicts a handler reports (the server's metrics in production).
class RecordingVerdicts final : public server::VerdictSink {
 public:
  void count_verdict(Answer answer) override { m_answers.push_back(answer); }
  void count_kept_answer() override { ++m_kept; }
  const std::vector<Answer>& answers() const { return m_answers; }
  int kept_answers() const { return m_kept; }

 private:
  std::vector<Answer> m_answers;
  int m_kept = 0;
};

inline tsl::TimePoint fixture_time() { return tsl::parse_datetime("2025-03-01T00:00:00Z")->time; }

inline server::Request api_get(const std::string& path, std::map<std::string, std::string> query = {},
                               std::map<std::string, std::string> path_params = {}) {
  server::Request r;
  r.method = server::Method::kGet;
  r.path = path;
  r.target = path;
  r.query = std::move(query);
  r.path_params = std::move(path_params);
  return r;
}

inline server::Request api_post(const std::string& path, const std::string& content_type, std::string body,
                                std::map<std::string, std::string> query = {}) {
  server::Request r;
  r.method = server::Method::kPost;
  r.path = path;
  r.target = path;
  r.content_type = content_type;
  r.body = std::move(body);
  r.query = std::move(query);
  return r;
}

inline nlohmann::json body_json(const server::Response& r) {
  return nlohmann::json::parse(r.content(), nullptr, false);
}

// The error code of an eutl-error/1 answer ("" when the body is not one).
inline std::string error_code(const server::Response& r) {
  const nlohmann::json j = body_json(r);
  return j.is_object() && j.value("schema", "") == "eutl-error/1" ? j["error"].value("code", "") : std::string();
}

class ApiContextTest : public FixtureStoreTest {
 protected:
  void SetUp() override {
    FixtureStoreTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    m_config.store = m_store;
    ListSource source;
    source.store = m_store;
    auto lists = TrustedLists::load(source, fixture_time());
    ASSERT_TRUE(lists) << lists.error().message;
    m_lists = std::make_shared<const TrustedLists>(std::move(*lists));
  }

  // The context of one request over the loaded lists (none: `with_lists` false).
  server::RequestContext context(bool with_lists = true) {
    return server::RequestContext{with_lists ? m_lists : nullptr, with_lists ? "" : "no snapshot loaded yet",
                                  m_config, fixture_time(), m_verdicts};
  }

  server::ServerConfig m_config;
  std::shared_ptr<const TrustedLists> m_lists;
  RecordingVerdicts m_verdicts;
};

}  // namespace eutl::test
