// The real 2026 lists of ../shared/realdata (MANIFEST-2026.md) served under the exact
// URLs that LOTL 390 names: its pointers (one file per territory from tl/2026/), its
// pivots (lotl/pivots/) and the LOTL itself at the EU location. Every host is sent to
// loopback as curl's connect-to does: an HTTPS server with a certificate for every
// host named, and a plain HTTP one for the http:// pointers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "eutl/tsl/parser.h"
#include "tests/support/fixture_server.h"
#include "tests/support/https_server.h"

namespace eutl::test {

inline constexpr const char* kEuLotlUrl = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
inline constexpr const char* kLotl390 = "lotl/eu-lotl-seq390-2026-08-03.xml";

struct SplitUrl final {
  std::string scheme, host, path;
};

inline SplitUrl split_url(const std::string& url) {
  const auto colon = url.find("://");
  const auto slash = url.find('/', colon + 3);
  if (colon == std::string::npos || slash == std::string::npos) {
    throw std::invalid_argument("not an absolute URL: " + url);
  }
  return {url.substr(0, colon), url.substr(colon + 3, slash - colon - 3), url.substr(slash)};
}

// The file of tl/2026/ served for a territory: the only one, except RO, where seq84
// (issued 2026-08-20, after LOTL 390) is signed by a certificate LOTL 390 does not list
// yet; the list in use on 2026-08-21 is seq83. Empty: no list (DE, LI).
inline std::filesystem::path real_2026_list(const std::filesystem::path& realdata, const std::string& territory) {
  if (territory == "RO") {
    return realdata / "tl/2026/RO-seq83.xml";
  }
  std::filesystem::path found;
  for (const auto& e : std::filesystem::directory_iterator(realdata / "tl/2026")) {
    if (e.path().filename().string().starts_with(territory + "-seq")) {
      if (!found.empty()) {
        throw std::logic_error("two lists for " + territory + ": say which one is served");
      }
      found = e.path();
    }
  }
  return found;
}

class RealListsWeb final {
 public:
  // Serves `lotl_file` (relative to `realdata`) at kEuLotlUrl.
  RealListsWeb(const std::filesystem::path& realdata, const std::string& lotl_file) {
    const std::string lotl_bytes = read_text(realdata / lotl_file);
    auto lotl = tsl::parse_trusted_list(as_bytes(lotl_bytes), lotl_file);
    if (!lotl) {
      throw std::runtime_error(lotl.error().message);
    }
    std::map<std::string, std::filesystem::path> files;  // URL → file
    files[kEuLotlUrl] = realdata / lotl_file;
    for (const auto& p : lotl->scheme.pointers) {
      if (p.mime_type == tsl::kMimeTsl && p.territory != "EU") {
        m_pointers[p.territory] = p.location;
        if (auto f = real_2026_list(realdata, p.territory); !f.empty()) {
          files[p.location] = f;
        }
      }
    }
    for (const auto& uri : lotl->scheme.information_uris.values) {
      const std::string name = std::filesystem::path(uri.value).filename().string();
      if (name.starts_with("eu-lotl-pivot-") && std::filesystem::exists(realdata / "lotl/pivots" / name)) {
        files[uri.value] = realdata / "lotl/pivots" / name;
        m_pivots.push_back(uri.value);
      }
    }
    std::vector<std::string> hosts;  // every host named, served or not (DE, LI answer 404)
    for (const auto& [url, file] : files) {
      hosts.push_back(split_url(url).host);
    }
    for (const auto& [territory, url] : m_pointers) {
      hosts.push_back(split_url(url).host);
    }
    m_https = std::make_unique<HttpsServer>(hosts);
    m_http = HttpsServer::plain_http();
    std::set<std::string> paths;  // routes are per path: no two URLs may share one
    for (const auto& [url, file] : files) {
      const SplitUrl u = split_url(url);
      if (!paths.insert(u.path).second) {
        throw std::logic_error("two URLs with path " + u.path);
      }
      (u.scheme == "https" ? *m_https : *m_http).set_route(u.path, {read_text(file), Fault::kNone});
      m_served[url] = file;
    }
  }

  // The one place the host mapping is spelled: `eutl fetch` arguments sending every
  // https host to the HTTPS server and every http host to the plain one.
  std::vector<std::string> fetch_transport_args() const {
    return {"--cacert",     m_https->ca_file().string(),
            "--connect-to", ":443:127.0.0.1:" + std::to_string(m_https->port()),
            "--connect-to", ":80:127.0.0.1:" + std::to_string(m_http->port())};
  }

  // Territory → the XML location LOTL 390 names for it (every territory, served or not).
  const std::map<std::string, std::string>& pointers() const { return m_pointers; }
  // URL → file, for everything served.
  const std::map<std::string, std::filesystem::path>& served() const { return m_served; }
  // Pivot URLs named by the LOTL and served.
  const std::vector<std::string>& pivots() const { return m_pivots; }
  // Answers 404 for `url` from now on (it must be served).
  void withhold(const std::string& url) {
    const SplitUrl u = split_url(url);
    (u.scheme == "https" ? *m_https : *m_http).set_fault(u.path, Fault::kNotFound);
  }
  std::uint64_t body_bytes_sent() const { return m_https->body_bytes_sent() + m_http->body_bytes_sent(); }
  // TLS handshakes since the last reset, and those that resumed a session.
  int tls_handshakes() const { return m_https->handshakes(); }
  int tls_resumed_handshakes() const { return m_https->resumed_handshakes(); }
  void reset_counters() {
    m_https->reset_counters();
    m_http->reset_counters();
  }

 private:
  static tsl::ByteView as_bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
  }

  std::map<std::string, std::string> m_pointers;
  std::map<std::string, std::filesystem::path> m_served;
  std::vector<std::string> m_pivots;
  std::unique_ptr<HttpsServer> m_https;
  std::unique_ptr<HttpsServer> m_http;
};

}  // namespace eutl::test
