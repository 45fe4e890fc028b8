// eutl-fixture-server: serves the generated fixture lists over HTTPS on 127.0.0.1,
// for the demo (scripts/demo.sh) and for trying `eutl fetch` by hand.
//
//   eutl-fixture-server LISTS_DIR --ca-out server-ca.pem
//
// Every *.xml of LISTS_DIR is served at "/<file name>" (the fixture lists point at
// https://127.0.0.1/<file name>). The server certificate is a fresh self-signed one
// for IP 127.0.0.1, written to --ca-out for `eutl fetch --cacert`. Once listening it
// prints one line, the curl-style mapping for `eutl fetch --connect-to`:
//   127.0.0.1:443:127.0.0.1:<port>
// and runs until SIGINT or SIGTERM. Not a general web server: loopback only.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/support/https_server.h"

namespace {

int usage() {
  std::cerr << "usage: eutl-fixture-server LISTS_DIR --ca-out FILE\n";
  return 2;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 || std::string(argv[2]) != "--ca-out") {
    return usage();
  }
  const std::filesystem::path lists = argv[1];
  const std::filesystem::path ca_out = argv[3];
  std::error_code ec;
  if (!std::filesystem::is_directory(lists, ec)) {
    std::cerr << "eutl-fixture-server: " << lists << " is not a directory\n";
    return 2;
  }
  // Block the stop signals in every thread (the server's threads inherit the mask);
  // the main thread then waits for them with sigwait.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  eutl::test::HttpsServer server;
  int routes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(lists)) {
    if (entry.path().extension() == ".xml") {
      server.set_route("/" + entry.path().filename().string(), {read_file(entry.path()), eutl::test::Fault::kNone});
      ++routes;
    }
  }
  std::filesystem::copy_file(server.ca_file(), ca_out, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec || routes == 0) {
    std::cerr << "eutl-fixture-server: " << (ec ? ca_out.string() + ": " + ec.message() : "no *.xml to serve")
              << '\n';
    return 2;
  }
  std::cout << server.connect_to() << std::endl;
  std::cerr << "eutl-fixture-server: " << routes << " lists on https://127.0.0.1:" << server.port() << "/\n";
  int sig = 0;
  sigwait(&stop, &sig);
  return 0;
}
