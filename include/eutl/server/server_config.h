// What `eutl serve` was told on its command line (cli/cmd_serve.cpp fills it).
// Secure defaults: loopback only, small bodies, short timeouts, site checks off.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace eutl::server {

struct ServerConfig final {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::filesystem::path store;            // the store the snapshots come from (and fetch fills)
  std::filesystem::path lotl_signers;     // PEM of OJ anchors; empty: the bundled ones
  std::filesystem::path evidence_dir;     // where /v1/check keeps records; empty: <store>/evidence
  // Evidence retention (docs/serve.md): records whose file is older are removed (0: no
  // age limit), and beyond the count the oldest go first (0: no count limit).
  std::chrono::seconds evidence_keep{std::chrono::days{90}};
  std::size_t evidence_max_records = 100'000;
  std::chrono::seconds refresh_every{0};  // 0: no scheduled refresh (POST /v1/refresh only)
  std::string lotl_url;                   // the LOTL URL fetch starts from; empty: the EU one
  bool allow_site_checks = false;         // POST /v1/check-site
  bool allow_private_sites = false;       // …to loopback, private and link-local addresses
  std::size_t max_body_bytes = 256 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds read_timeout{10'000};  // a whole request, headers and body
  std::size_t max_connections = 256;
  // Not a setting: run_server sets it to count each new evidence record for the
  // retention (an O(1) call on the request path); empty: nobody counts.
  std::function<void()> on_evidence_stored;
};

}  // namespace eutl::server
