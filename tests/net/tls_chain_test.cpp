// parse_tls_target (net/tls_chain.cpp): HOST, HOST:PORT, [IPv6]:PORT and https URLs.
#include <gtest/gtest.h>

#include "eutl/net/tls_chain.h"

namespace eutl::net {
namespace {

struct TargetCase {
  const char* text;
  bool ok;
  const char* host;
  std::uint16_t port;
};

const TargetCase kTargets[] = {
    {"www.example.eu", true, "www.example.eu", 443},
    {"www.example.eu:8443", true, "www.example.eu", 8443},
    {"127.0.0.1:4433", true, "127.0.0.1", 4433},
    {"[::1]:8443", true, "::1", 8443},
    {"[::1]", true, "::1", 443},
    {"::1", true, "::1", 443},
    {"https://www.example.eu", true, "www.example.eu", 443},
    {"https://www.example.eu/", true, "www.example.eu", 443},
    {"https://www.example.eu/path/to?x=1#frag", true, "www.example.eu", 443},
    {"https://www.example.eu?x=1", true, "www.example.eu", 443},
    {"HTTPS://www.example.eu:8443/", true, "www.example.eu", 8443},
    {"https://127.0.0.1:8443/a:b", true, "127.0.0.1", 8443},
    {"https://[::1]:8443/", true, "::1", 8443},
    {"https://[::1]/x", true, "::1", 443},
    {"http://www.example.eu/", false, "", 0},        // not TLS
    {"ftp://www.example.eu/", false, "", 0},
    {"https://", false, "", 0},                      // no host
    {"https:///path", false, "", 0},
    {"https://user@www.example.eu/", false, "", 0},  // user information refused
    {"https://www.example.eu:0/", false, "", 0},
    {"https://www.example.eu:99999/", false, "", 0},
    {"https://www.example.eu:/", false, "", 0},
    {"https://[::1:8443/", false, "", 0},
    {"www.example.eu:99999", false, "", 0},
    {"", false, "", 0},
};

TEST(TlsTarget, ParsesHostsPortsAndUrls) {
  for (const auto& c : kTargets) {
    auto t = parse_tls_target(c.text);
    ASSERT_EQ(t.has_value(), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(t->host, c.host) << c.text;
      EXPECT_EQ(t->port, c.port) << c.text;
    } else {
      EXPECT_EQ(t.error().code, Errc::kUsage) << c.text;
    }
  }
}

TEST(TlsTarget, UrlErrorsSayWhatIsWrong) {
  auto http = parse_tls_target("http://www.example.eu/");
  ASSERT_FALSE(http.has_value());
  EXPECT_NE(http.error().message.find("https://"), std::string::npos) << http.error().message;
  // A URL's path is not taken for a port any more.
  auto url = parse_tls_target("https://www.example.eu/path");
  ASSERT_TRUE(url.has_value());
}

}  // namespace
}  // namespace eutl::net
