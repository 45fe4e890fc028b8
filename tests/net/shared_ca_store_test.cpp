// One X509_STORE over a hashed CA directory for all the connections of a fetch
// (net/shared_ca_store.h): each CA file is read once, and trust is what it was (a server
// whose CA is not in the directory, or whose certificate names another host, is still
// refused).
#include "net/shared_ca_store.h"

#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "eutl/net/fetcher.h"
#include "eutl/net/net_guard.h"
#include "tests/support/https_server.h"

namespace eutl::net::detail {
namespace {

namespace fs = std::filesystem;

// A hashed CA directory holding the CA certificate of each server given.
fs::path hashed_directory_of(const std::string& what, const std::vector<const test::HttpsServer*>& servers) {
  fs::path dir = fs::temp_directory_path() / ("eutl-shared-ca-" + what + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const test::HttpsServer* s : servers) {
    fs::copy_file(s->ca_file(), dir / s->ca_hashed_name());
  }
  return dir;
}

// Counts the opens of files in a directory from construction on. inotify merges an event
// with the one before it when both are the same and unread, so closes are watched too:
// open, close, open, close… are four events, where four opens alone would read as one.
class OpenCounter final {
 public:
  explicit OpenCounter(const fs::path& dir) : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    m_ok = m_fd >= 0 && ::inotify_add_watch(m_fd, dir.c_str(), IN_OPEN | IN_CLOSE) >= 0;
  }
  ~OpenCounter() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  OpenCounter(const OpenCounter&) = delete;
  OpenCounter& operator=(const OpenCounter&) = delete;

  bool ok() const { return m_ok; }
  // Opens of `name` since construction (or the last call).
  int opens_of(const std::string& name) {
    int n = 0;
    alignas(inotify_event) char buf[4096];
    for (ssize_t got; (got = ::read(m_fd, buf, sizeof buf)) > 0;) {
      for (char* p = buf; p < buf + got;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        n += (e->mask & IN_OPEN) != 0 && e->len > 0 && name == e->name ? 1 : 0;
        p += sizeof(inotify_event) + e->len;
      }
    }
    return n;
  }

 private:
  int m_fd;
  bool m_ok = false;
};

std::vector<FetchResponse> fetch_hosts(const fs::path& cacert, const std::vector<std::string>& connect_to,
                                       const std::vector<std::string>& urls) {
  FetchOptions o;
  o.cacert = cacert.string();
  o.connect_to = connect_to;
  o.max_retries = 0;
  Fetcher fetcher(o);
  std::vector<FetchRequest> requests;
  for (const std::string& u : urls) {
    requests.push_back(FetchRequest{u, "", ""});
  }
  return fetcher.fetch_all(requests);
}

TEST(SharedCaStore, CurlRunsOnTheOpenSslOfThisProcess) {
  NetGuard guard;
  ASSERT_TRUE(ensure_curl());
  EXPECT_TRUE(curl_uses_our_openssl()) << "Debian's libcurl4 is built with the system's OpenSSL 3";
  EXPECT_NE(SharedCaStore::over_directory(fs::temp_directory_path().string()), nullptr);
  EXPECT_EQ(SharedCaStore::over_directory(""), nullptr);
}

TEST(SharedCaStore, EachCaFileIsReadOncePerFetchWhateverTheNumberOfHosts) {
  NetGuard guard;
  const std::vector<std::string> hosts{"a.example", "b.example", "c.example", "d.example"};
  test::HttpsServer server(hosts);
  server.set_route("/l.xml", {"<x/>", test::Fault::kNone});
  const fs::path dir = hashed_directory_of("once", {&server});
  OpenCounter opens(dir);
  ASSERT_TRUE(opens.ok());
  std::vector<std::string> urls;
  for (const std::string& h : hosts) {
    urls.push_back("https://" + h + "/l.xml");  // one connection per host name
  }
  const std::vector<FetchResponse> got =
      fetch_hosts(dir, {":443:127.0.0.1:" + std::to_string(server.port())}, urls);
  for (const FetchResponse& r : got) {
    EXPECT_EQ(r.status, FetchStatus::kOk) << r.effective_url << ": " << r.error;
  }
  // Without the shared store each of the four handshakes reads the CA file again.
  EXPECT_EQ(opens.opens_of(server.ca_hashed_name()), 1);
  EXPECT_EQ(server.requests("/l.xml"), 4);
  fs::remove_all(dir);
}

TEST(SharedCaStore, AServerWhoseCaIsNotInTheDirectoryIsStillRefused) {
  NetGuard guard;
  test::HttpsServer trusted(std::vector<std::string>{"trusted.example"});
  test::HttpsServer stranger(std::vector<std::string>{"stranger.example"});
  trusted.set_route("/l.xml", {"<x/>", test::Fault::kNone});
  stranger.set_route("/l.xml", {"<x/>", test::Fault::kNone});
  const fs::path dir = hashed_directory_of("stranger", {&trusted});
  const std::vector<FetchResponse> got =
      fetch_hosts(dir,
                  {"trusted.example:443:127.0.0.1:" + std::to_string(trusted.port()),
                   "stranger.example:443:127.0.0.1:" + std::to_string(stranger.port())},
                  {"https://trusted.example/l.xml", "https://stranger.example/l.xml", "https://trusted.example/l.xml"});
  EXPECT_EQ(got.at(0).status, FetchStatus::kOk) << got.at(0).error;
  EXPECT_EQ(got.at(1).status, FetchStatus::kTlsError) << got.at(1).error;
  EXPECT_EQ(got.at(2).status, FetchStatus::kOk) << got.at(2).error;
  EXPECT_EQ(stranger.requests("/l.xml"), 0);
  fs::remove_all(dir);
}

TEST(SharedCaStore, ACertificateForAnotherHostIsStillRefused) {
  NetGuard guard;
  test::HttpsServer wrong_name(false);  // a certificate for wrong.example, its own CA
  wrong_name.set_route("/l.xml", {"<x/>", test::Fault::kNone});
  const fs::path dir = hashed_directory_of("name", {&wrong_name});
  const std::vector<FetchResponse> got = fetch_hosts(dir, {wrong_name.connect_to()}, {"https://127.0.0.1/l.xml"});
  EXPECT_EQ(got.at(0).status, FetchStatus::kTlsError) << got.at(0).error;
  EXPECT_EQ(wrong_name.requests("/l.xml"), 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl::net::detail
