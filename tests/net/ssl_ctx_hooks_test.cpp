// TLS sessions kept by one fetch and resumed by the next (net/ssl_ctx_hooks.h,
// include/eutl/net/tls_sessions.h): the server sees a resumed handshake, and nothing
// that was refused without a session is accepted with one.
#include "net/ssl_ctx_hooks.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eutl/net/fetcher.h"
#include "eutl/net/net_guard.h"
#include "eutl/net/tls_sessions.h"
#include "tests/support/https_server.h"

namespace eutl::net::detail {
namespace {

namespace fs = std::filesystem;

const tsl::TimePoint kNow =
    std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());

// One fetch of `url` by a new Fetcher (as one `eutl fetch` process makes one).
FetchResponse fetch_once(const test::HttpsServer& server, const std::string& url, TlsSessions* sessions,
                         const fs::path& cacert = {}) {
  FetchOptions o;
  o.cacert = (cacert.empty() ? server.ca_file() : cacert).string();
  o.connect_to = {":443:127.0.0.1:" + std::to_string(server.port())};
  o.max_retries = 0;
  o.tls_sessions = sessions;
  Fetcher fetcher(o);
  return fetcher.fetch_all({FetchRequest{url, "", ""}}).at(0);
}

// What the next process reads back: the text the store keeps.
TlsSessions next_process(const TlsSessions& kept) { return TlsSessions::from_text(kept.to_text(), kNow); }

class TlsResumption : public ::testing::Test {
 protected:
  void SetUp() override { m_server.set_route("/l.xml", {"<x/>", test::Fault::kNone}); }

  // The sessions a first fetch of a.example keeps.
  TlsSessions first_fetch() {
    TlsSessions sessions;
    const FetchResponse r = fetch_once(m_server, "https://a.example/l.xml", &sessions);
    EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
    EXPECT_EQ(sessions.size(), 1u);
    EXPECT_NE(sessions.find("a.example"), nullptr);
    m_server.reset_counters();
    return sessions;
  }

  // A first fetch keeps a session; the next process's fetch resumes it.
  void expect_the_next_fetch_resumes() {
    TlsSessions sessions = next_process(first_fetch());
    const FetchResponse r = fetch_once(m_server, "https://a.example/l.xml", &sessions);
    EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
    EXPECT_EQ(m_server.handshakes(), 1);
    EXPECT_EQ(m_server.resumed_handshakes(), 1);
    EXPECT_EQ(sessions.resumed(), 1u);
    EXPECT_EQ(sessions.size(), 1u);  // the new ticket, for the fetch after
  }

  NetGuard m_guard;
  test::HttpsServer m_server{std::vector<std::string>{"a.example"}};
};

TEST_F(TlsResumption, TheNextFetchResumesTheSessionTheLastOneKept) { expect_the_next_fetch_resumes(); }

TEST_F(TlsResumption, ATls12SessionIsResumedToo) {
  // The kept session is read without its certificate's key (net/session_decoder.h);
  // TLS 1.2's abbreviated handshake (RFC 5077 §3.1) uses no key of the server either.
  m_server.limit_to_tls12();
  expect_the_next_fetch_resumes();
}

TEST_F(TlsResumption, WithoutSessionsEveryHandshakeIsAFullOne) {
  (void)first_fetch();
  const FetchResponse r = fetch_once(m_server, "https://a.example/l.xml", nullptr);
  EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
  EXPECT_EQ(m_server.handshakes(), 1);
  EXPECT_EQ(m_server.resumed_handshakes(), 0);
}

TEST_F(TlsResumption, AnotherCaSettingDropsTheSessions) {
  TlsSessions sessions = next_process(first_fetch());
  const fs::path copy = fs::temp_directory_path() / ("eutl-hooks-ca-" + std::to_string(::getpid()) + ".pem");
  fs::copy_file(m_server.ca_file(), copy, fs::copy_options::overwrite_existing);
  const FetchResponse r = fetch_once(m_server, "https://a.example/l.xml", &sessions, copy);
  EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
  EXPECT_EQ(m_server.resumed_handshakes(), 0);  // verified again under the new setting
  EXPECT_EQ(sessions.resumed(), 0u);
  EXPECT_EQ(sessions.size(), 1u);  // this fetch's, under the new setting
  fs::remove(copy);
}

TEST_F(TlsResumption, ASessionKeptForOneNameDoesNotLetAServerPassForAnother) {
  // The store is hostile input: a session of a.example filed under b.example. The
  // server (the same one, whose certificate names a.example only) may take the ticket
  // back, but curl checks the name against the session's certificate, as it checks a
  // certificate presented in full: b.example is refused either way.
  std::string text = first_fetch().to_text();
  const std::size_t at = text.find("a.example ");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 1, "b");
  TlsSessions sessions = TlsSessions::from_text(text, kNow);
  ASSERT_NE(sessions.find("b.example"), nullptr);
  const FetchResponse r = fetch_once(m_server, "https://b.example/l.xml", &sessions);
  EXPECT_EQ(r.status, FetchStatus::kTlsError) << r.error;
  EXPECT_EQ(m_server.requests("/l.xml"), 0);
  // OpenSSL 3.0 takes the ticket back whatever the name: the refusal is curl's check
  // of the resumed session's certificate.
  EXPECT_EQ(sessions.resumed(), 1u);
}

TEST_F(TlsResumption, AnUnreadableSessionIsDroppedAndTheHandshakeIsAFullOne) {
  (void)first_fetch();
  TlsSessions sessions = TlsSessions::from_text(
      "eutl-tls-sessions/1\ntrust " + trust_digest(m_server.ca_file().string()) + "\na.example 99999999999 3000\n", kNow);
  ASSERT_NE(sessions.find("a.example"), nullptr);
  const FetchResponse r = fetch_once(m_server, "https://a.example/l.xml", &sessions);
  EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
  EXPECT_EQ(m_server.resumed_handshakes(), 0);
  ASSERT_NE(sessions.find("a.example"), nullptr);  // replaced by this fetch's
  EXPECT_NE(sessions.find("a.example")->size(), 2u);
}

TEST(TrustDigest, NamesTheSettingAndChangesWithTheFile) {
  const fs::path file = fs::temp_directory_path() / ("eutl-trust-" + std::to_string(::getpid()) + ".pem");
  fs::remove(file);
  const std::string absent = trust_digest(file.string());
  { std::ofstream(file) << "one"; }
  const std::string one = trust_digest(file.string());
  EXPECT_NE(one, absent);
  EXPECT_EQ(trust_digest(file.string()), one);
  { std::ofstream(file, std::ios::app) << " and two"; }
  EXPECT_NE(trust_digest(file.string()), one);
  EXPECT_NE(trust_digest(fs::temp_directory_path().string()), trust_digest(file.string()));
  fs::remove(file);
}

}  // namespace
}  // namespace eutl::net::detail
