// The CA store curl is given (net/ca_store.h): a directory counts as OpenSSL's hashed
// form only when it holds a certificate under a hashed name, and a fetch trusts such a
// directory as it trusts a PEM bundle (a handshake reads the one file it needs).
#include "net/ca_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "eutl/net/fetcher.h"
#include "tests/support/https_server.h"

namespace eutl::net::detail {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& what) {
  fs::path dir = fs::temp_directory_path() / ("eutl-ca-" + what + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const fs::path& p) { std::ofstream(p) << "x"; }

TEST(CaStore, AHashedDirectoryHoldsACertificateUnderAHashedName) {
  const fs::path dir = fresh_dir("names");
  EXPECT_FALSE(is_hashed_ca_directory(dir)) << "empty";
  touch(dir / "ca-certificates.crt");
  touch(dir / "0123abcd.x");
  touch(dir / "0123abc.0");
  EXPECT_FALSE(is_hashed_ca_directory(dir)) << "no hashed name";
  EXPECT_FALSE(is_hashed_ca_directory(dir / "ca-certificates.crt")) << "a file";
  EXPECT_FALSE(is_hashed_ca_directory(dir / "missing"));
  touch(dir / "0123abcd.0");
  EXPECT_TRUE(is_hashed_ca_directory(dir));
  fs::remove_all(dir);
}

FetchResponse fetch_with(const test::HttpsServer& server, const std::string& cacert) {
  FetchOptions o;
  o.cacert = cacert;
  o.connect_to = {server.connect_to()};
  o.max_retries = 0;
  Fetcher fetcher(o);
  return fetcher.fetch_all({FetchRequest{"https://127.0.0.1/ok.xml", "", ""}}).at(0);
}

TEST(CaStore, AFetchTrustsTheCertificatesOfAHashedDirectory) {
  test::HttpsServer server;
  server.set_route("/ok.xml", {"<x/>", test::Fault::kNone});
  const fs::path dir = fresh_dir("fetch");
  EXPECT_NE(fetch_with(server, dir.string()).status, FetchStatus::kOk) << "the server's CA is not in it yet";
  const std::string name = server.ca_hashed_name();
  ASSERT_FALSE(name.empty());
  fs::copy_file(server.ca_file(), dir / name);
  const FetchResponse r = fetch_with(server, dir.string());
  EXPECT_EQ(r.status, FetchStatus::kOk) << r.error;
  EXPECT_EQ(fetch_with(server, server.ca_file().string()).status, FetchStatus::kOk) << "a PEM file, as before";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eutl::net::detail
