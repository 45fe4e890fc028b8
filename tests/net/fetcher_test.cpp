// The fetcher against the loopback HTTPS server: each fault ends within its bound and
// is classified; the happy path, conditional GET and the size limit.
#include "eutl/net/fetcher.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "tests/support/https_server.h"

namespace eutl::net {
namespace {

using test::Fault;
using test::HttpsServer;

const std::string kBody = "<?xml version=\"1.0\"?><TrustServiceStatusList>" + std::string(4000, 'x') +
                          "</TrustServiceStatusList>";

FetchOptions fast_options(const HttpsServer& server) {
  FetchOptions o;
  o.cacert = server.ca_file().string();
  o.connect_to = {server.connect_to()};
  o.total_timeout = std::chrono::milliseconds(1500);
  o.connect_timeout = std::chrono::milliseconds(1000);
  o.low_speed_time = std::chrono::seconds(1);
  o.max_body_bytes = 1 << 20;
  o.max_retries = 1;
  o.retry_backoff = std::chrono::milliseconds(50);
  return o;
}

FetchResponse fetch_one(const HttpsServer& server, const std::string& path, FetchRequest req = {}) {
  Fetcher fetcher(fast_options(server));
  req.url = "https://127.0.0.1" + path;
  return fetcher.fetch_all({req}).at(0);
}

TEST(Fetcher, DownloadsBodyWithValidators) {
  HttpsServer server;
  server.set_route("/ok.xml", {kBody, Fault::kNone});
  FetchResponse r = fetch_one(server, "/ok.xml");
  EXPECT_EQ(r.status, FetchStatus::kOk);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(std::string(r.body.begin(), r.body.end()), kBody);
  EXPECT_FALSE(r.etag.empty());
}

// RFC 9110 §8.8.3 lets an entity-tag hold bytes 0x80-0xFF; the snapshot's JSON cannot
// carry them as they came, and a header is hostile input: such a validator is dropped
// (the next request is unconditional), a printable one is kept.
TEST(Fetcher, AValidatorThatIsNotPrintableAsciiOrTooLongIsNotKept) {
  struct Row {
    std::string etag;
    bool kept;
  };
  const Row rows[] = {
      {"\"plain-1\"", true},
      {"W/\"weak\"", true},
      {"\"obs\xff\xfetext\"", false},
      {"\"control\x01\"", false},
      {"\"" + std::string(600, 'a') + "\"", false},
  };
  for (const Row& row : rows) {
    HttpsServer server;
    server.set_route("/ok.xml", {kBody, Fault::kNone, row.etag});
    FetchResponse r = fetch_one(server, "/ok.xml");
    EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
    EXPECT_EQ(r.etag, row.kept ? row.etag : "") << row.etag;
  }
}

TEST(Fetcher, ConditionalGetGives304WithoutBody) {
  HttpsServer server;
  server.set_route("/ok.xml", {kBody, Fault::kNone});
  FetchResponse first = fetch_one(server, "/ok.xml");
  server.reset_counters();
  FetchResponse second = fetch_one(server, "/ok.xml", FetchRequest{"", first.etag, ""});
  EXPECT_EQ(second.status, FetchStatus::kNotModified);
  EXPECT_EQ(second.bytes_received, 0u);
  EXPECT_EQ(server.body_bytes_sent(), 0u);
  EXPECT_EQ(second.etag, first.etag);
}

struct FaultCase {
  const char* name;
  Fault fault;
  FetchStatus expected;
  int expected_attempts;  // 2 for transient faults (max_retries = 1)
  int expected_requests;  // requests the server saw (a redirect loop makes max_redirects + 1)
};

class FetcherFault : public ::testing::TestWithParam<FaultCase> {};

// The outcome proves which bound ended the transfer (e.g. kTimeout after two attempts
// for the 30 s stall: the 1.5 s client timeout fired twice). No wall-clock assertion
// here (DEVELOPERS guide): ctest's per-test timeout is the hang guard.
TEST_P(FetcherFault, ClassifiesTheFault) {
  HttpsServer server;
  server.set_route("/f.xml", {kBody, GetParam().fault});
  FetchResponse r = fetch_one(server, "/f.xml");
  EXPECT_EQ(r.status, GetParam().expected) << r.error;
  EXPECT_EQ(r.attempts, GetParam().expected_attempts);
  EXPECT_EQ(server.requests("/f.xml"), GetParam().expected_requests);
  EXPECT_TRUE(r.body.empty());
  EXPECT_FALSE(r.error.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Faults, FetcherFault,
    ::testing::Values(FaultCase{"NotFound", Fault::kNotFound, FetchStatus::kHttpError, 1, 1},
                      FaultCase{"ServerError", Fault::kServerError, FetchStatus::kHttpError, 2, 2},
                      FaultCase{"Reset", Fault::kReset, FetchStatus::kNetworkError, 2, 2},
                      FaultCase{"HalfBody", Fault::kHalfBody, FetchStatus::kTruncated, 2, 2},
                      FaultCase{"Stall", Fault::kStall, FetchStatus::kTimeout, 2, 2},
                      FaultCase{"Huge", Fault::kHuge, FetchStatus::kTooLarge, 1, 1},
                      FaultCase{"RedirectLoop", Fault::kRedirectLoop, FetchStatus::kTooManyRedirects, 1, 6}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Fetcher, HugeBodyIsAbortedNearTheLimit) {
  HttpsServer server;
  server.set_route("/huge.xml", {"", Fault::kHuge});
  FetchResponse r = fetch_one(server, "/huge.xml");
  EXPECT_EQ(r.status, FetchStatus::kTooLarge);
  // Never more than the limit plus what was in flight (socket buffers).
  EXPECT_LT(r.bytes_received, (1u << 20) + (4u << 20));
}

TEST(Fetcher, RejectsCertificateForAnotherName) {
  HttpsServer good;
  HttpsServer bad(/*certificate_name_ok=*/false);
  bad.set_route("/ok.xml", {kBody, Fault::kNone});
  FetchOptions o = fast_options(good);  // trusts only the good server's certificate
  o.connect_to = {bad.connect_to()};
  Fetcher fetcher(o);
  FetchResponse r = fetcher.fetch_all({FetchRequest{"https://127.0.0.1/ok.xml", {}, {}}}).at(0);
  EXPECT_EQ(r.status, FetchStatus::kTlsError) << r.error;
  EXPECT_EQ(bad.requests("/ok.xml"), 0);
}

TEST(Fetcher, RejectsNonXmlBody) {
  HttpsServer server;
  server.set_route("/html", {"<!-- x --><html/>", Fault::kNone});
  server.set_route("/text", {"Service unavailable", Fault::kNone});
  EXPECT_EQ(fetch_one(server, "/text").status, FetchStatus::kNotXml);
}

// A TCP server on 127.0.0.1 that accepts connections and never sends a byte (a
// silent TLS handshake).
class SilentServer final {
 public:
  SilentServer() {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(m_fd, 16);
    socklen_t len = sizeof a;
    ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] {
      while (!m_stop) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0) {
          int c = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
          if (c >= 0) {
            m_clients.push_back(c);
            ++m_accepted;
          }
        }
      }
    });
  }
  ~SilentServer() {
    m_stop = true;
    m_thread.join();
    for (int c : m_clients) {
      ::close(c);
    }
    ::close(m_fd);
  }
  int port() const { return m_port; }
  int accepted() const { return m_accepted.load(); }

 private:
  int m_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_accepted{0};
  std::vector<int> m_clients;
  std::thread m_thread;
};

// The per-attempt bounds are a minute and more here: only the fetch deadline can end
// the transfer, and the outcome says so.
TEST(Fetcher, SilentTlsHandshakeEndsAtTheDeadline) {
  SilentServer silent;
  HttpsServer any;
  FetchOptions o = fast_options(any);
  o.connect_to.clear();
  o.connect_timeout = std::chrono::milliseconds(60'000);
  o.total_timeout = std::chrono::milliseconds(120'000);
  o.low_speed_time = std::chrono::seconds(60);
  o.max_retries = 2;
  o.deadline = std::chrono::milliseconds(1000);
  Fetcher fetcher(o);
  const std::string url = "https://127.0.0.1:" + std::to_string(silent.port()) + "/lotl.xml";
  FetchResponse r = fetcher.fetch_all({FetchRequest{url, {}, {}}}).at(0);
  EXPECT_EQ(r.status, FetchStatus::kTimeout) << r.error;
  EXPECT_NE(r.error.find("fetch deadline of 1 s reached"), std::string::npos) << r.error;
  EXPECT_EQ(r.attempts, 1);  // no retry past the deadline
  EXPECT_GE(silent.accepted(), 1);
  // Later requests of the same fetch are not even started.
  FetchResponse later = fetcher.fetch_all({FetchRequest{url, {}, {}}}).at(0);
  EXPECT_EQ(later.status, FetchStatus::kTimeout);
  EXPECT_EQ(later.attempts, 0);
  EXPECT_NE(later.error.find("before"), std::string::npos) << later.error;
}

TEST(Fetcher, ErrorPageBodyIsNotCounted) {
  HttpsServer server;
  server.set_route("/gone.xml", {std::string(30'000, 'e'), Fault::kNotFoundPage});
  FetchResponse r = fetch_one(server, "/gone.xml");
  EXPECT_EQ(r.status, FetchStatus::kHttpError);
  EXPECT_EQ(r.http_status, 404);
  EXPECT_EQ(r.bytes_received, 0u);
}

TEST(Fetcher, HttpsRedirectToHttpIsRefused) {
  HttpsServer server;
  server.set_route("/r.xml", {"http://127.0.0.1:" + std::to_string(server.port()) + "/ok.xml", Fault::kRedirect});
  FetchResponse r = fetch_one(server, "/r.xml");
  EXPECT_EQ(r.status, FetchStatus::kInsecureRedirect) << r.error;
  EXPECT_EQ(r.attempts, 1);
}

TEST(Fetcher, ManyRequestsInParallelKeepOrder) {
  HttpsServer server;
  std::vector<FetchRequest> reqs;
  for (int i = 0; i < 20; ++i) {
    server.set_route("/l" + std::to_string(i), {"<x>" + std::to_string(i) + "</x>", Fault::kNone});
    reqs.push_back({"https://127.0.0.1/l" + std::to_string(i), {}, {}});
  }
  FetchOptions o = fast_options(server);
  o.max_connections = 3;
  Fetcher fetcher(o);
  auto out = fetcher.fetch_all(reqs);
  ASSERT_EQ(out.size(), 20u);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(std::string(out[i].body.begin(), out[i].body.end()), "<x>" + std::to_string(i) + "</x>");
  }
}

TEST(LooksLikeXml, AcceptsBomAndWhitespace) {
  EXPECT_TRUE(looks_like_xml(tsl::as_bytes("\xEF\xBB\xBF  \n<a/>")));
  EXPECT_FALSE(looks_like_xml(tsl::as_bytes("{\"a\":1}")));
  EXPECT_FALSE(looks_like_xml(tsl::as_bytes("")));
}

}  // namespace
}  // namespace eutl::net
