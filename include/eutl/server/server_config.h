// What `eutl serve` was told on its command line (cli/cmd_serve.cpp fills it).
// Secure defaults: loopback only, small bodies, short timeouts, site checks off.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace eutl::server {

struct ServerConfig final {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::filesystem::path store;            // the store the snapshots come from (and fetch fills)
  std::filesystem::path lotl_signers;     // PEM of OJ anchors; empty: the bundled ones
  std::filesystem::path evidence_dir;     // where /v1/check keeps records; empty: <store>/evidence
  std::chrono::seconds refresh_every{0};  // 0: no scheduled refresh (POST /v1/refresh only)
  std::string lotl_url;                   // the LOTL URL fetch starts from; empty: the EU one
  bool allow_site_checks = false;         // POST /v1/check-site
  bool allow_private_sites = false;       // …to loopback, private and link-local addresses
  std::size_t max_body_bytes = 256 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds read_timeout{10'000};  // a whole request, headers and body
  std::size_t max_connections = 256;
};

}  // namespace eutl::server
